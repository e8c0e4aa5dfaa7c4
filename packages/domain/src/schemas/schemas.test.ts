import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../canonical-json.js';
import { freeze } from '../freeze.js';
import { filledClassDoc, sampleFreezeContext, sampleFrozenBilanFinCycle } from '../testing/index.js';
import { FrozenBilanFinCycleSchema } from './bilan-fin-cycle.js';
import { type FrozenBilanPeriodique, FrozenBilanPeriodiqueSchema } from './bilan-periodique.js';

const frozen = () =>
  freeze(
    filledClassDoc(),
    sampleFreezeContext({
      epi: [
        {
          intitule: 'Le climat et nous',
          thematique: 'EPI_EDD',
          disciplines: ['SVT', 'Histoire-géographie'],
          description: 'Étude du climat local.',
          commentaire: 'Très impliqué.',
        },
      ],
      ap: [{ intitule: 'Méthodologie', disciplines: ['Français'], description: 'Prise de notes.' }],
      parcours: [{ code: 'PAR_AVN', projet: 'Forum des métiers.' }],
      modalites: [{ code: 'PPRE', complement: 'Lecture.' }, { code: 'PAP' }],
      competencesNumeriques: { appreciationCollective: 'Bonne maîtrise.', niveaux: { CN_INF_MEN: 2 } },
      devoirsFaits: 'Assidu aux devoirs faits.',
      socle: {
        CPD_FRA: 3,
        CPD_ETR: 2,
        CPD_SCI: 4,
        CPD_ART: 3,
        MET_APP: 3,
        FRM_CIT: 4,
        SYS_NAT: 3,
        REP_MND: 2,
      },
    }),
  );

describe('frozen bilan périodique', () => {
  it('round-trips through canonical JSON', () => {
    const bilan = frozen();
    expect(JSON.parse(canonicalJson(bilan))).toEqual(bilan);
    expect(FrozenBilanPeriodiqueSchema.parse(JSON.parse(canonicalJson(bilan)))).toEqual(bilan);
  });

  it.each([
    [
      'a 2D synthèse over 1000',
      (b: FrozenBilanPeriodique): unknown => ({ ...b, synthese: 'x'.repeat(1001) }),
    ],
    [
      'an element over 300',
      (b: FrozenBilanPeriodique): unknown => ({
        ...b,
        disciplines: [{ ...b.disciplines[0], elements: ['x'.repeat(301)] }],
      }),
    ],
    [
      'an appreciation over 600',
      (b: FrozenBilanPeriodique): unknown => ({
        ...b,
        disciplines: [{ ...b.disciplines[0], appreciation: 'x'.repeat(601) }],
      }),
    ],
    [
      'a level 5 on the objectives scale',
      (b: FrozenBilanPeriodique): unknown => ({
        ...b,
        disciplines: [{ ...b.disciplines[0], positionnement: 5 }],
      }),
    ],
    [
      'a mark with three decimals',
      (b: FrozenBilanPeriodique): unknown => ({
        ...b,
        positioning: 'notes-sans-moyenne',
        disciplines: [{ ...b.disciplines[0], positionnement: 12.345 }],
      }),
    ],
    [
      'an EPI with one discipline',
      (b: FrozenBilanPeriodique): unknown => ({ ...b, epi: [{ ...b.epi[0], disciplines: ['SVT'] }] }),
    ],
    [
      'a complement on a PAP',
      (b: FrozenBilanPeriodique): unknown => ({ ...b, modalites: [{ code: 'PAP', complement: 'x' }] }),
    ],
    [
      'a modalité twice',
      (b: FrozenBilanPeriodique): unknown => ({ ...b, modalites: [{ code: 'PAP' }, { code: 'PAP' }] }),
    ],
    [
      'a compétence numérique at level 4',
      (b: FrozenBilanPeriodique): unknown => ({
        ...b,
        competencesNumeriques: { niveaux: { CN_INF_MEN: 4 } },
      }),
    ],
    [
      'vie scolaire over 999',
      (b: FrozenBilanPeriodique): unknown => ({ ...b, vieScolaire: { ...b.vieScolaire, nbRetards: 1000 } }),
    ],
    [
      'a socle missing a composante',
      (b: FrozenBilanPeriodique): unknown => ({ ...b, socle: { CPD_FRA: 3 } }),
    ],
    [
      'devoirs faits over 600',
      (b: FrozenBilanPeriodique): unknown => ({ ...b, devoirsFaits: 'x'.repeat(601) }),
    ],
    ['another format version', (b: FrozenBilanPeriodique): unknown => ({ ...b, formatVersion: 2 })],
  ])('refuses %s', (_name, change) => {
    expect(FrozenBilanPeriodiqueSchema.safeParse(change(frozen())).success).toBe(false);
  });

  it('allows 1500 characters of appréciation générale in 1D', () => {
    const b = frozen();
    const ecole = { ...b, school: { ...b.school, kind: '1D' as const }, synthese: 'x'.repeat(1500) };
    expect(FrozenBilanPeriodiqueSchema.safeParse(ecole).success).toBe(true);
  });

  it('counts characters like the official checker: an emoji at the limit is one character', () => {
    const b = frozen();
    const atLimit = (n: number) => `${'x'.repeat(n - 1)}🎉`;
    const row = { ...b.disciplines[0]!, appreciation: atLimit(600), elements: [atLimit(300)] };
    const valid = { ...b, synthese: atLimit(1000), devoirsFaits: atLimit(600), disciplines: [row] };
    expect(FrozenBilanPeriodiqueSchema.safeParse(valid).success).toBe(true);
    const over = { ...valid, synthese: `x${atLimit(1000)}` };
    expect(FrozenBilanPeriodiqueSchema.safeParse(over).error?.issues[0]?.message).toMatch(/1000 caractères/);
    const overRow = { ...valid, disciplines: [{ ...row, appreciation: `x${atLimit(600)}` }] };
    expect(FrozenBilanPeriodiqueSchema.safeParse(overRow).success).toBe(false);
  });
});

describe('frozen bilan de fin de cycle', () => {
  it('round-trips and keeps cycle 4 sections to cycle 4', () => {
    const bilan = sampleFrozenBilanFinCycle();
    expect(FrozenBilanFinCycleSchema.parse(JSON.parse(canonicalJson(bilan)))).toEqual(bilan);
    expect(FrozenBilanFinCycleSchema.safeParse({ ...bilan, cycle: 3 }).success).toBe(false);
    expect(
      FrozenBilanFinCycleSchema.safeParse({ ...bilan, cycle: 3, enseignementComplement: null }).success,
    ).toBe(true);
    expect(FrozenBilanFinCycleSchema.safeParse({ ...bilan, synthese: 'x'.repeat(1501) }).success).toBe(false);
    expect(
      FrozenBilanFinCycleSchema.safeParse({ ...bilan, socle: { ...bilan.socle, MET_APP: 5 } }).success,
    ).toBe(false);
  });
});
