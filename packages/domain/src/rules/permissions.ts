/**
 * Who may write which cell of a class document (domain reference §2). One rule, used by the server for every
 * update and by the client to show read-only cells.
 */
import type { Cell } from '../doc/cells.js';

export type StaffRole = 'direction' | 'enseignant' | 'cpe' | 'psyen';

/** What the rule needs to know of the writer, in the class's school. */
export interface Writer {
  /** Roles held in the school of the class. */
  roles: readonly StaffRole[];
  /** Disciplines (or 1D domaines) the writer teaches to this class. */
  taughtDisciplineIds: ReadonlySet<string>;
  /** Professeur principal of the class (2D). */
  isPrincipal: boolean;
  schoolKind: '1D' | '2D';
}

/** The current state the rule depends on. */
export interface WriteScope {
  lockedStudentIds: ReadonlySet<string>;
}

export type WriteDecision =
  | { ok: true }
  | { ok: false; reason: 'forbidden' | 'locked' | 'read-only'; message: string };

const allowed: WriteDecision = { ok: true };

/**
 * May `writer` change `cell` now?
 * @example canWriteCell(teacher, { section: 'positionnement', studentId, disciplineId }, { lockedStudentIds })
 */
export function canWriteCell(writer: Writer, cell: Cell, scope: WriteScope): WriteDecision {
  if (cell.section === 'locks') {
    return { ok: false, reason: 'forbidden', message: 'Seul le serveur verrouille les bilans.' };
  }
  const { roles } = writer;
  const isDirection = roles.includes('direction');
  const isTeacher = roles.includes('enseignant');
  const isCpe = roles.includes('cpe');
  if (!isDirection && !isTeacher && !isCpe) {
    return {
      ok: false,
      reason: 'read-only',
      message: 'Votre profil permet de consulter les bilans, pas de les modifier.',
    };
  }
  if ('studentId' in cell && scope.lockedStudentIds.has(cell.studentId)) {
    return {
      ok: false,
      reason: 'locked',
      message: 'Le bilan de cet élève est verrouillé : il ne peut plus être modifié.',
    };
  }
  if (isDirection) return allowed;
  switch (cell.section) {
    case 'elements':
    case 'positionnement':
    case 'appreciation':
      if (isTeacher && writer.taughtDisciplineIds.has(cell.disciplineId)) return allowed;
      return {
        ok: false,
        reason: 'forbidden',
        message: 'Vous n’enseignez pas cette discipline dans cette classe.',
      };
    case 'synthese':
      // 2D: the professeur principal; 1D: the class's own teachers write the appréciation générale.
      if (
        writer.isPrincipal ||
        (writer.schoolKind === '1D' && isTeacher && writer.taughtDisciplineIds.size > 0)
      ) {
        return allowed;
      }
      return {
        ok: false,
        reason: 'forbidden',
        message: 'La synthèse est rédigée par le professeur principal ou la direction.',
      };
    case 'vie-scolaire':
      if (isCpe) return allowed;
      return {
        ok: false,
        reason: 'forbidden',
        message: 'La vie scolaire est renseignée par le CPE ou la direction.',
      };
  }
}

/** Only the head of the school locks and unlocks (domain reference §2, §8). */
export function canLock(writer: Pick<Writer, 'roles'>): boolean {
  return writer.roles.includes('direction');
}

/**
 * May a locked bilan be unlocked? Never after the family's visa, never one imported locked from another editor.
 */
export function canUnlock(
  writer: Pick<Writer, 'roles'>,
  bilan: { hasVisa: boolean; source: 'app' | 'import-editeurs' },
): { ok: true } | { ok: false; message: string } {
  if (!canLock(writer)) return { ok: false, message: 'Seule la direction peut déverrouiller un bilan.' };
  if (bilan.hasVisa)
    return { ok: false, message: 'La famille a visé ce bilan : il ne peut plus être déverrouillé.' };
  if (bilan.source === 'import-editeurs') {
    return { ok: false, message: 'Un bilan importé d’un autre logiciel ne peut pas être déverrouillé.' };
  }
  return { ok: true };
}
