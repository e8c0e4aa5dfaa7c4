/**
 * Periodic clean-up of what expires: sessions past their lifetime or idle, and login throttles that slow no one
 * any more. Runs at start, then every `EVERY_MS` on an unref'd timer (it never keeps the process alive).
 */
import type { Db } from '../db/client.js';
import { purgeLoginThrottles } from './rate-limit.js';
import { purgeSessions } from './sessions.js';

const EVERY_MS = 10 * 60_000;

/** Purges now and then periodically; `stop()` ends the timer. */
export async function startHousekeeping(db: Db, now: () => Date): Promise<{ stop(): void }> {
  const run = async () => {
    await purgeSessions(db, now());
    await purgeLoginThrottles(db, now());
  };
  await run();
  const timer = setInterval(() => {
    run().catch((error) => console.error('housekeeping:', error));
  }, EVERY_MS);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
