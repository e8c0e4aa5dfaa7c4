import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, runAsOwner, testEngines } from '../testing/database.js';
import { type Database, migrate, openDatabase } from './client.js';

const appendOnly = ['bilan_versions', 'publications', 'visas', 'unlocks', 'audit_log'] as const;

/** Fixed ids, so the raw SQL below reads like what someone would type in psql. */
const ids = {
  school: '00000000-0000-4000-8000-000000000001',
  year: '00000000-0000-4000-8000-000000000002',
  period: '00000000-0000-4000-8000-000000000003',
  class: '00000000-0000-4000-8000-000000000004',
  student: '00000000-0000-4000-8000-000000000005',
  family: '00000000-0000-4000-8000-000000000006',
  v1: '00000000-0000-4000-8000-000000000007',
  v2: '00000000-0000-4000-8000-000000000008',
  v3: '00000000-0000-4000-8000-000000000009',
};

const insertBilanVersion = (id: string, version: number) =>
  `insert into bilan_versions (id, student_id, period_id, class_id, version, kind, content, content_hash, frozen_at, source)
   values ('${id}', '${ids.student}', '${ids.period}', '${ids.class}', ${version}, 'periodique', '{"v":${version}}', 'h${version}', now(), 'app')`;

describe.each(testEngines())('append-only tables on %s', (engine) => {
  let database: Database;
  const run = (statement: string) => database.db.execute(sql.raw(statement));

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    // One statement per call: PGlite's extended protocol takes a single statement.
    for (const statement of [
      `insert into schools (id, uai, name, kind, academie) values ('${ids.school}', '0382032C', 'Collège', '2D', 'Grenoble')`,
      `insert into school_years (id, school_id, millesime) values ('${ids.year}', '${ids.school}', 2026)`,
      `insert into periods (id, school_year_id, indice, count, label, starts_on, ends_on) values ('${ids.period}', '${ids.year}', 1, 3, 'Trimestre 1', '2026-09-01', '2026-11-30')`,
      `insert into classes (id, school_id, school_year_id, code, label, niveaux) values ('${ids.class}', '${ids.school}', '${ids.year}', '3A', '3e A', '{3e}')`,
      `insert into students (id, school_id, ine, last_name, first_name, birth_date, sex) values ('${ids.student}', '${ids.school}', '1234567890A', 'Martin', 'Lucas', '2012-03-04', 'M')`,
      `insert into accounts (id, login, kind, last_name, first_name) values ('${ids.family}', 'f@demo.fr', 'family', 'Martin', 'Anne')`,
      // Version 1 is published, unlocked (before any visa), version 2 published and acknowledged by the family.
      insertBilanVersion(ids.v1, 1),
      `insert into publications (bilan_version_id, published_at) values ('${ids.v1}', now())`,
      `insert into unlocks (student_id, period_id, bilan_version_id, unlocked_by, reason, at) values ('${ids.student}', '${ids.period}', '${ids.v1}', '${ids.family}', 'erreur de saisie', now())`,
      insertBilanVersion(ids.v2, 2),
      `insert into publications (bilan_version_id, published_at) values ('${ids.v2}', now())`,
      `insert into visas (bilan_version_id, account_id, at) values ('${ids.v2}', '${ids.family}', now())`,
      `insert into audit_log (at, action, subject) values (now(), 'bilan.lock', 'x')`,
    ]) {
      await run(statement);
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it('starts with a row in every append-only table (so row triggers have something to refuse)', async () => {
    expect(await counts()).toEqual({
      bilan_versions: 2,
      publications: 2,
      visas: 1,
      unlocks: 1,
      audit_log: 1,
    });
  });

  const refused: [table: string, statement: string][] = [
    ['bilan_versions', `update bilan_versions set content = '{"x":1}'`],
    ['bilan_versions', `update bilan_versions set content_hash = 'forged' where version = 2`],
    ['bilan_versions', 'delete from bilan_versions'],
    ['publications', 'update publications set published_at = now()'],
    ['publications', 'delete from publications'],
    ['visas', 'update visas set at = now()'],
    ['visas', 'delete from visas'],
    ['unlocks', `update unlocks set reason = 'autre'`],
    ['unlocks', 'delete from unlocks'],
    ['audit_log', `update audit_log set action = 'x'`],
    ['audit_log', 'delete from audit_log'],
    // A plain TRUNCATE of bilan_versions already stops at the foreign keys; CASCADE reaches the trigger.
    ...appendOnly.filter((t) => t !== 'bilan_versions').map((t): [string, string] => [t, `truncate ${t}`]),
    ...appendOnly.map((table): [string, string] => [table, `truncate ${table} cascade`]),
  ];

  // The server's own role is refused by its privileges before any trigger runs.
  it.each(refused)('%s: the runtime role may not `%s`', async (table, statement) => {
    const message = await run(statement).then(() => 'accepted', causeOf);
    expect(message).toContain(`permission denied for table ${table}`);
  });

  // The owner has the privileges: the triggers still refuse.
  it.each(refused)('%s: even the owner may not `%s`', async (table, statement) => {
    const message = await runAsOwner(database, statement).then(() => 'accepted', causeOf);
    expect(message).toContain(`${table} is append-only`);
  });

  it('refuses a plain `truncate bilan_versions` too', async () => {
    expect(await run('truncate bilan_versions').then(() => 'accepted', causeOf)).not.toBe('accepted');
    expect(await runAsOwner(database, 'truncate bilan_versions').then(() => 'accepted', causeOf)).not.toBe(
      'accepted',
    );
  });

  it('runs the server as livret_app, which cannot disable, drop or replace the triggers', async () => {
    const [who] = rowsOf<{ role: string }>(await run('select current_user as role'));
    expect(who?.role).toBe('livret_app');
    for (const statement of [
      'alter table bilan_versions disable trigger all',
      'alter table bilan_versions disable trigger bilan_versions_append_only',
      'drop trigger bilan_versions_append_only on bilan_versions',
      'alter table visas owner to livret_app',
      'drop table audit_log cascade',
      `create or replace function livret_append_only() returns trigger language plpgsql as $$ begin return new; end $$`,
    ]) {
      expect(await run(statement).then(() => 'accepted', causeOf)).toMatch(/must be owner|permission denied/);
    }
  });

  it('keeps ordinary DML on the other tables', async () => {
    await run(`update students set first_name = 'Léo' where id = '${ids.student}'`);
    await run(
      `insert into guardian_links (account_id, student_id, relation) values ('${ids.family}', '${ids.student}', 'mère')`,
    );
    await run(`delete from guardian_links where account_id = '${ids.family}'`);
    const [student] = rowsOf<{ name: string }>(
      await run(`select first_name as name from students where id = '${ids.student}'`),
    );
    expect(student?.name).toBe('Léo');
  });

  it('changed nothing', async () => {
    expect(await counts()).toEqual({
      bilan_versions: 2,
      publications: 2,
      visas: 1,
      unlocks: 1,
      audit_log: 1,
    });
    const rows = rowsOf<{ content: string; hash: string }>(
      await run('select content::text as content, content_hash as hash from bilan_versions order by version'),
    );
    expect(rows).toEqual([
      { content: '{"v": 1}', hash: 'h1' },
      { content: '{"v": 2}', hash: 'h2' },
    ]);
  });

  it('accepts inserts into every append-only table', async () => {
    for (const statement of [
      insertBilanVersion(ids.v3, 3),
      `insert into publications (bilan_version_id, published_at) values ('${ids.v3}', now())`,
      `insert into visas (bilan_version_id, account_id, at) values ('${ids.v1}', '${ids.family}', now())`,
      `insert into unlocks (student_id, period_id, bilan_version_id, unlocked_by, reason, at) values ('${ids.student}', '${ids.period}', '${ids.v3}', '${ids.family}', 'oubli', now())`,
      `insert into audit_log (at, action, subject, details) values (now(), 'bilan.unlock', 'y', '{"reason":"oubli"}')`,
    ]) {
      await run(statement);
    }
    expect(await counts()).toEqual({
      bilan_versions: 3,
      publications: 3,
      visas: 2,
      unlocks: 2,
      audit_log: 2,
    });
  });

  it('refuses an unlock of a version the family has acknowledged', async () => {
    const message = await run(
      `insert into unlocks (student_id, period_id, bilan_version_id, unlocked_by, reason, at) values ('${ids.student}', '${ids.period}', '${ids.v2}', '${ids.family}', 'x', now())`,
    ).then(() => 'accepted', causeOf);
    expect(message).toMatch(/has a visa and cannot be unlocked/);
  });

  async function counts(): Promise<Record<string, number>> {
    const result: Record<string, number> = {};
    for (const table of appendOnly) {
      const [row] = rowsOf<{ n: number }>(await run(`select count(*)::int as n from ${table}`));
      result[table] = row?.n ?? -1;
    }
    return result;
  }
});

// With one URL the server's session user is the owner and only SET ROLE holds it back (it protects against the
// server's own statements). With DATABASE_OWNER_URL beside DATABASE_URL, the runtime login is another role,
// and nothing it can send gets the owner's rights back.
describe.runIf(process.env.DATABASE_URL)('a runtime login of its own (two URLs) on postgres', () => {
  let owner: Database;
  let runtime: Database;
  const login = `livret_rt_${randomBytes(4).toString('hex')}`;
  const run = (statement: string) => runtime.db.execute(sql.raw(statement));

  beforeAll(async () => {
    owner = await createTestDatabase('postgres');
    await runAsOwner(owner, `create role ${login} login password 'runtime'`);
    const url = new URL(owner.driver.kind === 'postgres' ? owner.driver.ownerUrl : '');
    const ownerUrl = url.toString();
    url.username = login;
    url.password = 'runtime';
    runtime = await openDatabase({ url: url.toString(), ownerUrl });
    // Already migrated: this run only makes the login a member of livret_app.
    await migrate(runtime);
  });
  afterAll(async () => {
    await runtime?.close();
    await owner?.close();
    await runAsOwnerOfCluster(`drop role if exists ${login}`);
  });

  it('reads and appends as livret_app, and cannot take the owner back', async () => {
    const [who] = rowsOf<{ role: string; login: string }>(
      await run('select current_user as role, session_user as login'),
    );
    expect(who).toEqual({ role: 'livret_app', login });
    await run(`insert into audit_log (at, action, subject) values (now(), 'test', 'x')`);
    for (const statement of [
      'reset role',
      'set role postgres',
      "update audit_log set action = 'y'",
      'alter table audit_log disable trigger all',
    ]) {
      const message = await run(statement).then(() => 'accepted', causeOf);
      if (statement === 'reset role') {
        // Back to the login itself, which holds nothing but its membership of livret_app.
        expect(message).toBe('accepted');
        continue;
      }
      expect(message).toMatch(/permission denied|must be owner/);
    }
  });
});

async function runAsOwnerOfCluster(statement: string): Promise<void> {
  const admin = postgres(process.env.DATABASE_URL!, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(statement);
  } finally {
    await admin.end();
  }
}

/** postgres.js returns the rows as an array, PGlite as `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

/** drizzle wraps driver errors ("Failed query…"); the database's own message is the cause. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return String(cause?.message ?? (error as Error).message);
}
