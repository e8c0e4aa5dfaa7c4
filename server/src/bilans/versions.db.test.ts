/**
 * The one store of frozen versions: state row (by period, or by student for a fin de cycle), publication, audit,
 * and the chain the database links on insert, whatever the writer says.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../db/client.js';
import { verifyFrozenVersions } from '../db/verify.js';
import { createTestDatabase, testEngines } from '../testing/database.js';
import { chainHashOf, contentHashOf, type FrozenVersion, storeFrozenVersions } from './versions.js';

const ids = {
  school: '00000000-0000-4000-8000-000000000001',
  year: '00000000-0000-4000-8000-000000000002',
  period: '00000000-0000-4000-8000-000000000003',
  class: '00000000-0000-4000-8000-000000000004',
  student: '00000000-0000-4000-8000-000000000005',
  direction: '00000000-0000-4000-8000-000000000006',
};
const at = new Date('2027-06-20T16:00:00.000Z');

describe.each(testEngines())('storing frozen versions on %s', (engine) => {
  let database: Database;
  const rows = async <T>(statement: string): Promise<T[]> => {
    const result = await database.db.execute(sql.raw(statement));
    return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
  };
  const store = (versions: FrozenVersion[]) =>
    database.db.transaction((tx) =>
      storeFrozenVersions(tx, versions, { source: 'app', by: ids.direction, at, action: 'bilan.lock' }),
    );
  const periodique = (version: number): FrozenVersion => ({
    studentId: ids.student,
    periodId: ids.period,
    kind: 'periodique',
    classId: ids.class,
    version,
    content: { format: 'livret/bilan-periodique', version, synthese: `Version ${version}.` },
  });

  beforeAll(async () => {
    database = await createTestDatabase(engine);
    for (const statement of [
      `insert into schools (id, uai, name, kind, academie) values ('${ids.school}', '0382032C', 'Collège', '2D', 'Grenoble')`,
      `insert into school_years (id, school_id, millesime) values ('${ids.year}', '${ids.school}', 2026)`,
      `insert into periods (id, school_year_id, indice, count, label, starts_on, ends_on) values ('${ids.period}', '${ids.year}', 1, 3, 'Trimestre 1', '2026-09-01', '2026-11-30')`,
      `insert into classes (id, school_id, school_year_id, code, label, niveaux) values ('${ids.class}', '${ids.school}', '${ids.year}', '3A', '3e A', '{3e}')`,
      `insert into students (id, school_id, ine, last_name, first_name, birth_date, sex) values ('${ids.student}', '${ids.school}', '1234567890A', 'Martin', 'Lucas', '2012-03-04', 'M')`,
      `insert into accounts (id, login, kind, last_name, first_name) values ('${ids.direction}', 'd@demo.fr', 'staff', 'Carpentier', 'Hélène')`,
    ]) {
      await database.db.execute(sql.raw(statement));
    }
  });
  afterAll(async () => {
    await database?.close();
  });

  it('stores a bilan périodique and a fin de cycle as current, published and audited versions', async () => {
    const finDeCycle: FrozenVersion = {
      studentId: ids.student,
      periodId: null,
      kind: 'fin-de-cycle',
      classId: ids.class,
      version: 1,
      content: { format: 'livret/bilan-fin-cycle', cycle: 4 },
    };
    const stored = await store([periodique(1), finDeCycle]);
    expect(stored.map((s) => [s.kind, s.version, s.contentHash])).toEqual([
      ['periodique', 1, contentHashOf(periodique(1).content)],
      ['fin-de-cycle', 1, contentHashOf(finDeCycle.content)],
    ]);
    for (const s of stored) expect(s.chainHash).toBe(chainHashOf(s.contentHash, null));

    const states = await rows<{ kind: string; period_id: string | null; current_version_id: string }>(
      `select kind, period_id, current_version_id from bilan_states where status = 'locked' order by kind`,
    );
    expect(states).toEqual([
      { kind: 'fin-de-cycle', period_id: null, current_version_id: stored[1]!.versionId },
      { kind: 'periodique', period_id: ids.period, current_version_id: stored[0]!.versionId },
    ]);
    const published = await rows<{ n: number }>('select count(*)::int as n from publications');
    expect(published[0]!.n).toBe(2);
    const audit = await rows<{ action: string; hash: string }>(
      `select action, details->>'hash' as hash from audit_log order by id`,
    );
    expect(audit).toEqual(stored.map((s) => ({ action: 'bilan.lock', hash: s.contentHash })));
  });

  it('chains version 2 to version 1 and makes it current', async () => {
    const [first] = await rows<{ chain_hash: string }>(
      `select chain_hash from bilan_versions where kind = 'periodique' and version = 1`,
    );
    const [second] = await store([periodique(2)]);
    expect(second!.chainHash).toBe(chainHashOf(second!.contentHash, first!.chain_hash));
    const states = await rows<{ current_version_id: string }>(
      `select current_version_id from bilan_states where kind = 'periodique'`,
    );
    expect(states).toEqual([{ current_version_id: second!.versionId }]);
    expect(await verifyFrozenVersions(database.db)).toEqual({ versions: 3, bilans: 2, problems: [] });
  });

  it('links a version itself, whatever previous_hash and chain_hash the insert brings', async () => {
    const forged = contentHashOf({ v: 3 });
    await database.db.execute(
      sql.raw(`insert into bilan_versions (student_id, period_id, class_id, version, kind, content, content_hash, previous_hash, chain_hash, frozen_at, source)
       values ('${ids.student}', '${ids.period}', '${ids.class}', 3, 'periodique', '{"v":3}', '${forged}', null, '${chainHashOf(forged, null)}', now(), 'app')`),
    );
    const [second] = await rows<{ chain_hash: string }>(
      `select chain_hash from bilan_versions where kind = 'periodique' and version = 2`,
    );
    const [third] = await rows<{ previous_hash: string; chain_hash: string }>(
      `select previous_hash, chain_hash from bilan_versions where kind = 'periodique' and version = 3`,
    );
    expect(third).toEqual({
      previous_hash: second!.chain_hash,
      chain_hash: chainHashOf(forged, second!.chain_hash),
    });
    expect((await verifyFrozenVersions(database.db)).problems).toEqual([]);
  });
});
