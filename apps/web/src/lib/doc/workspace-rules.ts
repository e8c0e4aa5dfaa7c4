/** The write rule's inputs for a workspace, rebuilt from the payload the server sends. */
import type { Writer } from '@livret/domain';
import type { Workspace } from '../api/types.js';
import type { ReapplyRules } from './reapply.js';

/** The domain's Writer from the workspace payload (the same one the sync endpoint judges with). */
export function writerOf(workspace: Workspace): Writer {
  const { roles, taughtDisciplineIds, groupStudentIds, isPrincipal, schoolKind } = workspace.writer;
  return {
    roles,
    taughtDisciplineIds: new Set(taughtDisciplineIds),
    groupStudentIds: new Map(Object.entries(groupStudentIds).map(([d, ids]) => [d, new Set(ids)])),
    isPrincipal,
    schoolKind,
  };
}

/** What re-applying refused edits checks: this writer, the class's scale, its students and disciplines. */
export function rulesOf(workspace: Workspace): ReapplyRules {
  return {
    writer: writerOf(workspace),
    positioning: workspace.settings.positioning,
    studentIds: new Set(workspace.students.map((s) => s.id)),
    disciplineIds: new Set(workspace.disciplines.map((d) => d.id)),
    ...(workspace.readOnly ? { readOnly: workspace.readOnly } : {}),
  };
}
