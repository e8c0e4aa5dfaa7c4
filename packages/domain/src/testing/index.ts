/**
 * `@livret/domain/testing`: fixtures for tests of this package and of its users — freeze contexts (collège
 * and école), a filled class document, a builder for a whole class, a frozen bilan de fin de cycle.
 */
import * as Y from 'yjs';
import { setAppreciation } from '../doc/appreciations.js';
import { setPositionnement } from '../doc/positioning.js';
import { getProgramElements, insertProgramElement } from '../doc/program-elements.js';
import { setSynthese } from '../doc/synthese.js';
import { setVieScolaireField } from '../doc/vie-scolaire.js';
import type { FreezeContext } from '../freeze.js';
import { domaineLabel, domainesOfCycle } from '../nomenclatures/domaines-1d.js';
import { type FrozenBilanFinCycle, FrozenBilanFinCycleSchema } from '../schemas/bilan-fin-cycle.js';

/** Fixed ids of the fixtures (UUIDs, as in the database). */
export const ids = {
  student: '11111111-1111-4111-8111-111111111111',
  francais: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  maths: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  eps: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
} as const;

/** A collège context for one student of 3e A (Lucas MARTIN), three disciplines, trimestre 1 of 2026. */
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
      lastName: 'MARTIN',
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
    dateConseil: '2026-11-27',
    communication: {
      responsableEtablissement: { civilite: 'Mme', lastName: 'CARPENTIER', firstName: 'Hélène' },
      professeursPrincipaux: [{ civilite: 'Mme', lastName: 'Lemaître', firstName: 'Claire' }],
    },
    ...overrides,
  };
}

/** A collège class document where the sample student's bilan is complete (2D). */
export function filledClassDoc(): Y.Doc {
  const doc = new Y.Doc();
  const s = ids.student;
  doc.transact(() => {
    insertProgramElement(doc, ids.francais, 0, 'Lire des œuvres littéraires « classiques »');
    insertProgramElement(doc, ids.maths, 0, 'Résoudre des problèmes');
    setPositionnement(doc, s, ids.francais, 3);
    setPositionnement(doc, s, ids.maths, 4);
    setPositionnement(doc, s, ids.eps, 'NE');
    setAppreciation(doc, s, ids.francais, 'Lecture attentive, expression écrite en progrès.');
    setAppreciation(doc, s, ids.maths, 'Très bon trimestre.');
    setSynthese(doc, s, 'Un trimestre sérieux. Continuez ainsi.', '2D');
    setVieScolaireField(doc, s, 'nbRetards', 1);
    setVieScolaireField(doc, s, 'nbAbsJustifiees', 2);
    setVieScolaireField(doc, s, 'nbAbsInjustifiees', 0);
  });
  return doc;
}

/** An école context: the same student id in a CE2-CM1 class of the école Jules Ferry, cycle 2 domaines. */
export function sampleFreezeContext1D(overrides: Partial<FreezeContext> = {}): FreezeContext {
  return sampleFreezeContext({
    school: { uai: '0381234A', name: 'École élémentaire Jules Ferry', kind: '1D', academie: 'Grenoble' },
    class: { id: 'class-ce2cm1', code: 'CE2-CM1', label: 'CE2-CM1', niveaux: ['CE2', 'CM1'] },
    student: {
      id: ids.student,
      ine: '0070000002C',
      lastName: 'MARTIN',
      firstName: 'Emma',
      birthDate: '2017-03-02',
      sex: 'F',
      niveau: 'CE2',
    },
    disciplines: domainesOfCycle(2).map((d) => ({
      id: `d-${d.code}`,
      code: d.code,
      label: domaineLabel(d),
      teachers: [{ id: 't9', civilite: 'Mme', lastName: 'Garnier', firstName: 'Sophie' }],
    })),
    communication: { enseignants: [{ civilite: 'Mme', lastName: 'Garnier', firstName: 'Sophie' }] },
    dateConseil: null,
    ...overrides,
  });
}

/** What `buildClassDoc` fills for each student. */
export interface ClassDocSpec {
  studentIds: readonly string[];
  disciplineIds: readonly string[];
  /** Positioning value of (student index, discipline index); default: 1 + (i + j) % 4. */
  positionnement?: (studentIndex: number, disciplineIndex: number) => number | 'NE' | null;
  /** Fill the vie scolaire (2D). Default true. */
  vieScolaire?: boolean;
  /** The synthèse limit to respect. Default '2D'. */
  kind?: '1D' | '2D';
}

/**
 * A class document where every student's bilan is complete: one program element per discipline, a positioning,
 * an appreciation per discipline, a synthèse and (2D) a vie scolaire. Deterministic.
 * @example const doc = buildClassDoc({ studentIds: ['s1', 's2'], disciplineIds: ['d1', 'd2', 'd3'] })
 */
export function buildClassDoc(spec: ClassDocSpec): Y.Doc {
  const doc = new Y.Doc();
  const position = spec.positionnement ?? ((i: number, j: number) => 1 + ((i + j) % 4));
  doc.transact(() => {
    spec.disciplineIds.forEach((d, j) => {
      if (getProgramElements(doc, d).length === 0)
        insertProgramElement(doc, d, 0, `Élément travaillé ${j + 1}`);
    });
    spec.studentIds.forEach((s, i) => {
      spec.disciplineIds.forEach((d, j) => {
        const value = position(i, j);
        if (value !== null) setPositionnement(doc, s, d, value);
        setAppreciation(doc, s, d, `Appréciation ${i + 1}-${j + 1}.`);
      });
      setSynthese(doc, s, `Synthèse de l’élève ${i + 1}.`, spec.kind ?? '2D');
      if (spec.vieScolaire ?? true) {
        setVieScolaireField(doc, s, 'nbRetards', i % 3);
        setVieScolaireField(doc, s, 'nbAbsJustifiees', i % 2);
        setVieScolaireField(doc, s, 'nbAbsInjustifiees', 0);
      }
    });
  });
  return doc;
}

/** A valid frozen bilan de fin de cycle 4 for the sample student. */
export function sampleFrozenBilanFinCycle(overrides: Partial<FrozenBilanFinCycle> = {}): FrozenBilanFinCycle {
  const context = sampleFreezeContext();
  return FrozenBilanFinCycleSchema.parse({
    format: 'livret/bilan-fin-cycle',
    formatVersion: 1,
    version: 1,
    frozenAt: '2027-06-20T16:00:00.000Z',
    frozenBy: context.frozenBy,
    school: context.school,
    millesime: 2026,
    class: context.class,
    student: context.student,
    cycle: 4,
    socle: { CPD_FRA: 3, CPD_ETR: 2, CPD_SCI: 4, CPD_ART: 3, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 3, REP_MND: 2 },
    synthese: 'Des acquis solides, une belle progression en sciences.',
    enseignementComplement: { code: 'LCA', niveau: 'atteint' },
    langueRegionale: null,
    ...overrides,
  });
}
