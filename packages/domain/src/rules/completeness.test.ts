import { describe, expect, it } from 'vitest';
import { setPositionnement, setSynthese } from '../doc/index.js';
import { draftBilan } from '../freeze.js';
import {
  buildClassDoc,
  filledClassDoc,
  ids,
  sampleFreezeContext,
  sampleFreezeContext1D,
} from '../testing/index.js';
import { completenessReasons, isCompetencesNumeriquesPeriod, isComplete } from './completeness.js';

describe('completeness, collège (2D)', () => {
  it('a filled bilan is complete', () => {
    expect(completenessReasons(draftBilan(filledClassDoc(), sampleFreezeContext()))).toEqual([]);
  });

  it('needs an element for every positioned discipline, the synthèse and the vie scolaire', () => {
    const doc = filledClassDoc();
    setPositionnement(doc, ids.student, ids.eps, 2); // positioned, but EPS has no program element
    setSynthese(doc, ids.student, '', '2D');
    const draft = { ...draftBilan(doc, sampleFreezeContext()), vieScolaire: null };
    const reasons = completenessReasons(draft);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/^EPS : au moins un élément du programme/);
    expect(reasons[1]).toMatch(/synthèse/i);
    expect(reasons[2]).toMatch(/vie scolaire/i);
  });

  it('a discipline «non évalué» or left empty needs no element', () => {
    const doc = filledClassDoc();
    setPositionnement(doc, ids.student, ids.eps, null);
    expect(isComplete(draftBilan(doc, sampleFreezeContext()))).toBe(true);
  });

  it('a bilan with no discipline evaluated is not complete, even with synthèse and vie scolaire', () => {
    const draft = draftBilan(filledClassDoc(), sampleFreezeContext());
    const empty = {
      ...draft,
      disciplines: draft.disciplines.map((d) => ({ ...d, positionnement: null, appreciation: '' })),
    };
    expect(completenessReasons(empty)).toEqual([
      'Aucune discipline n’est notée ou évaluée : au moins un positionnement ou une appréciation est attendu.',
    ]);
    const onlyNonEvalue = {
      ...empty,
      disciplines: empty.disciplines.map((d) => ({ ...d, positionnement: 'NE' as const })),
    };
    expect(isComplete(onlyNonEvalue)).toBe(false);
    const oneAppreciation = {
      ...empty,
      disciplines: empty.disciplines.map((d, i) => (i === 0 ? { ...d, appreciation: 'Bon trimestre.' } : d)),
    };
    expect(isComplete(oneAppreciation)).toBe(true);
  });

  it('refuses values that do not fit the class scale (after a settings change)', () => {
    const draft = draftBilan(filledClassDoc(), sampleFreezeContext());
    const changed = {
      ...draft,
      disciplines: draft.disciplines.map((d) => (d.elements.length ? { ...d, positionnement: 14.5 } : d)),
    };
    expect(completenessReasons(changed)[0]).toMatch(/^Français : le positionnement ne correspond pas/);
    expect(completenessReasons({ ...changed, positioning: 'notes-sans-moyenne' })).toEqual([]);
  });
});

describe('completeness, école (1D)', () => {
  const context = sampleFreezeContext1D();
  const domaines = context.disciplines.map((d) => d.id);

  it('needs at least 3 complete domaines and the appréciation générale', () => {
    const doc = buildClassDoc({
      studentIds: [ids.student],
      disciplineIds: domaines.slice(0, 2),
      kind: '1D',
      vieScolaire: false,
    });
    setSynthese(doc, ids.student, '', '1D');
    expect(completenessReasons(draftBilan(doc, context))).toEqual([
      'Au moins 3 domaines d’enseignement doivent être complets (2 actuellement).',
      'L’appréciation générale sur la progression de l’élève est obligatoire.',
    ]);
  });

  it('3 complete domaines and the appréciation générale are enough; no vie scolaire needed', () => {
    const doc = buildClassDoc({
      studentIds: [ids.student],
      disciplineIds: domaines.slice(0, 3),
      kind: '1D',
      vieScolaire: false,
    });
    expect(completenessReasons(draftBilan(doc, context))).toEqual([]);
  });
});

describe('compétences numériques, last period of CM2 and 6e', () => {
  const sixieme = sampleFreezeContext({
    student: { ...sampleFreezeContext().student, niveau: '6e' },
    period: { ...sampleFreezeContext().period, indice: 3, label: 'Trimestre 3' },
  });

  it.each([
    ['CM2', 3, 3, true],
    ['6e', 2, 2, true],
    ['6e', 2, 3, false],
    ['5e', 3, 3, false],
    ['CM1', 3, 3, false],
  ] as const)('%s, period %i of %i: due = %s', (niveau, indice, count, due) => {
    expect(isCompetencesNumeriquesPeriod({ student: { niveau }, period: { indice, count } })).toBe(due);
  });

  it.each([
    [
      'only the collective appreciation',
      { appreciationCollective: 'Bon travail collectif.', niveaux: {} },
      true,
    ],
    ['levels only', { niveaux: { CN_INF_MEN: 2 } }, true],
    ['an empty section', { appreciationCollective: '  ', niveaux: {} }, false],
    ['no section (not recorded by the class)', null, true],
  ] as const)('%s → complete: %s', (_name, section, complete) => {
    const draft = draftBilan(filledClassDoc(), { ...sixieme, competencesNumeriques: section as never });
    expect(isComplete(draft)).toBe(complete);
  });
});
