/**
 * Sessions: a random token in an HTTP-only, SameSite cookie; the database keeps only its SHA-256, so a
 * leaked table cannot be replayed. Shared by HTTP routes and the sync endpoint.
 *
 * A session ends at the first of: `SESSION_HOURS` after sign-in (a school day, so a shared computer left signed
 * in is closed by the next morning), `IDLE_MINUTES` without a request, sign-out, or a password change or reset.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts, sessions } from '../db/schema.js';

export const SESSION_COOKIE = 'livret_session';
export const SESSION_HOURS = 12;
export const IDLE_MINUTES = 120;
/** `last_seen_at` is written at most this often, so reading a session rarely costs a write. */
const TOUCH_MS = 60_000;

/** The key of a session in the database (and in open sync connections): the SHA-256 of its token. */
export function sessionKeyOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session for an account; returns the token to put in the cookie. */
export async function openSession(db: Db, accountId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  await db
    .insert(sessions)
    .values({ id: sessionKeyOf(token), accountId, createdAt: now, expiresAt, lastSeenAt: now });
  return token;
}

export interface LiveSession {
  key: string;
  accountId: string;
  /** The account's password was reset: only changing it (and signing out) is allowed. */
  mustChangePassword: boolean;
}

/** The live session of a token (neither expired nor idle), and notes the activity; undefined otherwise. */
export async function readSession(
  db: Db,
  token: string | undefined,
  now: Date,
): Promise<LiveSession | undefined> {
  if (!token) return undefined;
  const key = sessionKeyOf(token);
  const [row] = await db
    .select({
      accountId: sessions.accountId,
      lastSeenAt: sessions.lastSeenAt,
      mustChangePassword: accounts.mustChangePassword,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(and(eq(sessions.id, key), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince(now))));
  if (!row) return undefined;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, key));
  }
  return { key, accountId: row.accountId, mustChangePassword: row.mustChangePassword };
}

/**
 * The account of a live session, or undefined — also while its password must be changed, so the sync endpoint
 * and every route but the password change refuse it.
 */
export async function sessionAccount(
  db: Db,
  token: string | undefined,
  now: Date,
): Promise<string | undefined> {
  const session = await readSession(db, token, now);
  return session && !session.mustChangePassword ? session.accountId : undefined;
}

/** Ends a session. */
export async function closeSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, sessionKeyOf(token)));
}

/**
 * Ends every session of an account but `keep` (a session key); returns the keys it ended, so their live sync
 * connections can be closed too.
 */
export async function closeAccountSessions(db: Db, accountId: string, keep?: string): Promise<string[]> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.accountId, accountId), keep ? ne(sessions.id, keep) : undefined))
    .returning({ key: sessions.id });
  return ended.map((s) => s.key);
}

/** Deletes the sessions that expired or went idle. */
export async function purgeSessions(db: Db, now: Date): Promise<number> {
  const gone = await db
    .delete(sessions)
    .where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince(now))))
    .returning({ key: sessions.id });
  return gone.length;
}

function idleSince(now: Date): Date {
  return new Date(now.getTime() - IDLE_MINUTES * 60_000);
}

/** Reads the session token from a raw Cookie header (the sync endpoint has no Hono context). */
export function tokenFromCookieHeader(header: string | undefined): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === SESSION_COOKIE) return decodeURIComponent(value.join('='));
  }
  return undefined;
}
