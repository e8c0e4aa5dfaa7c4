/**
 * Locking and unlocking, live. Locking freezes each student's part of the class document into the canonical
 * frozen bilan, and stores, in ONE transaction, the immutable version (with its hash), the locked state, the
 * publication to the family portal, the audit entry and the document update that marks the student locked.
 * Only then is that update applied to the room and broadcast: every open page turns the student read-only.
 * Unlocking (direction only, never after the family's visa, never an Éditeurs import) records who and why;
 * the next lock makes a new version, and no version is ever modified (the database forbids it).
 */
import { canUnlock, freeze, parisDay } from '@livret/domain';
import { classDocName, clearLock, getLock, setLock } from '@livret/domain/doc';
import { and, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { displayName } from '../access/actor.js';
import { requireClassScope, requireDirection } from '../access/class-scope.js';
import { type ClassContext, loadClassContext } from '../classes/context.js';
import { auditLog, bilanStates, bilanVersions, unlocks, visas } from '../db/schema.js';
import type { Services } from '../env.js';
import { AppError } from '../errors.js';
import { type LiveDocuments, withLiveDocuments } from '../sync/live-documents.js';
import { completenessOf } from './completeness.js';
import { freezeContextOf, signatoriesOf } from './freeze-context.js';
import { keyOf, lastVersions, storeFrozenVersions } from './versions.js';

export interface LockResult {
  locked: { studentId: string; versionId: string; version: number }[];
  refused: { studentId: string; reasons: string[] }[];
}

/** Locks the given students of a class for a period (the whole class when the list is every student). */
export async function lockStudents(
  services: Services,
  actor: Actor,
  input: { classId: string; periodId: string; studentIds: string[] },
): Promise<LockResult> {
  const db = services.database.db;
  const scope = await requireClassScope(db, actor, input.classId);
  requireDirection(scope);
  const context = await loadClassContext(db, input.classId, input.periodId);
  const known = new Set(context.students.map((s) => s.id));
  const unknown = input.studentIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new AppError('invalid', 'Certains élèves ne sont pas dans cette classe.', { unknown });

  const docName = classDocName(input.classId, input.periodId);
  return withLiveDocuments(services, [docName], (live) =>
    lockInDocument(services, actor, live, docName, context, input.studentIds),
  );
}

async function lockInDocument(
  services: Services,
  actor: Actor,
  live: LiveDocuments,
  docName: string,
  context: ClassContext,
  studentIds: string[],
): Promise<LockResult> {
  const db = services.database.db;
  const doc = live.doc(docName);
  const now = services.now();
  const result: LockResult = { locked: [], refused: [] };
  const candidates: ClassContext['students'] = [];
  for (const student of context.students.filter((s) => studentIds.includes(s.id))) {
    if (getLock(doc, student.id)) {
      result.refused.push({ studentId: student.id, reasons: ['Ce bilan est déjà verrouillé.'] });
      continue;
    }
    const reasons = completenessOf(doc, context, student.id);
    if (reasons.length > 0) result.refused.push({ studentId: student.id, reasons });
    else candidates.push(student);
  }
  if (candidates.length === 0) return result;

  const lastVersion = await lastVersions(
    db,
    candidates.map((s) => s.id),
  );
  const versionKey = (studentId: string) =>
    keyOf({ studentId, periodId: context.period.id, kind: 'periodique' });

  const communication = await signatoriesOf(db, context);
  const frozen = candidates.map((student) => {
    const version = (lastVersion.get(versionKey(student.id)) ?? 0) + 1;
    const content = freeze(doc, {
      ...freezeContextOf(context, student),
      // The conseil de classe is the day of the lock, and the student is taken as schooled from the period's
      // start, unless the school says otherwise (both are required by the LSU format).
      dateConseil: parisDay(now),
      dateScolarite: context.period.startsOn,
      communication,
      frozenAt: now.toISOString(),
      frozenBy: { id: actor.accountId, name: displayName(actor) },
      version,
    });
    return { student, version, content };
  });

  // The lock marks reach the open pages only once the transaction that stores the versions commits.
  live.change(docName, (changed) => {
    for (const { student, version } of frozen) {
      setLock(changed, student.id, { version, lockedAt: now.toISOString(), lockedBy: displayName(actor) });
    }
  });

  await db.transaction(async (tx) => {
    const stored = await storeFrozenVersions(
      tx,
      frozen.map(({ student, version, content }) => ({
        studentId: student.id,
        periodId: context.period.id,
        kind: 'periodique',
        classId: context.class.id,
        version,
        content,
      })),
      { source: 'app', by: actor.accountId, at: now, action: 'bilan.lock' },
    );
    for (const { studentId, versionId, version } of stored)
      result.locked.push({ studentId, versionId, version });
    await live.store(tx);
  });
  return result;
}

/** Unlocks one student's bilan: the frozen version stays, the next lock makes a new one. */
export async function unlockStudent(
  services: Services,
  actor: Actor,
  input: { classId: string; periodId: string; studentId: string; reason: string },
): Promise<{ studentId: string }> {
  const db = services.database.db;
  const scope = await requireClassScope(db, actor, input.classId);
  requireDirection(scope);
  const context = await loadClassContext(db, input.classId, input.periodId);
  if (!context.students.some((s) => s.id === input.studentId))
    throw new AppError('not_found', 'Élève introuvable.');
  const docName = classDocName(input.classId, input.periodId);
  return withLiveDocuments(services, [docName], async (live) => {
    const now = services.now();
    live.change(docName, (doc) => clearLock(doc, input.studentId));
    await db.transaction(async (tx) => {
      // The state row is locked for the transaction: a visa cannot slip in between the check and the unlock.
      const [state] = await tx
        .select()
        .from(bilanStates)
        .where(and(eq(bilanStates.studentId, input.studentId), eq(bilanStates.periodId, input.periodId)))
        .for('update');
      if (state?.status !== 'locked' || !state.currentVersionId) {
        throw new AppError('conflict', 'Ce bilan n’est pas verrouillé.');
      }
      const [version] = await tx
        .select()
        .from(bilanVersions)
        .where(eq(bilanVersions.id, state.currentVersionId));
      const [visa] = await tx.select().from(visas).where(eq(visas.bilanVersionId, state.currentVersionId));
      const decision = canUnlock(
        { roles: scope.roles },
        { hasVisa: Boolean(visa), source: version?.source === 'import-editeurs' ? 'import-editeurs' : 'app' },
      );
      if (!decision.ok) {
        throw new AppError(decision.reason === 'visa' ? 'visa' : 'forbidden', decision.message);
      }
      await tx.insert(unlocks).values({
        studentId: input.studentId,
        periodId: input.periodId,
        bilanVersionId: state.currentVersionId,
        unlockedBy: actor.accountId,
        reason: input.reason,
        at: now,
      });
      await tx
        .update(bilanStates)
        .set({ status: 'open', lockedAt: null, lockedBy: null })
        .where(and(eq(bilanStates.studentId, input.studentId), eq(bilanStates.periodId, input.periodId)));
      await tx.insert(auditLog).values({
        at: now,
        actorId: actor.accountId,
        action: 'bilan.unlock',
        subject: state.currentVersionId,
        details: { studentId: input.studentId, periodId: input.periodId, reason: input.reason },
      });
      await live.store(tx);
    });
    return { studentId: input.studentId };
  });
}
