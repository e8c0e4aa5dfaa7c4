/**
 * Who may open which live document, and what they may write in it: the per-cell authority of the sync
 * endpoint. A session is checked when the socket opens and again while it writes (see `SyncSession.refresh`);
 * each update's effect is judged with the domain's rules (who writes which cell, what value a cell takes,
 * how long a text may be, which documents are read-only) against the room's current document, so a lock
 * takes effect on the very next update.
 */
import type { IncomingMessage } from 'node:http';
import {
  canWriteCell,
  cellValueError,
  type PositioningType,
  type ReadOnlyReason,
  readOnlyReason,
  textLimitOf,
  type Writer,
} from '@livret/domain';
import { lockedStudentIds, parseClassDocName } from '@livret/domain/doc';
import { and, eq } from 'drizzle-orm';
import { sessionAccount, sessionKeyOf, tokenFromCookieHeader } from '../auth/sessions.js';
import { type ClassContext, loadClassContext } from '../classes/context.js';
import { writerOf } from '../classes/rights.js';
import { sessions, staffRoles } from '../db/schema.js';
import type { Services } from '../env.js';
import type { Touch } from '../sync/effect.js';
import type { SyncSession, Verdict } from '../sync/room.js';
import type { SyncAuthenticator } from '../sync/websocket.js';
import { displayName, loadActor } from './actor.js';
import { findClassScope } from './class-scope.js';

/** Authenticates a sync connection from its cookie and checks it may read the document. */
export async function authenticateSync(
  services: Services,
  request: Pick<IncomingMessage, 'headers'>,
  docName: string,
): ReturnType<SyncAuthenticator> {
  return sessionFor(services, tokenFromCookieHeader(request.headers.cookie), docName);
}

async function sessionFor(
  services: Services,
  token: string | undefined,
  docName: string,
): ReturnType<SyncAuthenticator> {
  const db = services.database.db;
  const now = services.now();
  const accountId = await sessionAccount(db, token, now);
  const actor = accountId ? await loadActor(db, accountId) : undefined;
  if (!actor || !token) return { ok: false, status: 401, message: 'Veuillez vous connecter.' };
  const ids = parseClassDocName(docName);
  if (!ids) return { ok: false, status: 404, message: 'Document introuvable.' };
  const scope = await findClassScope(db, actor, ids.classId);
  if (!scope) return { ok: false, status: 404, message: 'Document introuvable.' };
  const context = await loadClassContext(db, ids.classId, ids.periodId).catch(() => undefined);
  if (!context) return { ok: false, status: 404, message: 'Document introuvable.' };
  const sessionKey = sessionKeyOf(token);
  const [row] = await db
    .select({ expiresAt: sessions.expiresAt })
    .from(sessions)
    .where(eq(sessions.id, sessionKey));
  const judge = syncJudge(writerOf(scope, context), context, documentReadOnly(context, now));
  const session: SyncSession = {
    accountId: actor.accountId,
    sessionKey,
    displayName: displayName(actor),
    ...(row ? { expiresAt: row.expiresAt.getTime() } : {}),
    judge,
    async refresh() {
      const again = await sessionFor(services, token, docName);
      return again.ok ? again.session : null;
    },
    async alive() {
      if ((await sessionAccount(db, token, services.now())) !== actor.accountId) return false;
      const roles = await db
        .select({ role: staffRoles.role })
        .from(staffRoles)
        .where(and(eq(staffRoles.accountId, actor.accountId), eq(staffRoles.schoolId, scope.schoolId)));
      return sameSet(
        roles.map((r) => r.role),
        scope.roles,
      );
    },
  };
  return { ok: true, session };
}

/**
 * Why the whole document is read-only for everyone, if it is: a past school year, a class without periods,
 * or a class whose bilans come complete from another software («Import Éditeurs»).
 */
export function documentReadOnly(context: ClassContext, now: Date): ReadOnlyReason | undefined {
  const calendar = readOnlyReason({ periodCount: context.periods.length, millesime: context.millesime, now });
  if (calendar) return calendar;
  return context.settings.dataSource === 'editeurs' ? 'editeurs' : undefined;
}

/**
 * The verdict on the cells an update changes: every cell must be the class's and writable by this writer
 * now (locks are read from the document), every value must fit its cell, and no text may grow past its
 * limit (a text already over it may still shrink).
 * @example const verdict = syncJudge(writer, context)(touches, room.doc)
 */
export function syncJudge(writer: Writer, context: ClassContext, readOnly?: ReadOnlyReason) {
  const studentIds = new Set(context.students.map((s) => s.id));
  const disciplineIds = new Set(context.disciplines.map((d) => d.id));
  const values = {
    positioning: context.settings.positioning as PositioningType,
    schoolKind: context.school.kind,
  };
  return (touches: Touch[], doc: import('yjs').Doc): Verdict => {
    const scope = {
      lockedStudentIds: lockedStudentIds(doc),
      studentIds,
      disciplineIds,
      ...(readOnly ? { readOnly } : {}),
    };
    for (const touch of touches) {
      const decision = canWriteCell(writer, touch.cell, scope);
      if (!decision.ok) return { ok: false, code: decision.reason, message: decision.message };
      if (touch.op === 'set') {
        const invalid = cellValueError(touch.cell, touch.key, touch.value, values);
        if (invalid) return { ok: false, code: 'invalid-value', message: invalid };
      }
      if (touch.op === 'text') {
        const limit = textLimitOf(touch.cell, values.schoolKind);
        if (limit !== null && touch.after > limit && touch.after > touch.before) {
          return {
            ok: false,
            code: 'invalid-value',
            message: `Texte trop long (${limit} caractères au plus).`,
          };
        }
      }
    }
    return { ok: true };
  };
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const left = new Set(a);
  return left.size === new Set(b).size && b.every((x) => left.has(x));
}
