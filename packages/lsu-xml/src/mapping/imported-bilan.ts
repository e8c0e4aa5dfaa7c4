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

/** «Mme Claire Durand», the way a head's label is written, and read back as well as it can be. */
export function personLabel(person: Person): string {
  return [person.civilite, person.firstName, person.lastName].filter(Boolean).join(' ');
}
export function personOfLabel(label: string): Person | null {
  // Only a label that starts with a civilité is read as a person; «Chef d'établissement» is not one.
  const match = /^(M\.|M|Mme|MME)\s+(\S+)\s+(.+)$/.exec(label.trim());
  if (!match) return null;
  return {
    civilite: match[1]?.startsWith('M') && match[1].length <= 2 ? 'M.' : 'Mme',
    firstName: match[2] ?? '',
    lastName: match[3] ?? '',
  };
}
