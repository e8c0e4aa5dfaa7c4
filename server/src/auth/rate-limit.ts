/**
 * Login rate limit, kept in the database (not in process memory) so it holds across instances and restarts.
 *
 * Failures are counted per (login, address) pair: after `PAIR_FREE_FAILURES`, each failure doubles the wait
 * before the next attempt (30 s, 1 min, 2 min… up to an hour). A stranger elsewhere only slows their own pair,
 * so they can never stop the right password from working at its owner's address. Each address also has a
 * generous ceiling (`ADDRESS_CEILING` failures) past which it is slowed the same way, but only for logins that
 * never signed in from it: a school sharing one address keeps working while someone sprays it with guesses.
 */
import { and, eq, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { loginThrottles } from '../db/schema.js';

export const PAIR_FREE_FAILURES = 5;
export const ADDRESS_CEILING = 300;
const FIRST_WAIT_SECONDS = 30;
const MAX_WAIT_SECONDS = 3600;
/** A pair or an address with no failure for this long starts again from zero. */
const FORGET_MS = { pair: 24 * 3_600_000, address: 3_600_000 };
/** A login that signed in from an address within this time is known there (the ceiling does not slow it). */
const KNOWN_MS = 90 * 86_400_000;

type Scope = keyof typeof FORGET_MS;

function keyOf(scope: Scope, login: string, address: string): string {
  return scope === 'pair' ? `pair:${login.toLowerCase()} ${address}` : `address:${address}`;
}

/** The wait (seconds) after `failures` failures, once past `free`: it doubles with each failure. */
export function backoffSeconds(failures: number, free: number): number {
  if (failures < free) return 0;
  return Math.min(FIRST_WAIT_SECONDS * 2 ** (failures - free), MAX_WAIT_SECONDS);
}

/** How long (seconds) this login must wait before trying again from this address; 0 when it may try now. */
export async function loginWait(db: Db, login: string, address: string, now: Date): Promise<number> {
  const pairKey = keyOf('pair', login, address);
  const rows = await db
    .select()
    .from(loginThrottles)
    .where(inArray(loginThrottles.key, [pairKey, keyOf('address', login, address)]));
  const pair = rows.find((r) => r.key === pairKey);
  const place = rows.find((r) => r.key !== pairKey);
  const known = pair?.lastSuccessAt && now.getTime() - pair.lastSuccessAt.getTime() < KNOWN_MS;
  const until = Math.max(
    pair?.blockedUntil?.getTime() ?? 0,
    known ? 0 : (place?.blockedUntil?.getTime() ?? 0),
  );
  return until > now.getTime() ? Math.ceil((until - now.getTime()) / 1000) : 0;
}

/** Records a failed attempt on its pair and on its address, and sets the wait that follows. */
export async function recordFailure(db: Db, login: string, address: string, now: Date): Promise<void> {
  for (const scope of ['pair', 'address'] as const) {
    const key = keyOf(scope, login, address);
    // A raw Date in sql`` is not serialised by postgres.js: pass it as ISO text.
    const forgetBefore = new Date(now.getTime() - FORGET_MS[scope]);
    const [row] = await db
      .insert(loginThrottles)
      .values({ key, failures: 1, lastFailureAt: now })
      .onConflictDoUpdate({
        target: loginThrottles.key,
        set: {
          failures: sql`case when ${loginThrottles.lastFailureAt} is null
            or ${loginThrottles.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz then 1 else ${loginThrottles.failures} + 1 end`,
          lastFailureAt: now,
        },
      })
      .returning({ failures: loginThrottles.failures });
    const wait = backoffSeconds(row!.failures, scope === 'pair' ? PAIR_FREE_FAILURES : ADDRESS_CEILING);
    if (wait > 0) {
      await db
        .update(loginThrottles)
        .set({ blockedUntil: new Date(now.getTime() + wait * 1000) })
        .where(eq(loginThrottles.key, key));
    }
  }
}

/** A success clears its pair's failures and makes the login known at this address. */
export async function recordSuccess(db: Db, login: string, address: string, now: Date): Promise<void> {
  const key = keyOf('pair', login, address);
  const cleared = { failures: 0, lastFailureAt: null, blockedUntil: null, lastSuccessAt: now };
  await db
    .insert(loginThrottles)
    .values({ key, ...cleared })
    .onConflictDoUpdate({ target: loginThrottles.key, set: cleared });
}

/** Forgets the keys that neither slow anyone nor mark a known login any more. */
export async function purgeLoginThrottles(db: Db, now: Date): Promise<void> {
  const quiet = new Date(now.getTime() - FORGET_MS.pair);
  const unknown = new Date(now.getTime() - KNOWN_MS);
  await db
    .delete(loginThrottles)
    .where(
      and(
        or(isNull(loginThrottles.lastFailureAt), lt(loginThrottles.lastFailureAt, quiet)),
        or(isNull(loginThrottles.blockedUntil), lt(loginThrottles.blockedUntil, now)),
        or(isNull(loginThrottles.lastSuccessAt), lt(loginThrottles.lastSuccessAt, unknown)),
      ),
    );
}
