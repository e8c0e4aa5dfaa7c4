/**
 * The writer an actor is in a class (for the domain's write rule), and the rights the workspace page shows:
 * both come from the same rule, so the page and the sync endpoint cannot disagree.
 */
import { canLock, canWriteCell, type Writer } from '@livret/domain';
import type { ClassScope } from '../access/class-scope.js';
import type { ClassContext } from './context.js';

/** The actor as the write rule sees it in this class. */
export function writerOf(scope: ClassScope, context: ClassContext): Writer {
  return {
    roles: scope.roles,
    taughtDisciplineIds: scope.taughtDisciplineIds,
    groupStudentIds: scope.groupStudentIds,
    isPrincipal: scope.isPrincipal,
    schoolKind: context.school.kind,
  };
}

/** What the page may offer for editing (locks aside: the page reads them live from the document). */
export function rightsOf(writer: Writer, context: ClassContext) {
  const open = { lockedStudentIds: new Set<string>() };
  const anyStudent = context.students[0]?.id ?? 'none';
  return {
    disciplines: context.disciplines
      .filter(
        (d) =>
          canWriteCell(writer, { section: 'positionnement', studentId: anyStudent, disciplineId: d.id }, open)
            .ok,
      )
      .map((d) => d.id),
    synthese: canWriteCell(writer, { section: 'synthese', studentId: anyStudent }, open).ok,
    vieScolaire: canWriteCell(writer, { section: 'vie-scolaire', studentId: anyStudent }, open).ok,
    lock: canLock(writer),
  };
}
