/**
 * Login rate limit, kept in the database (not in process memory) so it holds across instances and restarts:
 * at most `MAX_FAILURES` failed attempts per login, and `MAX_FAILURES_PER_ADDRESS` per address (a whole
 * school may share one address), within `WINDOW_MINUTES`.
 */
import { and, count, gt, inArray, lt } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { loginAttempts } from '../db/schema.js';

export const MAX_FAILURES = 10;
export const MAX_FAILURES_PER_ADDRESS = 100;
export const WINDOW_MINUTES = 15;

function keys(login: string, address: string): string[] {
  return [`login:${login.toLowerCase()}`, `ip:${address}`];
}

/** True when this login or this address has failed too often recently. */
export async function isRateLimited(db: Db, login: string, address: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - WINDOW_MINUTES * 60_000);
  const rows = await db
    .select({ key: loginAttempts.key, n: count() })
    .from(loginAttempts)
    .where(and(inArray(loginAttempts.key, keys(login, address)), gt(loginAttempts.at, since)))
    .groupBy(loginAttempts.key);
  return rows.some((r) => r.n >= (r.key.startsWith('ip:') ? MAX_FAILURES_PER_ADDRESS : MAX_FAILURES));
}

/** Records a failed attempt, and forgets the ones that left the window. */
export async function recordFailure(db: Db, login: string, address: string, now: Date): Promise<void> {
  await db.insert(loginAttempts).values(keys(login, address).map((key) => ({ key, at: now })));
  const stale = new Date(now.getTime() - 2 * WINDOW_MINUTES * 60_000);
  await db.delete(loginAttempts).where(lt(loginAttempts.at, stale));
}
