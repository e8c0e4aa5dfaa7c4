/**
 * Completeness of each bilan as it stands in the browser's live copy, BEFORE any lock: the domain's own rule
 * (`completenessReasons` on `draftBilan`) with the context the server uses (server/src/bilans/completeness.ts),
 * so the badge says what the lock will answer. Nothing of the rule is repeated here.
 */
import { completenessReasons, draftBilan, type FreezeContext } from '@livret/domain';
import type { Workspace } from '$lib/api/types';
import type { ClassDocSession } from '$lib/doc';

/** What of the workspace a draft needs (the class context the server's check uses). */
export type DraftSource = Pick<
  Workspace,
  'school' | 'millesime' | 'class' | 'period' | 'settings' | 'students' | 'disciplines'
>;
type Student = Workspace['students'][number];

/** What draftBilan needs besides the document, for one student: the server's `freezeContextOf`, from the workspace. */
export function draftContextOf(workspace: DraftSource, student: Student): FreezeContext {
  const { uai, name, kind, academie } = workspace.school;
  return {
    school: { uai, name, kind, academie },
    millesime: workspace.millesime,
    class: workspace.class,
    period: workspace.period,
    student,
    positioning: workspace.settings.positioning,
    disciplines: workspace.disciplines,
    // Not read by the rule; the same placeholders as the server's completeness check.
    frozenAt: new Date(0).toISOString(),
    frozenBy: { id: '', name: '' },
    version: 1,
  };
}

/**
 * Why each open student's bilan cannot be locked yet (an empty list: complete), by student id; locked students
 * are left out. Reactive: it reads the session, so it follows every change of the document, ours or others'.
 */
export function liveCompleteness(live: ClassDocSession, workspace: DraftSource): Map<string, string[]> {
  const locked = live.lockedStudentIds();
  const result = new Map<string, string[]>();
  for (const student of workspace.students) {
    if (locked.has(student.id)) continue;
    // The session hands out the document only through its texts (for the editors); a text knows its document,
    // and reading it through the session makes this computation follow the document's changes.
    const doc = live.syntheseText(student.id).doc;
    if (!doc) continue;
    result.set(student.id, completenessReasons(draftBilan(doc, draftContextOf(workspace, student))));
  }
  return result;
}
