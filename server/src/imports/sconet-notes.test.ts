import type { ImportedBilanPeriodique } from '@livret/lsu-xml';
import { describe, expect, it } from 'vitest';
import type { SchoolDirectory } from './directory.js';
import type { Candidate } from './plan.js';
import { refusedValue } from './sconet-notes.js';

const directory = { school: { kind: '2D' } } as unknown as SchoolDirectory;
const candidate = (synthese: string, appreciation: string) =>
  ({
    bilan: {
      kind: 'periodique',
      synthese,
      vieScolaire: null,
      epi: [],
      ap: [],
      parcours: [],
      modalites: [],
      rows: [],
    },
    match: {
      student: { id: '11111111-1111-4111-8111-111111111111' },
      klass: { settings: { positioning: 'objectifs' } },
      rows: [
        {
          disciplineId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
          known: true,
          label: 'Mathématiques',
          source: { elements: [], positionnement: 3, appreciation },
        },
      ],
    },
    outcome: {
      eleve: 'MARTIN Lucas',
      division: '4A',
      bilan: 'T1',
      status: 'integre',
      reasons: [],
      warnings: [],
    },
  }) as unknown as Candidate & { bilan: ImportedBilanPeriodique };

describe('Sconet-Notes writes a bilan whole or not at all', () => {
  it('accepts values at their limits in characters, an emoji counting one', () => {
    expect(refusedValue(directory, candidate(`${'x'.repeat(999)}🎉`, `${'é'.repeat(599)}🎉`))).toBeNull();
  });

  it('names the student and the refused value instead of failing the import', () => {
    const reason = refusedValue(directory, candidate('Bien.', 'x'.repeat(601)));
    expect(reason).toMatch(/^MARTIN Lucas — valeur refusée : .*600 caractères/);
  });
});
