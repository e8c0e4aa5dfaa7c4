/**
 * The real app on a test database with the demo school seeded, called with `app.request()` (no port).
 */
import { createApp } from '../app.js';
import type { Engine } from '../db/client.js';
import type { Services } from '../env.js';
import { DEMO_PASSWORD, seedDemoSchool } from '../seed/index.js';
import { Rooms } from '../sync/rooms.js';
import { compactDocument, postgresUpdateLog } from '../sync/update-log.js';
import { createTestDatabase } from './database.js';

export const NOW = new Date('2026-11-27T17:00:00.000Z');

export interface TestApp {
  app: ReturnType<typeof createApp>;
  services: Services;
  /** Signs in and returns the cookie header value. */
  signIn(login: string, password?: string): Promise<string>;
  /** A JSON request with the given cookie. */
  call(method: string, path: string, cookie?: string, body?: unknown): Promise<{ status: number; body: any }>;
  close(): Promise<void>;
}

/** `now` replaces the fixed clock (sessions, rate limit); `seed: false` leaves the database empty. */
export async function createTestApp(
  engine: Engine,
  options: { now?: () => Date; seed?: boolean } = {},
): Promise<TestApp> {
  const database = await createTestDatabase(engine);
  if (options.seed !== false) await seedDemoSchool(database.db, { now: NOW });
  const rooms = new Rooms({
    log: postgresUpdateLog(database.db),
    compact: async (name) => void (await compactDocument(database.db, name)),
    idleMs: 10,
    now: () => services.now().getTime(),
  });
  const services: Services = { database, rooms, now: options.now ?? (() => NOW) };
  const app = createApp(services);
  const call: TestApp['call'] = async (method, path, cookie, body) => {
    const response = await app.request(path, {
      method,
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON (a PDF)
    }
    return { status: response.status, body: parsed };
  };
  return {
    app,
    services,
    call,
    async signIn(login, password = DEMO_PASSWORD) {
      const response = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      });
      if (response.status !== 200) throw new Error(`sign-in ${login}: ${response.status}`);
      return (response.headers.get('set-cookie') ?? '').split(';')[0]!;
    },
    async close() {
      rooms.close();
      await database.close();
    },
  };
}
