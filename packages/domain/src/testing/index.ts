/**
 * `@livret/domain/testing`: fixtures for tests of this package and of its users (a freeze context, a filled
 * class document).
 */
import * as Y from 'yjs';
import {
  appreciationText,
  insertProgramElement,
  setPositionnement,
  setVieScolaireField,
  syntheseText,
} from '../doc/index.js';
import type { FreezeContext } from '../freeze.js';

export const ids = {
  student: '11111111-1111-4111-8111-111111111111',
  francais: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  maths: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  eps: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
} as const;

/** A collège context for one student of 3e A, three disciplines. */
export function sampleFreezeContext(overrides: Partial<FreezeContext> = {}): FreezeContext {
  return {
    school: { uai: '0382032C', name: 'Collège Jean Moulin', kind: '2D', academie: 'Grenoble' },
    millesime: 2026,
    class: { id: 'class-3a', code: '3A', label: '3e A', niveaux: ['3e'] },
    period: {
      id: 'p1',
      indice: 1,
      count: 3,
      label: 'Trimestre 1',
      startsOn: '2026-09-01',
      endsOn: '2026-11-30',
    },
    student: {
      id: ids.student,
      ine: '0070000001B',
      lastName: 'Martin',
      firstName: 'Lucas',
      birthDate: '2012-05-14',
      sex: 'M',
      niveau: '3e',
    },
    positioning: 'objectifs',
    disciplines: [
      {
        id: ids.francais,
        code: '020700',
        label: 'Français',
        teachers: [{ id: 't1', civilite: 'Mme', lastName: 'Lemaître', firstName: 'Claire' }],
      },
      {
        id: ids.maths,
        code: '061300',
        label: 'Mathématiques',
        teachers: [{ id: 't2', civilite: 'M.', lastName: 'Perrot', firstName: 'Julien' }],
      },
      { id: ids.eps, code: '100100', label: 'EPS', teachers: [] },
    ],
    frozenAt: '2026-11-27T17:30:00.000Z',
    frozenBy: { id: 'd1', name: 'Hélène CARPENTIER' },
    version: 1,
    ...overrides,
  };
}

/** A class document where the sample student's bilan is complete. */
export function filledClassDoc(): Y.Doc {
  const doc = new Y.Doc();
  const s = ids.student;
  doc.transact(() => {
    insertProgramElement(doc, ids.francais, 0, 'Lire des œuvres littéraires « classiques »');
    insertProgramElement(doc, ids.maths, 0, 'Résoudre des problèmes');
    setPositionnement(doc, s, ids.francais, 3);
    setPositionnement(doc, s, ids.maths, 4);
    setPositionnement(doc, s, ids.eps, 'NE');
    appreciationText(doc, s, ids.francais).insert(0, 'Lecture attentive, expression écrite en progrès.');
    appreciationText(doc, s, ids.maths).insert(0, 'Très bon trimestre.');
    syntheseText(doc, s).insert(0, 'Un trimestre sérieux. Continuez ainsi.');
    setVieScolaireField(doc, s, 'nbRetards', 1);
    setVieScolaireField(doc, s, 'nbAbsJustifiees', 2);
    setVieScolaireField(doc, s, 'nbAbsInjustifiees', 0);
  });
  return doc;
}
