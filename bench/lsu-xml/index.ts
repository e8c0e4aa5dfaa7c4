/**
 * LSU import benchmark (issue 3): a generated collège file of 600 students × 3 periods × 12 disciplines, with
 * EPI, AP, parcours, vie scolaire and bilans de fin de cycle. Prints, side by side and in one run:
 *   - the floor: fast-xml-parser's bare parse of the same bytes;
 *   - readLsuFile: decode + XSD validation (libxml2) + parse + typed records + reference checks;
 *   - the whole Éditeurs import into a PGlite database (matching, freezing 2 100 bilans, one transaction).
 * Each phase runs in its own child process, so its peak memory (max RSS) is its own.
 * Targets: readLsuFile within 3× the bare parse; the whole import under 10 s on a 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { bilansOfCollegeFile, readLsuFile } from '@livret/lsu-xml';
import { XMLParser } from 'fast-xml-parser';
import { loadActor } from '../../server/src/access/actor.js';
import { migrate, openDatabase } from '../../server/src/db/client.js';
import { imports } from '../../server/src/db/schema.js';
import { runImport } from '../../server/src/imports/run-import.js';
import { Rooms } from '../../server/src/sync/rooms.js';
import { postgresUpdateLog } from '../../server/src/sync/update-log.js';
import { generateFile, seedSchool } from './school.js';

const SIZES = { divisionsPerNiveau: 6, studentsPerDivision: 25 };
const RUNS = 3; // children per parse phase, alternated (bare, read, bare, read…) so drift hits both alike
const self = fileURLToPath(import.meta.url);
const migrationsFolder = fileURLToPath(new URL('../../server/drizzle/', import.meta.url));

type Phase = 'bare' | 'read' | 'import';
interface Figures {
  phase: Phase;
  ms: number[];
  /** readLsuFile alone (the read phase's ms add the mapping to bilans). */
  parseValidateMs?: number[];
  maxRssMb: number;
  baselineRssMb: number;
  note?: string;
}

const mb = (kb: number) => Math.round(kb / 1024);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

async function runPhase(phase: Phase, path: string): Promise<Figures> {
  const bytes = readFileSync(path);
  globalThis.gc?.();
  const baselineRssMb = mb(process.resourceUsage().maxRSS);
  const ms: number[] = [];
  let note: string | undefined;
  const parseValidateMs: number[] = [];
  if (phase === 'bare') {
    const start = performance.now();
    new XMLParser({ ignoreAttributes: false }).parse(bytes.toString('utf8'));
    ms.push(performance.now() - start);
  } else if (phase === 'read') {
    const start = performance.now();
    const read = readLsuFile(bytes, { degre: '2D' });
    parseValidateMs.push(performance.now() - start);
    if (!read.ok) throw new Error(JSON.stringify(read.issues.slice(0, 5)));
    const bilans = bilansOfCollegeFile(read.file);
    ms.push(performance.now() - start);
    note = `${bilans.length} bilans`;
  } else {
    // One import per fresh database: the figures are those of a first import into a school.
    const database = await openDatabase({ pglite: new PGlite() });
    await migrate(database, { migrationsFolder });
    const { directionId } = await seedSchool(database.db, SIZES);
    const actor = (await loadActor(database.db, directionId))!;
    const services = {
      database,
      rooms: new Rooms({ log: postgresUpdateLog(database.db), compact: async () => {}, idleMs: 10 }),
      now: () => new Date('2027-06-21T10:00:00Z'),
    };
    const [row] = await database.db
      .insert(imports)
      .values({
        schoolId: actor.roles[0]!.schoolId,
        createdBy: directionId,
        mode: 'editeurs',
        fileName: 'bench.xml',
        status: 'running',
        createdAt: new Date(),
      })
      .returning();
    const start = performance.now();
    const report = await runImport(services, actor, {
      importId: row!.id,
      schoolId: actor.roles[0]!.schoolId,
      mode: 'editeurs',
      bytes,
    });
    ms.push(performance.now() - start);
    if (report.fileIssues.length > 0 || report.summary.rejected > 0)
      throw new Error(JSON.stringify(report).slice(0, 2000));
    note = `${report.summary.integrated} bilans integrated, ${report.summary.rejected} rejected`;
    await database.close();
  }
  return {
    phase,
    ms,
    ...(parseValidateMs.length ? { parseValidateMs } : {}),
    maxRssMb: mb(process.resourceUsage().maxRSS),
    baselineRssMb,
    ...(note ? { note } : {}),
  };
}

async function main() {
  const [phase, path] = process.argv.slice(2);
  if (phase) {
    process.stdout.write(`${JSON.stringify(await runPhase(phase as Phase, path!))}\n`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'livret-bench-'));
  const file = join(dir, 'college-600.xml');
  writeFileSync(file, generateFile(SIZES));
  const size = readFileSync(file).byteLength;
  console.log(
    `LSU import benchmark — ${SIZES.divisionsPerNiveau * 4 * SIZES.studentsPerDivision} students, 3 periods, 12 disciplines, ${(size / 1048576).toFixed(1)} MiB`,
  );
  console.log(
    `node ${process.version}, ${RUNS} alternated runs of each parse (median shown), one import into a fresh PGlite\n`,
  );
  const run = (p: Phase): Figures => {
    const child = spawnSync(process.execPath, ['--expose-gc', self, p, file], {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    });
    if (child.status !== 0) throw new Error(`${p} failed:\n${child.stderr}`);
    return JSON.parse(child.stdout.trim().split('\n').at(-1)!);
  };
  const merge = (runs: Figures[]): Figures => ({
    ...runs[0]!,
    ms: runs.flatMap((r) => r.ms),
    parseValidateMs: runs.flatMap((r) => r.parseValidateMs ?? []),
    maxRssMb: Math.max(...runs.map((r) => r.maxRssMb)),
  });
  const bares: Figures[] = [];
  const reads: Figures[] = [];
  for (let i = 0; i < RUNS; i++) {
    bares.push(run('bare'));
    reads.push(run('read'));
  }
  const [bare, read, full] = [merge(bares), merge(reads), run('import')];
  const row = (label: string, f: Figures) =>
    `${label.padEnd(46)} ${median(f.ms).toFixed(0).padStart(7)} ms   peak RSS ${String(f.maxRssMb).padStart(5)} MiB (start ${f.baselineRssMb} MiB)${f.note ? `   ${f.note}` : ''}`;
  console.log(row('floor: fast-xml-parser bare parse', bare));
  console.log(
    row('readLsuFile (XSD + parse + records + refs)', { ...read, ms: read.parseValidateMs ?? [], note: '' }),
  );
  console.log(row('  + mapping to bilans (bilansOfCollegeFile)', read));
  console.log(row('whole Éditeurs import (PGlite)', full));
  console.log(
    `\nparse+validate / bare parse: ${(median(read.parseValidateMs ?? []) / median(bare.ms)).toFixed(2)}× (target ≤ 3×)`,
  );
  console.log(`whole import: ${(median(full.ms) / 1000).toFixed(1)} s (target < 10 s)`);
}

await main();
