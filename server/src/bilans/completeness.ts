/** Completeness of a student's bilan as it stands in the live document (the domain rule on the draft). */
import { completenessReasons, draftBilan } from '@livret/domain';
import type * as Y from 'yjs';
import type { ClassContext } from '../classes/context.js';
import { freezeContextOf } from './freeze-context.js';

/** Why the student's bilan cannot be locked yet (empty when it can). */
export function completenessOf(doc: Y.Doc, context: ClassContext, studentId: string): string[] {
  const student = context.students.find((s) => s.id === studentId);
  if (!student) return ['Élève introuvable dans cette classe.'];
  const draft = draftBilan(doc, {
    ...freezeContextOf(context, student),
    frozenAt: new Date(0).toISOString(),
    frozenBy: { id: '', name: '' },
    version: 1,
  });
  return completenessReasons(draft);
}
