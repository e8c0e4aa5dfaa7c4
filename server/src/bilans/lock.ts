/**
 * Locking and unlocking, live. Locking freezes each student's part of the class document into the canonical
 * frozen bilan, and stores, in ONE transaction, the immutable version (with its hash), the locked state, the
 * publication to the family portal, the audit entry and the document update that marks the student locked.
 * Only then is that update applied to the room and broadcast: every open page turns the student read-only.
 * Unlocking (direction only, never after the family's visa, never an Éditeurs import) records who and why;
 * the next lock makes a new version, and no version is ever modified (the database forbids it).
 */
import { freeze, parisDay } from '@livret/domain';
import { classDocName, clearLock, getLock, setLock } from '@livret/domain/doc';
import { and, eq } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Actor } from '../access/actor.js';
import { displayName } from '../access/actor.js';
import { requireClassScope, requireDirection } from '../access/class-scope.js';
import { type ClassContext, loadClassContext } from '../classes/context.js';
import { auditLog, bilanStates, bilanVersions, unlocks, visas } from '../db/schema.js';
import type { Services } from '../env.js';
import { AppError } from '../errors.js';
import type { Room } from '../sync/room.js';
import { appendUpdateIn } from '../sync/update-log.js';
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
  const { database, rooms } = services;
  const db = database.db;
  const scope = await requireClassScope(db, actor, input.classId);
  requireDirection(scope);
  const context = await loadClassContext(db, input.classId, input.periodId);
  const known = new Set(context.students.map((s) => s.id));
  const unknown = input.studentIds.filter((id) => !known.has(id));
  if (unknown.length > 0)
    throw new AppError('invalid', 'Certains élèves ne sont pas dans cette classe.', { unknown });

  const docName = classDocName(input.classId, input.periodId);
  const room = await rooms.get(docName);
  try {
    return await room.exclusive(() => lockInRoom(services, actor, room, context, input.studentIds));
  } finally {
    void rooms.released(room);
  }
}

async function lockInRoom(
  services: Services,
  actor: Actor,
  room: Room,
  context: ClassContext,
  studentIds: string[],
): Promise<LockResult> {
  const db = services.database.db;
  const now = services.now();
  const result: LockResult = { locked: [], refused: [] };
  const candidates: ClassContext['students'] = [];
  for (const student of context.students.filter((s) => studentIds.includes(s.id))) {
    if (getLock(room.doc, student.id)) {
      result.refused.push({ studentId: student.id, reasons: ['Ce bilan est déjà verrouillé.'] });
      continue;
    }
    const reasons = completenessOf(room.doc, context, student.id);
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
    const content = freeze(room.doc, {
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

  // The lock marks are computed on a scratch copy, so the room changes only once the transaction commits.
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
  const before = Y.encodeStateVector(scratch);
  Y.transact(scratch, () => {
    for (const { student, version } of frozen) {
      setLock(scratch, student.id, { version, lockedAt: now.toISOString(), lockedBy: displayName(actor) });
    }
  });
  const update = Y.encodeStateAsUpdate(scratch, before);
  scratch.destroy();

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
    await appendUpdateIn(tx, room.name, update);
  });
  room.applyServerUpdate(update);
  return result;
}

/** Unlocks one student's bilan: the frozen version stays, the next lock makes a new one. */
export async function unlockStudent(
  services: Services,
  actor: Actor,
  input: { classId: string; periodId: string; studentId: string; reason: string },
): Promise<{ studentId: string }> {
  const { database, rooms } = services;
  const db = database.db;
  const scope = await requireClassScope(db, actor, input.classId);
  requireDirection(scope);
  const context = await loadClassContext(db, input.classId, input.periodId);
  if (!context.students.some((s) => s.id === input.studentId))
    throw new AppError('not_found', 'Élève introuvable.');
  const room = await rooms.get(classDocName(input.classId, input.periodId));
  try {
    return await room.exclusive(async () => {
      const now = services.now();
      const scratch = new Y.Doc();
      Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
      const before = Y.encodeStateVector(scratch);
      clearLock(scratch, input.studentId);
      const update = Y.encodeStateAsUpdate(scratch, before);
      scratch.destroy();

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
        if (version?.source === 'import-editeurs') {
          throw new AppError(
            'forbidden',
            'Un bilan importé d’un autre logiciel ne peut pas être déverrouillé.',
          );
        }
        const [visa] = await tx.select().from(visas).where(eq(visas.bilanVersionId, state.currentVersionId));
        if (visa) {
          throw new AppError('visa', 'La famille a visé ce bilan : il ne peut plus être déverrouillé.');
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
        await appendUpdateIn(tx, room.name, update);
      });
      room.applyServerUpdate(update);
      return { studentId: input.studentId };
    });
  } finally {
    void rooms.released(room);
  }
}
