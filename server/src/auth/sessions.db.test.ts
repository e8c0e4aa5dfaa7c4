import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../db/schema.js';
import { createTestApp, NOW, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';
import { IDLE_MINUTES, purgeSessions, SESSION_HOURS, sessionKeyOf } from './sessions.js';

const MINUTE = 60_000;

describe.each(testEngines())('session lifetimes on %s', (engine) => {
  let t: TestApp;
  let clock = NOW.getTime();
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date(clock) });
  });
  afterAll(async () => t.close());

  const me = async (cookie: string) => (await t.call('GET', '/api/me', cookie)).status;
  const lastSeen = async (cookie: string) => {
    const key = sessionKeyOf(cookie.split('=')[1]!);
    const [row] = await t.services.database.db.select().from(sessions).where(eq(sessions.id, key));
    return row?.lastSeenAt.getTime();
  };

  it('ends a session left idle, and activity keeps it alive (written at most once a minute)', async () => {
    const start = clock;
    const cookie = await t.signIn('cpe@college.demo');
    clock += 30_000;
    expect(await me(cookie)).toBe(200);
    expect(await lastSeen(cookie)).toBe(start); // under a minute: no write
    clock += 60 * MINUTE;
    expect(await me(cookie)).toBe(200);
    expect(await lastSeen(cookie)).toBe(clock);
    clock += (IDLE_MINUTES - 1) * MINUTE; // idle but not long enough
    expect(await me(cookie)).toBe(200);
    clock += IDLE_MINUTES * MINUTE + 1;
    expect(await me(cookie)).toBe(401);
  });

  it('ends a session after its absolute lifetime, however active', async () => {
    const cookie = await t.signIn('psyen@college.demo');
    const end = clock + SESSION_HOURS * 60 * MINUTE;
    while (clock + 50 * MINUTE < end) {
      clock += 50 * MINUTE;
      expect(await me(cookie)).toBe(200);
    }
    clock = end + 1;
    expect(await me(cookie)).toBe(401);
  });

  it('purges expired and idle sessions, and keeps live ones', async () => {
    const idle = await t.signIn('prof.maths@college.demo');
    clock += (IDLE_MINUTES + 1) * MINUTE;
    const live = await t.signIn('prof.francais@college.demo');
    expect(await purgeSessions(t.services.database.db, new Date(clock))).toBeGreaterThanOrEqual(1);
    expect(await lastSeen(idle)).toBeUndefined();
    expect(await lastSeen(live)).toBe(clock);
  });

  it('sets the cookie for the session lifetime', async () => {
    const response = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'direction@college.demo', password: 'livret-demo' }),
    });
    expect(response.headers.get('set-cookie')).toMatch(`Max-Age=${SESSION_HOURS * 3600}`);
  });
});
