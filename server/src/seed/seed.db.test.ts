import { and, asc, count, eq, isNotNull, isNull } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import {
  accounts,
  classes,
  classPrincipals,
  classSettings,
  disciplines,
  enrolments,
  guardianLinks,
  periods,
  schools,
  schoolYears,
  staffRoles,
  students,
  teachingServices,
} from '../db/schema.js';
import { createTestDatabase, testEngines } from '../testing/database.js';
import { demoAccounts, millesimeOf, seedDemoSchool } from './index.js';

const now = new Date('2026-11-22T09:00:00Z');

describe.each(testEngines())('demo school seed on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // Two starts at once: exactly one seeds.
    const results = await Promise.all([
      seedDemoSchool(database.db, { now }),
      seedDemoSchool(database.db, { now }),
    ]);
    expect(results.sort()).toEqual([false, true]);
  });
  afterAll(async () => database?.close());

  const db = () => database.db;
  const total = async (table: PgTable) => (await db().select({ n: count() }).from(table))[0]?.n;

  it('is idempotent', async () => {
    expect(await seedDemoSchool(db(), { now })).toBe(false);
    expect(await total(schools)).toBe(2);
  });

  it('seeds the collège and the école of the current school year, with three trimestres each', async () => {
    const rows = await db().select().from(schools).orderBy(asc(schools.uai));
    expect(rows.map((s) => [s.uai, s.name, s.kind, s.academie])).toEqual([
      ['0381234A', 'École élémentaire Jules Ferry', '1D', 'Grenoble'],
      ['0382032C', 'Collège Jean Moulin', '2D', 'Grenoble'],
    ]);
    expect((await db().select().from(schoolYears)).map((y) => y.millesime)).toEqual([2026, 2026]);
    const list = await db().select().from(periods).orderBy(asc(periods.startsOn));
    expect(list).toHaveLength(6);
    expect(new Set(list.map((p) => `${p.label} ${p.startsOn}..${p.endsOn} ${p.indice}/${p.count}`))).toEqual(
      new Set([
        'Trimestre 1 2026-09-01..2026-11-30 1/3',
        'Trimestre 2 2026-12-01..2027-02-28 2/3',
        'Trimestre 3 2027-03-01..2027-07-04 3/3',
      ]),
    );
  });

  it('fills every class with students of its niveaux, the double-level class with both', async () => {
    const sizes = await db()
      .select({ code: classes.code, niveaux: classes.niveaux, n: count() })
      .from(enrolments)
      .innerJoin(classes, eq(classes.id, enrolments.classId))
      .groupBy(classes.code, classes.niveaux)
      .orderBy(asc(classes.code));
    expect(sizes.map((c) => c.code)).toEqual(['3A', '4A', '5A', '6A', 'CE1', 'CE2-CM1', 'CM2', 'CP']);
    for (const c of sizes) expect(c.n, c.code).toBeGreaterThanOrEqual(c.code.endsWith('A') ? 24 : 22);
    expect(sizes.find((c) => c.code === 'CE2-CM1')?.niveaux).toEqual(['CE2', 'CM1']);
    const [double] = await db().select().from(classes).where(eq(classes.code, 'CE2-CM1'));
    const niveaux = await db()
      .selectDistinct({ niveau: enrolments.niveau })
      .from(enrolments)
      .where(eq(enrolments.classId, double!.id));
    expect(niveaux.map((n) => n.niveau).sort()).toEqual(['CE2', 'CM1']);
    expect(await total(students)).toBe(sizes.reduce((sum, c) => sum + c.n, 0));
    const ines = (await db().select({ ine: students.ine }).from(students)).map((s) => s.ine);
    for (const ine of ines) expect(ine).toMatch(/^[0-9]{10}[A-Z]$/);
  });

  it('gives the classes their settings: objectifs, except 4e A with notes and class average', async () => {
    const rows = await db()
      .select({
        code: classes.code,
        positioning: classSettings.positioning,
        source: classSettings.dataSource,
      })
      .from(classSettings)
      .innerJoin(classes, eq(classes.id, classSettings.classId));
    expect(rows).toHaveLength(8);
    for (const row of rows) {
      expect(row.source).toBe('manuelle');
      expect(row.positioning, row.code).toBe(row.code === '4A' ? 'notes-avec-moyenne' : 'objectifs');
    }
  });

  it('uses SIECLE codes in the collège and LSU domaines in the école', async () => {
    const rows = await db()
      .select({ uai: schools.uai, code: disciplines.code, label: disciplines.label })
      .from(disciplines)
      .innerJoin(schools, eq(schools.id, disciplines.schoolId));
    const college = rows.filter((d) => d.uai === '0382032C');
    expect(college.map((d) => d.code)).toEqual(expect.arrayContaining(['020700', '061300']));
    for (const d of college) expect(d.code).toMatch(/^[0-9]{6}$/);
    const ecole = rows.filter((d) => d.uai === '0381234A').map((d) => d.code);
    expect(ecole).toEqual(expect.arrayContaining(['FRA-LGO', 'MAT-NBC', 'QLM-VMO', 'STC-RAC', 'HIG-RAC']));
  });

  it('creates every demo account with the demo password, and no other account can sign in', async () => {
    for (const { login } of demoAccounts) {
      const [account] = await db().select().from(accounts).where(eq(accounts.login, login));
      expect(account?.passwordHash, login).toMatch(/^\$argon2id\$/);
    }
    const withPassword = await db()
      .select({ login: accounts.login })
      .from(accounts)
      .where(isNotNull(accounts.passwordHash));
    expect(withPassword.map((a) => a.login).sort()).toEqual(demoAccounts.map((a) => a.login).sort());
  });

  it('gives the demo staff their roles, services and classes', async () => {
    const servicesOf = async (login: string) =>
      db()
        .select({ klass: classes.code, discipline: disciplines.code })
        .from(teachingServices)
        .innerJoin(accounts, eq(accounts.id, teachingServices.accountId))
        .innerJoin(classes, eq(classes.id, teachingServices.classId))
        .innerJoin(disciplines, eq(disciplines.id, teachingServices.disciplineId))
        .where(eq(accounts.login, login));
    const maths = await servicesOf('prof.maths@college.demo');
    expect(maths.map((s) => s.klass).sort()).toEqual(['3A', '4A', '5A', '6A']);
    expect(new Set(maths.map((s) => s.discipline))).toEqual(new Set(['061300']));
    const francais = await servicesOf('prof.francais@college.demo');
    expect(francais.map((s) => s.klass).sort()).toEqual(['3A', '4A', '5A', '6A']);

    const principals = await db()
      .select({ klass: classes.code, login: accounts.login })
      .from(classPrincipals)
      .innerJoin(classes, eq(classes.id, classPrincipals.classId))
      .innerJoin(accounts, eq(accounts.id, classPrincipals.accountId));
    expect(principals.map((p) => p.klass).sort()).toEqual(['3A', '4A', '5A', '6A']);
    expect(principals.find((p) => p.klass === '3A')?.login).toBe('prof.francais@college.demo');

    // The CE2-CM1 teacher teaches every domaine of both cycles (cycle 2 and cycle 3).
    const ce2cm1 = await servicesOf('enseignant.ce2cm1@ecole.demo');
    expect(new Set(ce2cm1.map((s) => s.klass))).toEqual(new Set(['CE2-CM1']));
    expect(ce2cm1.map((s) => s.discipline)).toEqual(
      expect.arrayContaining(['FRA-LGO', 'QLM-VMO', 'QLM-ETP', 'STC-RAC', 'HIG-RAC']),
    );

    const roles = await db()
      .select({ login: accounts.login, role: staffRoles.role })
      .from(staffRoles)
      .innerJoin(accounts, eq(accounts.id, staffRoles.accountId));
    const roleOf = (login: string) => roles.filter((r) => r.login === login).map((r) => r.role);
    expect(roleOf('direction@college.demo')).toEqual(['direction']);
    expect(roleOf('directeur@ecole.demo')).toContain('direction');
    expect(roleOf('cpe@college.demo')).toEqual(['cpe']);
    expect(roleOf('psyen@college.demo')).toEqual(['psyen']);
  });

  it('links the demo families to their children, and every student to a guardian', async () => {
    const children = async (login: string) =>
      (
        await db()
          .select({ name: students.firstName, last: students.lastName, klass: classes.code })
          .from(guardianLinks)
          .innerJoin(accounts, eq(accounts.id, guardianLinks.accountId))
          .innerJoin(students, eq(students.id, guardianLinks.studentId))
          .innerJoin(enrolments, eq(enrolments.studentId, students.id))
          .innerJoin(classes, eq(classes.id, enrolments.classId))
          .where(eq(accounts.login, login))
      )
        .map((c) => `${c.name} ${c.last} ${c.klass}`)
        .sort();
    expect(await children('famille.martin@demo.fr')).toEqual(['Emma Martin CE2-CM1', 'Lucas Martin 3A']);
    expect(await children('famille.bernard@demo.fr')).toEqual(['Chloé Bernard 3A']);

    const orphans = await db()
      .select({ id: students.id })
      .from(students)
      .leftJoin(guardianLinks, eq(guardianLinks.studentId, students.id))
      .where(isNull(guardianLinks.accountId));
    expect(orphans).toEqual([]);
    const generated = await db()
      .select({ login: accounts.login })
      .from(accounts)
      .where(and(eq(accounts.kind, 'family'), isNull(accounts.passwordHash)));
    expect(generated.length).toBe(await total(students));
    for (const { login } of generated) expect(login).toMatch(/^[a-z]+\.[a-z]+\.[0-9]+@famille\.demo$/);
  });

  it('names the school year by its September', () => {
    expect(millesimeOf(new Date('2026-11-22T09:00:00Z'))).toBe(2026);
    expect(millesimeOf(new Date('2027-02-01T09:00:00Z'))).toBe(2026);
  });
});
