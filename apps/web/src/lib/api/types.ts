/** Shapes of the API's answers (docs/api.md). The frozen bilan's shape comes from the domain schema. */
import type { FrozenBilanFinCycle, FrozenBilanPeriodique } from '@livret/domain';

export interface Account {
  id: string;
  login: string;
  kind: 'staff' | 'family';
  civilite: string | null;
  firstName: string;
  lastName: string;
}

export interface Me {
  account: Account;
  roles: { schoolId: string; schoolName: string; role: 'direction' | 'enseignant' | 'cpe' | 'psyen' }[];
  /** A reset by the direction: a new password must be chosen before anything else. */
  mustChangePassword?: boolean;
}

export interface ClassSummary {
  id: string;
  label: string;
  niveaux: string[];
  schoolId: string;
  schoolName: string;
  schoolKind: '1D' | '2D';
  periods: { id: string; label: string; indice: number }[];
}

export interface Teacher {
  id: string;
  civilite: string | null;
  lastName: string;
  firstName: string;
}

export interface Workspace {
  docName: string;
  school: { id: string; uai: string; name: string; kind: '1D' | '2D'; academie: string };
  class: { id: string; code: string; label: string; niveaux: string[] };
  period: { id: string; indice: number; count: number; label: string; startsOn: string; endsOn: string };
  periods: { id: string; indice: number; label: string }[];
  millesime: number;
  settings: {
    dataSource: string;
    positioning: 'objectifs' | 'notes-sans-moyenne' | 'notes-avec-moyenne';
    showSocle: boolean;
  };
  students: {
    id: string;
    ine: string;
    lastName: string;
    firstName: string;
    birthDate: string;
    sex: string;
    niveau: string;
  }[];
  disciplines: { id: string; code: string; label: string; teachers: Teacher[] }[];
  suggestions: Record<string, string[]>;
  rights: { disciplines: string[]; synthese: boolean; vieScolaire: boolean; lock: boolean };
  /** The domain's Writer as the sync endpoint judges this account (taught disciplines as a list). */
  writer: {
    roles: ('direction' | 'enseignant' | 'cpe' | 'psyen')[];
    taughtDisciplineIds: string[];
    /** Disciplines taught only to groups: the students of those groups. */
    groupStudentIds: Record<string, string[]>;
    isPrincipal: boolean;
    schoolKind: '1D' | '2D';
  };
  /** Why the whole document is read-only for everyone (null when it is not). */
  readOnly: 'past-year' | 'no-periods' | 'editeurs' | null;
  bilans: Record<string, { status: 'open' | 'locked'; version: number | null }>;
}

export interface LockResult {
  locked: { studentId: string; versionId: string; version: number }[];
  refused: { studentId: string; reasons: string[] }[];
}

/** A bilan before its lock, as the lock would freeze it now (stored nowhere). */
export interface BilanPreview {
  content: FrozenBilanPeriodique;
  /** Why the lock would refuse it (empty when complete). */
  reasons: string[];
  locked: boolean;
}

export interface FamilyBilanSummary {
  versionId: string;
  studentId: string;
  studentName: string;
  schoolName: string;
  periodLabel: string;
  millesime: number;
  version: number;
  publishedAt: string;
  visa: { at: string } | null;
}

/** A published bilan: périodique, or de fin de cycle (its content says which by `format`). */
export interface FamilyBilan {
  versionId: string;
  kind: 'periodique' | 'fin-de-cycle';
  /** «Trimestre 1», «Bilan de fin de cycle 4». */
  periodLabel: string;
  version: number;
  content: FrozenBilanPeriodique | FrozenBilanFinCycle;
  hash: string;
  frozenAt: string;
  visa: { at: string } | null;
}

/** LSU import (mirrors server/src/imports/schemas.ts, the source of truth). */
export type ImportMode = 'sconet-notes' | 'editeurs';

export interface ImportReport {
  summary: { integrated: number; rejected: number; warnings: number };
  warnings: string[];
  fileIssues: { element: string; line?: number; reason: string }[];
  students: {
    eleve: string;
    division: string;
    bilan: string;
    status: 'integre' | 'rejete';
    reasons: string[];
    warnings: string[];
  }[];
}

export interface ImportJob {
  id: string;
  fileName: string;
  mode: ImportMode;
  status: 'running' | 'done' | 'failed';
  progress: number;
  step: string;
  createdAt: string;
  finishedAt: string | null;
  createdBy: string;
  report: ImportReport | null;
}

/** The first installation (mirrors server/src/accounts/schemas.ts). */
export interface InstallForm {
  code: string;
  school: { name: string; kind: 'ecole' | 'college'; uai: string; academie: string; city?: string };
  head: { civilite: 'M.' | 'Mme'; firstName: string; lastName: string; login: string; password: string };
}

/** An account of the direction's school (server/src/accounts/service.ts). */
export interface SchoolAccount {
  id: string;
  login: string;
  kind: 'staff' | 'family';
  civilite: string | null;
  firstName: string;
  lastName: string;
  roles: string[];
  canSignIn: boolean;
  mustChangePassword: boolean;
}

/** The kinds of the journal's filter (server/src/audit/record.ts). */
export type JournalKind = 'connexion' | 'compte' | 'consultation' | 'edition' | 'export' | 'bilan';

export interface JournalEntry {
  id: number;
  at: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
  actor: { id: string; login: string; firstName: string; lastName: string } | null;
  student: { id: string; firstName: string; lastName: string } | null;
}

export interface JournalPage {
  entries: JournalEntry[];
  next: number | null;
}

/** PDF éditions (mirrors server/src/editions/schemas.ts, the source of truth). */
export type EditionFormat = 'pdf' | 'zip';

export interface EditionJob {
  id: string;
  format: EditionFormat;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  step: string;
  total: number;
  scope: string;
  fileName: string;
  size: number | null;
  error: string | null;
  createdAt: string;
  finishedAt: string | null;
  createdBy: string;
}
