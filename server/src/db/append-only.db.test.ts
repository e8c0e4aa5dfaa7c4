import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testEngines } from '../testing/database.js';
import type { Database } from './client.js';

describe.each(testEngines())('append-only tables on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const db = database.db;
    // One statement per call: PGlite's extended protocol takes a single statement.
    for (const statement of [
      `insert into schools (id, uai, name, kind, academie) values ('00000000-0000-4000-8000-000000000001', '0382032C', 'Collège', '2D', 'Grenoble')`,
      `insert into school_years (id, school_id, millesime) values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-000000000001', 2026)`,
      `insert into periods (id, school_year_id, indice, count, label, starts_on, ends_on) values ('00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000002', 1, 3, 'Trimestre 1', '2026-09-01', '2026-11-30')`,
      `insert into classes (id, school_id, school_year_id, code, label, niveaux) values ('00000000-0000-4000-8000-000000000004', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002', '3A', '3e A', '{3e}')`,
      `insert into students (id, school_id, ine, last_name, first_name, birth_date, sex) values ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000001', '1234567890A', 'Martin', 'Lucas', '2012-03-04', 'M')`,
      `insert into accounts (id, login, kind, last_name, first_name) values ('00000000-0000-4000-8000-000000000006', 'f@demo.fr', 'family', 'Martin', 'Anne')`,
      `insert into bilan_versions (id, student_id, period_id, class_id, version, kind, content, content_hash, frozen_at, source) values ('00000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000004', 1, 'periodique', '{}', 'h', now(), 'app')`,
      `insert into publications (bilan_version_id, published_at) values ('00000000-0000-4000-8000-000000000007', now())`,
      `insert into visas (bilan_version_id, account_id, at) values ('00000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-000000000006', now())`,
      `insert into audit_log (at, action, subject) values (now(), 'test', 'x')`,
    ]) {
      await db.execute(sql.raw(statement));
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  const statements: Record<string, string[]> = {
    bilan_versions: [
      'update bilan_versions set content = \'{"x":1}\'',
      'delete from bilan_versions',
      'truncate bilan_versions cascade',
    ],
    publications: [
      'update publications set published_at = now()',
      'delete from publications',
      'truncate publications cascade',
    ],
    visas: ['update visas set at = now()', 'delete from visas', 'truncate visas cascade'],
    unlocks: ["update unlocks set reason = 'x'", 'delete from unlocks', 'truncate unlocks cascade'],
    audit_log: ["update audit_log set action = 'x'", 'delete from audit_log', 'truncate audit_log cascade'],
  };

  for (const [table, list] of Object.entries(statements)) {
    for (const statement of list) {
      it(`refuses: ${statement}`, async () => {
        // update/delete on an empty table (unlocks) fire no row trigger: that is fine, nothing is changed
        const run = database.db.execute(sql.raw(statement));
        if (table === 'unlocks' && !statement.startsWith('truncate')) await run;
        else await expect(run.catch(causeOf)).resolves.toMatch(/append-only/);
      });
    }
  }

  it('keeps the frozen content unchanged', async () => {
    const rows = await database.db.execute(sql`select content::text as content from bilan_versions`);
    const list = (Array.isArray(rows) ? rows : (rows as { rows: unknown[] }).rows) as { content: string }[];
    expect(list.map((r) => r.content)).toEqual(['{}']);
  });

  it('refuses an unlock of a version the family has acknowledged', async () => {
    await expect(
      database.db
        .execute(sql`
        insert into unlocks (student_id, period_id, bilan_version_id, unlocked_by, reason, at)
        values ('00000000-0000-4000-8000-000000000005', '00000000-0000-4000-8000-000000000003', '00000000-0000-4000-8000-000000000007', '00000000-0000-4000-8000-000000000006', 'x', now())`)
        .catch(causeOf),
    ).resolves.toMatch(/visa/);
  });
});

/** drizzle wraps driver errors ("Failed query…"); the database's own message is the cause. */
function causeOf(error: unknown): string {
  const cause = (error as { cause?: { message?: string } }).cause;
  return String(cause?.message ?? (error as Error).message);
}
