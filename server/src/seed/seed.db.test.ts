import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { accounts, classes, enrolments, periods, schools, students } from '../db/schema.js';
import { createTestDatabase, testEngines } from '../testing/database.js';
import { demoAccounts, millesimeOf, seedDemoSchool } from './index.js';

describe.each(testEngines())('demo school seed on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database?.close());

  it('seeds an école and a collège once, with every demo account', async () => {
    const now = new Date('2026-11-22T09:00:00Z');
    expect(await seedDemoSchool(database.db, { now })).toBe(true);
    expect(await seedDemoSchool(database.db, { now })).toBe(false);
    const db = database.db;
    expect((await db.select({ kind: schools.kind }).from(schools)).map((s) => s.kind).sort()).toEqual([
      '1D',
      '2D',
    ]);
    expect((await db.select({ n: count() }).from(periods))[0]?.n).toBe(6);
    const [double] = await db.select().from(classes).where(eq(classes.code, 'CE2-CM1'));
    expect(double?.niveaux).toEqual(['CE2', 'CM1']);
    const niveaux = await db
      .selectDistinct({ niveau: enrolments.niveau })
      .from(enrolments)
      .where(eq(enrolments.classId, double!.id));
    expect(niveaux.map((n) => n.niveau).sort()).toEqual(['CE2', 'CM1']);
    expect((await db.select({ n: count() }).from(students))[0]?.n).toBeGreaterThan(180);
    for (const { login } of demoAccounts) {
      const [account] = await db.select().from(accounts).where(eq(accounts.login, login));
      expect(account?.passwordHash, login).toMatch(/^\$argon2id\$/);
    }
  });

  it('names the school year by its September', () => {
    expect(millesimeOf(new Date('2026-11-22T09:00:00Z'))).toBe(2026);
    expect(millesimeOf(new Date('2027-02-01T09:00:00Z'))).toBe(2026);
  });
});
