/**
 * Seeds the demo school when the database has no school yet, in one transaction (all or nothing).
 * The demo password is hashed once and shared by the demo accounts; other accounts cannot sign in.
 */
import { millesimeOf } from '@livret/domain';
import { count, sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import type { Db, Engine } from '../db/client.js';
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
import { college, DEMO_PASSWORD, type DemoSchool, demoFamilies, domainesOf, ecole } from './demo-school.js';
import { boyNames, girlNames, lastNames, pick, seededRandom } from './names.js';

export { DEMO_PASSWORD, demoAccounts } from './demo-school.js';
export { millesimeOf };

/** Age at the start of the year for each niveau, to draw plausible birth dates. */
const ageOf: Record<string, number> = {
  CP: 6,
  CE1: 7,
  CE2: 8,
  CM1: 9,
  CM2: 10,
  '6e': 11,
  '5e': 12,
  '4e': 13,
  '3e': 14,
};

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** Any constant: serialises concurrent seeds (two instances starting at once) on the PostgreSQL side. */
const SEED_LOCK = 738_201;

async function hasSchool(db: Db | Tx): Promise<boolean> {
  const [existing] = await db.select({ n: count() }).from(schools);
  return (existing?.n ?? 0) > 0;
}

/**
 * Whether this database gets the demo school: the embedded PGlite default (a try-out on one machine), or any
 * engine when `LIVRET_DEMO=1` asks for it. Never a real PostgreSQL otherwise: its first account comes from the
 * setup code (accounts/setup.ts), and the demo's shared password must not reach a school's server.
 */
export function demoWanted(engine: Engine, env: Record<string, string | undefined> = process.env): boolean {
  return engine === 'pglite' || env.LIVRET_DEMO === '1';
}

/**
 * Seeds the demo school (a collège and an école, see demo-school.ts) when the database has no school yet, in
 * one transaction. Idempotent and safe when two processes start at once. Returns true when it seeded.
 *
 * @example
 * await seedDemoSchool(database.db, { now: new Date() }); // school year of `now`
 */
export async function seedDemoSchool(db: Db, options: { now: Date }): Promise<boolean> {
  if (await hasSchool(db)) return false;
  // One argon2id hash for every demo account: hashing costs tens of milliseconds.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const millesime = millesimeOf(options.now);
  const random = seededRandom(20_260_901);
  const counters = { ine: 0, guardian: 0, staff: 0 };
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await hasSchool(tx)) return false;
    const familyAccounts = new Map<string, string>();
    for (const family of demoFamilies) {
      const [row] = await tx
        .insert(accounts)
        .values({
          login: family.login,
          passwordHash,
          kind: 'family',
          civilite: family.civilite,
          firstName: family.firstName,
          lastName: family.lastName,
        })
        .returning({ id: accounts.id });
      familyAccounts.set(family.login, row!.id);
    }
    for (const school of [college, ecole]) {
      await seedSchool(tx, school, { millesime, passwordHash, random, counters, familyAccounts });
    }
    return true;
  });
}

