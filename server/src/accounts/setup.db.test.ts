import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, setupCodes } from '../db/schema.js';
import { demoWanted } from '../seed/index.js';
import { startServer } from '../server.js';
import { createTestApp, NOW, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';
import { issueSetupCode, SETUP_CODE_HOURS } from './setup.js';

describe('demoWanted', () => {
  it('seeds the embedded database, and PostgreSQL only when LIVRET_DEMO=1 asks', () => {
    expect(demoWanted('pglite', {})).toBe(true);
    expect(demoWanted('postgres', {})).toBe(false);
    expect(demoWanted('postgres', { LIVRET_DEMO: '1' })).toBe(true);
    expect(demoWanted('postgres', { LIVRET_DEMO: '0' })).toBe(false);
  });
});

describe('the server at start', () => {
  it('prints no demo but a setup code when the demo is not wanted, and neither once an account exists', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'livret-setup-'));
    try {
      const first = await startServer({ port: 0, host: '127.0.0.1', dataDir, seed: false });
      expect(first.demo).toBe(false);
      expect(first.setupCode).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
      await first.close();
      const demo = await startServer({ port: 0, host: '127.0.0.1', dataDir });
      expect(demo.demo).toBe(true); // the embedded database: the demo school
      expect(demo.setupCode).toBeUndefined();
      await demo.close();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});

const form = (code: string) => ({
  code,
  school: { name: 'Collège Jean Moulin', kind: 'college', uai: '0381234x', academie: 'Grenoble' },
  head: {
    civilite: 'Mme',
    firstName: 'Claire',
    lastName: 'Dumas',
    login: 'Principale@JM.fr',
    password: 'une phrase de passe longue',
  },
});

describe.each(testEngines())('first installation on %s', (engine) => {
  let t: TestApp;
  let clock = NOW.getTime();
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false, now: () => new Date(clock) });
  });
  afterAll(async () => t.close());
  const db = () => t.services.database.db;

  it('stores only the code’s hash, and a new code replaces the unused one', async () => {
    expect((await t.call('GET', '/api/setup')).body).toEqual({ needed: true });
    const old = (await issueSetupCode(db(), new Date(clock)))!;
    const code = (await issueSetupCode(db(), new Date(clock)))!;
    const rows = await db().select().from(setupCodes);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.codeHash).toBe(createHash('sha256').update(code).digest('hex'));
    expect((await t.call('POST', '/api/setup', undefined, form(old))).status).toBe(403);
  });

  it('refuses an expired code, a weak password and a malformed form', async () => {
    const code = (await issueSetupCode(db(), new Date(clock)))!;
    const weak = form(code);
    weak.head.password = 'court';
    const refused = await t.call('POST', '/api/setup', undefined, weak);
    expect(refused.body.message).toBe('Le mot de passe doit compter au moins 12 caractères.');
    const badUai = form(code);
    badUai.school.uai = '12';
    expect((await t.call('POST', '/api/setup', undefined, badUai)).status).toBe(400);
    clock += SETUP_CODE_HOURS * 3_600_000 + 1;
    const expired = await t.call('POST', '/api/setup', undefined, form(code));
    expect(expired.status).toBe(403);
    expect(expired.body.message).toBe('Code d’installation invalide, expiré ou déjà utilisé.');
  });

  it('creates the school and its direction account once, then no code is issued any more', async () => {
    const code = (await issueSetupCode(db(), new Date(clock)))!;
    const created = await t.call('POST', '/api/setup', undefined, form(code));
    expect(created.status).toBe(201);
    const cookie = await t.signIn('principale@jm.fr', 'une phrase de passe longue');
    const me = await t.call('GET', '/api/me', cookie);
    expect(me.body.roles).toEqual([
      { schoolId: created.body.schoolId, schoolName: 'Collège Jean Moulin', role: 'direction' },
    ]);
    expect((await t.call('POST', '/api/setup', undefined, form(code))).status).toBe(403);
    expect(await issueSetupCode(db(), new Date(clock))).toBeUndefined();
    expect((await t.call('GET', '/api/setup')).body).toEqual({ needed: false });
    const [n] = await db().select({ n: count() }).from(accounts);
    expect(n!.n).toBe(1);
    const journal = await t.call('GET', '/api/audit?kind=compte', cookie);
    expect(journal.body.entries.map((e: { action: string }) => e.action)).toEqual(['setup.install']);
  });
});
