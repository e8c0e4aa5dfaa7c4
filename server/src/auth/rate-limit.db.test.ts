import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginThrottles } from '../db/schema.js';
import { DEMO_PASSWORD } from '../seed/index.js';
import { createTestApp, NOW, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';
import {
  ADDRESS_CEILING,
  backoffSeconds,
  PAIR_FREE_FAILURES,
  purgeLoginThrottles,
  recordFailure,
  recordSuccess,
} from './rate-limit.js';

describe('backoffSeconds', () => {
  it('is free up to the threshold, then doubles up to an hour', () => {
    expect(backoffSeconds(PAIR_FREE_FAILURES - 1, PAIR_FREE_FAILURES)).toBe(0);
    expect(backoffSeconds(PAIR_FREE_FAILURES, PAIR_FREE_FAILURES)).toBe(30);
    expect(backoffSeconds(PAIR_FREE_FAILURES + 1, PAIR_FREE_FAILURES)).toBe(60);
    expect(backoffSeconds(PAIR_FREE_FAILURES + 2, PAIR_FREE_FAILURES)).toBe(120);
    expect(backoffSeconds(PAIR_FREE_FAILURES + 20, PAIR_FREE_FAILURES)).toBe(3600);
  });
});

describe.each(testEngines())('login rate limit on %s', (engine) => {
  let t: TestApp;
  let clock = NOW.getTime();
  beforeAll(async () => {
    t = await createTestApp(engine, { now: () => new Date(clock) });
  });
  afterAll(async () => t.close());

  /** A sign-in from a given client address (the Node adapter's socket, as in production). */
  async function login(login: string, password: string, address: string) {
    const response = await t.app.request(
      '/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login, password }),
      },
      { incoming: { socket: { remoteAddress: address } } },
    );
    return { status: response.status, body: (await response.json()) as { message?: string } };
  }

  it('a stranger elsewhere cannot lock the owner out: the right password still works', async () => {
    for (let i = 0; i < 30; i++) await login('cpe@college.demo', 'devine', '203.0.113.66');
    expect((await login('cpe@college.demo', 'devine', '203.0.113.66')).status).toBe(429);
    expect((await login('cpe@college.demo', DEMO_PASSWORD, '203.0.113.66')).status).toBe(429);
    expect((await login('cpe@college.demo', DEMO_PASSWORD, '198.51.100.7')).status).toBe(200);
  });

  it('waits longer after each further failure, and a success clears the pair', async () => {
    const address = '198.51.100.20';
    const who = 'prof.maths@college.demo';
    for (let i = 0; i < PAIR_FREE_FAILURES; i++) expect((await login(who, 'x', address)).status).toBe(401);
    const first = await login(who, 'x', address);
    expect(first.status).toBe(429);
    expect(first.body.message).toMatch(/Réessayez dans 1 minute\./);
    clock += 31_000; // the first wait (30 s) is over: one more failure doubles it
    expect((await login(who, 'x', address)).status).toBe(401);
    clock += 31_000;
    expect((await login(who, DEMO_PASSWORD, address)).status).toBe(429);
    clock += 30_000; // 61 s after the sixth failure: past the 60 s wait
    expect((await login(who, DEMO_PASSWORD, address)).status).toBe(200);
    expect((await login(who, 'x', address)).status).toBe(401); // counting starts again from zero
  });

  it('past the per-address ceiling, only logins never seen at that address are slowed', async () => {
    const school = '192.0.2.10';
    expect((await login('direction@college.demo', DEMO_PASSWORD, school)).status).toBe(200);
    // Guesses on many logins from the shared address, each pair well under its own limit.
    for (let i = 0; i < ADDRESS_CEILING; i++)
      await recordFailure(t.services.database.db, `guess${i}@x.fr`, school, new Date(clock));
    expect((await login('directeur@ecole.demo', DEMO_PASSWORD, school)).status).toBe(429);
    expect((await login('direction@college.demo', DEMO_PASSWORD, school)).status).toBe(200);
    expect((await login('directeur@ecole.demo', DEMO_PASSWORD, '192.0.2.11')).status).toBe(200);
  });

  it('forgets failures a day old, and keeps a login known at its address for 90 days', async () => {
    const db = t.services.database.db;
    const day = 86_400_000;
    const at = (ms: number) => new Date(clock + ms);
    await recordFailure(db, 'old@x.fr', '192.0.2.50', at(0));
    await recordSuccess(db, 'known@x.fr', '192.0.2.50', at(0));
    await purgeLoginThrottles(db, at(day + 1));
    const keys = (await db.select({ key: loginThrottles.key }).from(loginThrottles)).map((r) => r.key);
    expect(keys).not.toContain('pair:old@x.fr 192.0.2.50');
    expect(keys).toContain('pair:known@x.fr 192.0.2.50');
    await purgeLoginThrottles(db, at(91 * day));
    const later = (await db.select({ key: loginThrottles.key }).from(loginThrottles)).map((r) => r.key);
    expect(later).not.toContain('pair:known@x.fr 192.0.2.50');
  });
});
