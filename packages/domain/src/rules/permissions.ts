/**
 * Who may write which cell of a class document (domain reference §2, Contract 2 of the brief). One rule, used
 * by the server for every update and by the client to show read-only cells. Lock and unlock rights live here
 * too (domain reference §8).
 */
import type { Cell } from '../doc/cells.js';

/** Staff roles in a school. */
export type StaffRole = 'direction' | 'enseignant' | 'cpe' | 'psyen';

/** The actor as the write rule sees it, in the school of the class. */
export interface Writer {
  /** Roles held in the school of the class (empty for families and strangers). */
  roles: readonly StaffRole[];
  /** Disciplines (or 1D domaines) the actor teaches to this class (its teaching services). */
  taughtDisciplineIds: ReadonlySet<string>;
  /**
   * Disciplines the actor teaches only to groups (not to the whole class), with the students of those groups
   * who are in the class: its positionings and appreciations there are limited to them.
   */
  groupStudentIds?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Professeur principal of the class (2D). */
  isPrincipal: boolean;
  /** Kind of the school: in an école (1D) the class's teachers also write the appréciation générale. */
  schoolKind: '1D' | '2D';
}

/** What the rule depends on besides the actor and the cell. */
export interface WriteScope {
  /** Students whose bilan is locked (read from the document's `locks`). */
  lockedStudentIds: ReadonlySet<string>;
  /** When given, a cell naming a student outside this set is an unknown cell. */
  studentIds?: ReadonlySet<string>;
  /** When given, a cell naming a discipline outside this set is an unknown cell. */
  disciplineIds?: ReadonlySet<string>;
  /**
   * Set when the whole document is read-only: 'past-year' (bilans of previous school years, §9) or
   * 'no-periods' (no entry before the periods exist, §9). See `rules/calendar.ts`.
   */
  readOnly?: ReadOnlyReason;
}

/**
 * Why a whole class document is read-only: a past school year, a class without periods (§9), or a class
 * whose data source is «Import Éditeurs» (its bilans come complete from another software, §3).
 */
export type ReadOnlyReason = 'past-year' | 'no-periods' | 'editeurs';

/** Why a write is refused. */
export type WriteRefusal = 'forbidden' | 'locked' | 'read-only' | 'unknown-cell';

/** The answer of `canWriteCell`: allowed, or refused with a reason and a French message for the user. */
export type WriteDecision = { ok: true } | { ok: false; reason: WriteRefusal; message: string };

const allowed: WriteDecision = { ok: true };

const refuse = (reason: WriteRefusal, message: string): WriteDecision => ({ ok: false, reason, message });

const readOnlyMessages = {
  'past-year': 'Les bilans des années scolaires précédentes ne peuvent plus être modifiés.',
  'no-periods': 'Les périodes de la classe doivent être définies avant toute saisie.',
  editeurs:
    'Les bilans de cette classe sont importés d’un autre logiciel (source « Import Éditeurs ») : ils ne se saisissent pas dans Livret.',
} as const satisfies Record<ReadOnlyReason, string>;

function isKnown(cell: Cell, scope: WriteScope): boolean {
  if ('studentId' in cell && scope.studentIds && !scope.studentIds.has(cell.studentId)) return false;
  if ('disciplineId' in cell && scope.disciplineIds && !scope.disciplineIds.has(cell.disciplineId)) {
    return false;
  }
  return true;
}

/**
 * May `writer` change `cell` now? `cell` is what `cellOf` returned: null (not part of the layout) is an
 * unknown cell. Order of the checks: unknown cell, `locks` (server only), read-only roles and years,
 * locked student, then the role's own cells.
 * @example canWriteCell(writer, { section: 'positionnement', studentId, disciplineId }, { lockedStudentIds })
 */
export function canWriteCell(writer: Writer, cell: Cell | null, scope: WriteScope): WriteDecision {
  if (cell === null || !isKnown(cell, scope)) {
    return refuse('unknown-cell', 'Cette case n’existe pas dans cette classe.');
  }
  if (cell.section === 'locks') return refuse('forbidden', 'Seul le serveur verrouille les bilans.');
  const { roles } = writer;
  const isDirection = roles.includes('direction');
  const isTeacher = roles.includes('enseignant');
  const isCpe = roles.includes('cpe');
  if (!isDirection && !isTeacher && !isCpe) {
    return refuse('read-only', 'Votre profil permet de consulter les bilans, pas de les modifier.');
  }
  if (scope.readOnly) return refuse('read-only', readOnlyMessages[scope.readOnly]);
  // Class-wide program elements have no student: they stay writable while some students are locked.
  if ('studentId' in cell && scope.lockedStudentIds.has(cell.studentId)) {
    return refuse('locked', 'Le bilan de cet élève est verrouillé : il ne peut plus être modifié.');
  }
  if (isDirection) return allowed;
  switch (cell.section) {
    case 'elements':
      if (isTeacher && writer.taughtDisciplineIds.has(cell.disciplineId)) return allowed;
      return refuse('forbidden', 'Vous n’enseignez pas cette discipline dans cette classe.');
    case 'positionnement':
    case 'appreciation': {
      if (!isTeacher || !writer.taughtDisciplineIds.has(cell.disciplineId)) {
        return refuse('forbidden', 'Vous n’enseignez pas cette discipline dans cette classe.');
      }
      const group = writer.groupStudentIds?.get(cell.disciplineId);
      if (group && !group.has(cell.studentId)) {
        return refuse(
          'forbidden',
          'Cet élève n’est pas dans le groupe auquel vous enseignez cette discipline.',
        );
      }
      return allowed;
    }
    case 'synthese':
      // 2D: the professeur principal; 1D: the class's own teachers write the appréciation générale.
      if (
        writer.isPrincipal ||
        (writer.schoolKind === '1D' && isTeacher && writer.taughtDisciplineIds.size > 0)
      ) {
        return allowed;
      }
      return refuse('forbidden', 'La synthèse est rédigée par le professeur principal ou la direction.');
    case 'vie-scolaire':
      if (isCpe) return allowed;
      return refuse('forbidden', 'La vie scolaire est renseignée par le CPE ou la direction.');
  }
}

/**
 * May this actor lock bilans (and publish them)? Only the direction of the school (chef d'établissement,
 * adjoint, directeur), domain reference §2.
 */
export function canLock(writer: Pick<Writer, 'roles'>): boolean {
  return writer.roles.includes('direction');
}

/** Where a locked bilan came from: typed in the app, or imported locked from another editor («Import Éditeurs»). */
export type BilanSource = 'app' | 'import-editeurs';

/**
 * May a locked bilan be unlocked? Only by the direction, never after the family's visa, never one imported
 * locked from another editor (domain reference §8, §10).
 * @example canUnlock(writer, { hasVisa: false, source: 'app' }) // { ok: true }
 */
export function canUnlock(
  writer: Pick<Writer, 'roles'>,
  bilan: { hasVisa: boolean; source: BilanSource },
): { ok: true } | { ok: false; reason: 'forbidden' | 'visa' | 'import-editeurs'; message: string } {
  if (!canLock(writer)) {
    return { ok: false, reason: 'forbidden', message: 'Seule la direction peut déverrouiller un bilan.' };
  }
  if (bilan.hasVisa) {
    return {
      ok: false,
      reason: 'visa',
      message: 'La famille a visé ce bilan : il ne peut plus être déverrouillé.',
    };
  }
  if (bilan.source === 'import-editeurs') {
    return {
      ok: false,
      reason: 'import-editeurs',
      message: 'Un bilan importé d’un autre logiciel ne peut pas être déverrouillé.',
    };
  }
  return { ok: true };
}
