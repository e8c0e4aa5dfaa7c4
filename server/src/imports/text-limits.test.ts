import type { ImportedBilanPeriodique } from '@livret/lsu-xml';
import { describe, expect, it } from 'vitest';
import { fieldOfPath, overLimit } from './text-limits.js';

const bilan = (change: Partial<ImportedBilanPeriodique>): ImportedBilanPeriodique => ({
  kind: 'periodique',
  student: { fileId: 'EL_1', idBe: 1, lastName: 'Martin', firstName: 'Lucas', division: '4A' },
  period: { millesime: 2026, indice: 1, count: 3 },
  positioning: 'objectifs',
  rows: [],
  epi: [],
  ap: [],
  parcours: [],
  modalites: [],
  competencesNumeriques: null,
  synthese: 'Bien.',
  devoirsFaits: null,
  vieScolaire: null,
  socle: null,
  responsableEtablissement: { label: '', person: null },
  professeursPrincipaux: [],
  enseignants: [],
  dateConseil: null,
  dateScolarite: null,
  warnings: [],
  ...change,
});
const row = (appreciation: string) => ({
  code: '061300',
  label: 'Mathématiques',
  teachers: [],
  elements: [],
  appreciation,
  positionnement: null,
});

describe('LSU length limits on an imported bilan', () => {
  it('counts characters as the official checker does: an emoji at the limit fits', () => {
    expect(
      overLimit(bilan({ synthese: `${'x'.repeat(999)}🎉`, rows: [row(`${'é'.repeat(599)}🎉`)] }), '2D'),
    ).toEqual([]);
  });

  it('names the student and the field of each text over its limit', () => {
    const reasons = overLimit(
      bilan({
        synthese: `${'x'.repeat(1000)}🎉`,
        rows: [row('x'.repeat(601))],
        devoirsFaits: 'y'.repeat(601),
      }),
      '2D',
    );
    expect(reasons).toEqual([
      'MARTIN Lucas — synthèse : 1001 caractères (1000 au plus).',
      'MARTIN Lucas — appréciation en Mathématiques : 601 caractères (600 au plus).',
      'MARTIN Lucas — devoirs faits : 601 caractères (600 au plus).',
    ]);
    expect(overLimit(bilan({ synthese: 'x'.repeat(1500) }), '1D')).toEqual([]);
  });

  it('names a schema path in French', () => {
    expect(fieldOfPath(['disciplines', 1, 'appreciation'], ['Français', 'Mathématiques'])).toBe(
      'suivi des acquis, Mathématiques : appréciation',
    );
    expect(fieldOfPath(['synthese'], [])).toBe('synthèse');
    expect(fieldOfPath(['epi', 0, 'description'], [])).toBe('EPI : description');
  });
});
