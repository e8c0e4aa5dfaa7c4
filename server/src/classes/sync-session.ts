/**
 * Who may open which live document, and what they may write in it: the bridge between the sync endpoint and
 * access. A session is checked when the socket opens; each update is judged by the domain's write rule
 * against the room's current document (so a lock takes effect on the very next update).
 */
import type { IncomingMessage } from 'node:http';
import { canWriteCell } from '@livret/domain';
import { lockedStudentIds, parseClassDocName } from '@livret/domain/doc';
import { displayName, loadActor } from '../access/actor.js';
import { findClassScope } from '../access/class-scope.js';
import { sessionAccount, sessionKeyOf, tokenFromCookieHeader } from '../auth/sessions.js';
import type { Services } from '../env.js';
import type { SyncSession, Verdict } from '../sync/room.js';
import type { SyncAuthenticator } from '../sync/websocket.js';
import { loadClassContext } from './context.js';
import { writerOf } from './rights.js';
import { textLengthError, validateTouch } from './values.js';

/** Authenticates a sync connection from its cookie and checks it may read the document. */
export async function authenticateSync(
  services: Services,
  request: IncomingMessage,
  docName: string,
): ReturnType<SyncAuthenticator> {
  const db = services.database.db;
  const token = tokenFromCookieHeader(request.headers.cookie);
  const accountId = await sessionAccount(db, token, services.now());
  const actor = accountId ? await loadActor(db, accountId) : undefined;
  if (!actor) return { ok: false, status: 401, message: 'Veuillez vous connecter.' };
  const ids = parseClassDocName(docName);
  if (!ids) return { ok: false, status: 404, message: 'Document introuvable.' };
  const scope = await findClassScope(db, actor, ids.classId);
  if (!scope) return { ok: false, status: 404, message: 'Document introuvable.' };
  const context = await loadClassContext(db, ids.classId, ids.periodId).catch(() => undefined);
  if (!context) return { ok: false, status: 404, message: 'Document introuvable.' };
  const writer = writerOf(scope, context);
  const studentIds = new Set(context.students.map((s) => s.id));
  const disciplineIds = new Set(context.disciplines.map((d) => d.id));
  const session: SyncSession = {
    accountId: actor.accountId,
    ...(token ? { sessionKey: sessionKeyOf(token) } : {}),
    displayName: displayName(actor),
    judge(touches, doc): Verdict {
      const locked = lockedStudentIds(doc);
      for (const touch of touches) {
        const cell = touch.cell;
        // Cells of students or disciplines that are not the class's do not exist.
        if (
          ('studentId' in cell && !studentIds.has(cell.studentId)) ||
          ('disciplineId' in cell && !disciplineIds.has(cell.disciplineId))
        ) {
          return { ok: false, code: 'unknown-cell', message: 'Cette case n’existe pas dans cette classe.' };
        }
        const decision = canWriteCell(writer, cell, { lockedStudentIds: locked });
        if (!decision.ok) return { ok: false, code: decision.reason, message: decision.message };
        const invalid = validateTouch(touch, context);
        if (invalid) return { ok: false, code: 'invalid-value', message: invalid };
      }
      const tooLong = textLengthError(touches, doc, context);
      if (tooLong) return { ok: false, code: 'invalid-value', message: tooLong };
      return { ok: true };
    },
  };
  return { ok: true, session };
}