async function seedSchool(
  tx: Tx,
  school: DemoSchool,
  ctx: {
    millesime: number;
    passwordHash: string;
    random: () => number;
    counters: { ine: number; guardian: number; staff: number };
    familyAccounts: Map<string, string>;
  },
): Promise<void> {
  const { millesime, random } = ctx;
  const [schoolRow] = await tx
    .insert(schools)
    .values({
      uai: school.uai,
      name: school.name,
      kind: school.kind,
      academie: school.academie,
      city: school.city,
    })
    .returning({ id: schools.id });
  const schoolId = schoolRow!.id;
  const [year] = await tx
    .insert(schoolYears)
    .values({ schoolId, millesime })
    .returning({ id: schoolYears.id });
  const schoolYearId = year!.id;
  const next = millesime + 1;
  const febEnd = new Date(Date.UTC(next, 2, 0)).getUTCDate();
  await tx.insert(periods).values([
    {
      schoolYearId,
      indice: 1,
      count: 3,
      label: 'Trimestre 1',
      startsOn: `${millesime}-09-01`,
      endsOn: `${millesime}-11-30`,
    },
    {
      schoolYearId,
      indice: 2,
      count: 3,
      label: 'Trimestre 2',
      startsOn: `${millesime}-12-01`,
      endsOn: `${next}-02-${febEnd}`,
    },
    {
      schoolYearId,
      indice: 3,
      count: 3,
      label: 'Trimestre 3',
      startsOn: `${next}-03-01`,
      endsOn: `${next}-07-04`,
    },
  ]);
  const disciplineRows = await tx
    .insert(disciplines)
    .values(school.disciplines.map((d, rank) => ({ schoolId, code: d.code, label: d.label, rank })))
    .returning({ id: disciplines.id, code: disciplines.code });
  const disciplineId = new Map(disciplineRows.map((d) => [d.code, d.id]));

  const classRows = await tx
    .insert(classes)
    .values(
      school.classes.map((c) => ({
        schoolId,
        schoolYearId,
        code: c.code,
        label: c.label,
        niveaux: c.niveaux,
      })),
    )
    .returning({ id: classes.id, code: classes.code });
  const classId = new Map(classRows.map((c) => [c.code, c.id]));
  await tx.insert(classSettings).values(
    school.classes.map((c) => ({
      classId: classId.get(c.code)!,
      dataSource: 'manuelle',
      positioning: c.positioning,
    })),
  );

  for (const member of school.staff) {
    const login = member.login ?? `${member.key}@${school.kind === '2D' ? 'college' : 'ecole'}.demo`;
    const [account] = await tx
      .insert(accounts)
      .values({
        login,
        passwordHash: member.login ? ctx.passwordHash : null,
        kind: 'staff',
        civilite: member.civilite,
        firstName: member.firstName,
        lastName: member.lastName,
        // STS-Web identifier of collège teachers (LSU `id-sts`).
        ...(school.kind === '2D' && member.teaches ? { idSts: 50_000 + ctx.counters.staff++ } : {}),
      })
      .returning({ id: accounts.id });
    const accountId = account!.id;
    await tx.insert(staffRoles).values(member.roles.map((role) => ({ accountId, schoolId, role })));
    if (member.teaches) {
      const targets =
        member.teaches.classes === 'all'
          ? school.classes
          : school.classes.filter((c) => member.teaches!.classes.includes(c.code));
      const services = targets.flatMap((c) => {
        const codes = member.teaches!.codes[0] === '*' ? domainesOf(c.niveaux) : member.teaches!.codes;
        return codes.map((code) => ({
          accountId,
          disciplineId: disciplineId.get(code)!,
          classId: classId.get(c.code)!,
        }));
      });
      if (services.length > 0) await tx.insert(teachingServices).values(services);
    }
    for (const code of member.principalOf ?? []) {
      await tx.insert(classPrincipals).values({ classId: classId.get(code)!, accountId });
    }
  }

  for (const klass of school.classes) {
    const named = demoFamilies.flatMap((f) =>
      f.children
        .filter((c) => c.uai === school.uai && c.classCode === klass.code)
        .map((c) => ({ ...c, family: f.login })),
    );
    const pupils = [
      ...named,
      ...Array.from({ length: klass.size - named.length }, () => {
        const sex = random() < 0.5 ? ('F' as const) : ('M' as const);
        return {
          firstName: pick(random, sex === 'F' ? girlNames : boyNames),
          lastName: pick(random, lastNames),
          sex,
          family: undefined,
        };
      }),
    ];
    const rows = pupils.map((p, i) => {
      const niveau = klass.niveaux[klass.niveaux.length > 1 ? i % klass.niveaux.length : 0]!;
      const birthYear = millesime - (ageOf[niveau] ?? 10);
      const month = 1 + Math.floor(random() * 12);
      const day = 1 + Math.floor(random() * 28);
      ctx.counters.ine++;
      return {
        student: {
          schoolId,
          ine: `${String(70_000_000 + ctx.counters.ine).padStart(10, '0')}${'ABCDEFGHJK'[ctx.counters.ine % 10]}`,
          lastName: p.lastName,
          firstName: p.firstName,
          birthDate: `${birthYear}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
          sex: p.sex,
          // The base élèves identifier of collège students (LSU `id-be`); écoles exchange by INE.
          ...(school.kind === '2D' ? { idBe: 1_000_000 + ctx.counters.ine } : {}),
        },
        niveau,
        family: p.family,
      };
    });
    const inserted = await tx
      .insert(students)
      .values(rows.map((r) => r.student))
      .returning({ id: students.id });
    await tx.insert(enrolments).values(
      inserted.map((s, i) => ({
        studentId: s.id,
        classId: classId.get(klass.code)!,
        niveau: rows[i]!.niveau,
      })),
    );

    // Every student has a responsable légal; only the demo families can sign in.
    const guardians = rows.map((r) => {
      ctx.counters.guardian++;
      const parentName = pick(random, random() < 0.5 ? girlNames : boyNames);
      return {
        login: `${ascii(parentName)}.${ascii(r.student.lastName)}.${ctx.counters.guardian}@famille.demo`,
        passwordHash: null,
        kind: 'family',
        civilite: girlNames.includes(parentName) ? 'Mme' : 'M.',
        firstName: parentName,
        lastName: r.student.lastName,
      };
    });
    const guardianRows = await tx.insert(accounts).values(guardians).returning({ id: accounts.id });
    const links = inserted.map((s, i) => ({
      accountId: guardianRows[i]!.id,
      studentId: s.id,
      relation: 'responsable légal',
    }));
    for (const [i, r] of rows.entries()) {
      if (r.family)
        links.push({
          accountId: ctx.familyAccounts.get(r.family)!,
          studentId: inserted[i]!.id,
          relation: 'responsable légal',
        });
    }
    await tx.insert(guardianLinks).values(links);
  }
}

/** lower-case ASCII for generated logins. */
function ascii(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}
