/**
 * Sessions: a random token in an HTTP-only, SameSite cookie; the database keeps only its SHA-256, so a
 * leaked table cannot be replayed. Shared by HTTP routes and the sync endpoint.
 */
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { sessions } from '../db/schema.js';

export const SESSION_COOKIE = 'livret_session';
export const SESSION_DAYS = 30;

/** The key of a session in the database (and in open sync connections): the SHA-256 of its token. */
export function sessionKeyOf(token: string): string {
  return digest(token);
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Opens a session for an account; returns the token to put in the cookie. */
export async function openSession(db: Db, accountId: string, now: Date): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ id: digest(token), accountId, createdAt: now, expiresAt });
  return token;
}

/** The account of a live session, or undefined. */
export async function sessionAccount(
  db: Db,
  token: string | undefined,
  now: Date,
): Promise<string | undefined> {
  if (!token) return undefined;
  const [row] = await db
    .select({ accountId: sessions.accountId })
    .from(sessions)
    .where(and(eq(sessions.id, digest(token)), gt(sessions.expiresAt, now)));
  return row?.accountId;
}

/** Ends a session. */
export async function closeSession(db: Db, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, digest(token)));
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
