/**
 * A bilan read from an LSU file, in the domain's terms but not yet matched to a school: the student, period,
 * subjects and teachers are still as the file names them. The server matches them to its own records, then
 * freezes the bilan (Éditeurs) or merges it into the live document (Sconet-Notes).
 */
import type { FrozenBilanFinCycle, FrozenBilanPeriodique, Person } from '@livret/domain';

/** A teacher as the file names it. */
export interface ImportedTeacher {
  /** STS-Web identifier (2D). */
  idSts?: number;
  civilite: 'M.' | 'Mme' | null;
  lastName: string;
  firstName: string;
}

/** A student as the file names it. */
export interface ImportedStudent {
  /** The element's ID in the file (for the report). */
  fileId: string;
  /** Identifier in the base élèves (2D `id-be`). */
  idBe?: number;
  /** INE (1D). */
  ine?: string;
  lastName: string;
  firstName: string;
  /** Division (2D `code-division`) or classe label (1D). */
  division: string;
}

/** One row of the recto, as the file gives it. */
export interface ImportedRow {
  /** SIECLE subject code (2D) or LSU domaine code (1D). */
  code: string;
  /** 2D `code-national`: the national code of a subject the school codes its own way (EPS `100A00` → `100100`). */
  codeNational?: string;
  label: string;
  teachers: ImportedTeacher[];
  elements: string[];
  appreciation: string;
  positionnement: number | 'NE' | null;
  /** Present only when the file gives a class average. */
  moyenneClasse?: number | null;
}

type Periodique = FrozenBilanPeriodique;

/** A bilan périodique read from a file. */
export interface ImportedBilanPeriodique {
  kind: 'periodique';
  student: ImportedStudent;
  period: { millesime: number; indice: number; count: number };
  /** The positioning the values use. */
  positioning: Periodique['positioning'];
  rows: ImportedRow[];
  epi: Periodique['epi'];
  ap: Periodique['ap'];
  parcours: Periodique['parcours'];
  modalites: Periodique['modalites'];
  competencesNumeriques: Periodique['competencesNumeriques'];
  synthese: string;
  devoirsFaits: string | null;
  /** Null when the file has none (Sconet-Notes: the typed one is kept). */
  vieScolaire: Periodique['vieScolaire'];
  socle: Periodique['socle'];
  /** The head as the file names it (2D: one label; 1D: the directeur). */
  responsableEtablissement: { label: string; person: Person | null };
  professeursPrincipaux: Person[];
  enseignants: Person[];
  dateConseil: string | null;
  dateScolarite: string | null;
  /** Values the reading had to interpret (French). */
  warnings: string[];
}

/** A bilan de fin de cycle read from a file. */
export interface ImportedBilanFinCycle {
  kind: 'fin-de-cycle';
  student: ImportedStudent;
  millesime: number;
  cycle: FrozenBilanFinCycle['cycle'];
  socle: FrozenBilanFinCycle['socle'];
  synthese: string;
  enseignementComplement: FrozenBilanFinCycle['enseignementComplement'];
  langueRegionale: FrozenBilanFinCycle['langueRegionale'];
  responsableEtablissement: { label: string; person: Person | null };
  professeursPrincipaux: Person[];
  warnings: string[];
}

export type ImportedBilan = ImportedBilanPeriodique | ImportedBilanFinCycle;

/** `M`/`MME` of the file ↔ `M.`/`Mme` of the domain. */
export const civiliteOfXml = (value: string | undefined): 'M.' | 'Mme' | null =>
  value === 'M' ? 'M.' : value === 'MME' ? 'Mme' : null;
export const civiliteToXml = (value: string | null | undefined): 'M' | 'MME' | undefined =>
  value === 'M.' ? 'M' : value === 'Mme' ? 'MME' : undefined;

/** The label the export writes for a head it has no name for; read back as no named head. */
export const HEAD_WITHOUT_NAME = 'Chef d’établissement';

/** «Mme Claire Durand», the way a head's label is written, and read back (`personOfLabel`). */
export function personLabel(person: Person): string {
  return [person.civilite, person.firstName, person.lastName].filter(Boolean).join(' ');
}

const CIVILITES: Record<string, 'M.' | 'Mme'> = {
  m: 'M.',
  'm.': 'M.',
  monsieur: 'M.',
  mr: 'M.',
  mme: 'Mme',
  madame: 'Mme',
  mlle: 'Mme',
  mademoiselle: 'Mme',
};
/** A family name as the national applications write it: in capitals («DURAND», «LE GALL», «D'ALMEIDA»). */
const isCapitals = (word: string) => /\p{Lu}/u.test(word) && word === word.toUpperCase() && word.length > 1;

/**
 * The head named by a `responsable-etab` label, in every form the format allows (a free label of at most 100
 * characters): «Prénom NOM», «MME NOM Prénom», «Mme Claire Durand», or a title alone («Le principal»), which
 * is kept whole as the name rather than lost. Only our own export's placeholder (`HEAD_WITHOUT_NAME`) reads as
 * no one.
 * @example personOfLabel('MME DURAND Claire') // { civilite: 'Mme', lastName: 'DURAND', firstName: 'Claire' }
 */
export function personOfLabel(label: string): Person | null {
  const words = label.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || label.trim() === HEAD_WITHOUT_NAME) return null;
  const civilite = CIVILITES[words[0]?.toLowerCase() ?? ''] ?? null;
  const names = civilite ? words.slice(1) : words;
  if (names.length === 0) return { civilite: null, lastName: label.trim(), firstName: '' };
  const capitals = names.filter(isCapitals);
  if (capitals.length > 0 && capitals.length < names.length) {
    // «Prénom NOM» or «NOM Prénom»: the words in capitals are the family name.
    return {
      civilite,
      lastName: capitals.join(' '),
      firstName: names.filter((w) => !isCapitals(w)).join(' '),
    };
  }
  if (civilite && names.length > 1 && capitals.length === 0) {
    // «Mme Claire Durand» (how the export writes a head): first name, then family name.
    return { civilite, firstName: names[0] ?? '', lastName: names.slice(1).join(' ') };
  }
  // A title, or a name whose parts cannot be told apart: kept whole, as written.
  return { civilite, lastName: names.join(' '), firstName: '' };
}
