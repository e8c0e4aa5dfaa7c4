/**
 * `GET /api/health`: 200 while the database answers `select 1` within a short delay, 503 otherwise, so a load
 * balancer or a monitor stops sending users to a process that cannot serve them.
 */
import { sql } from 'drizzle-orm';
import { Hono } from 'hono';
import type { AppEnv } from '../env.js';

export const HEALTH_TIMEOUT_MS = 2000;

export function healthRoutes(timeoutMs = HEALTH_TIMEOUT_MS) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const { database } = c.var.services;
    return (await answers(() => database.db.execute(sql`select 1`), timeoutMs))
      ? c.json({ status: 'ok' as const, engine: database.engine }, 200)
      : c.json({ status: 'unavailable' as const, engine: database.engine }, 503);
  });
}

async function answers(query: () => Promise<unknown>, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    return await Promise.race([query().then(() => true as const), timeout]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}
