/**
 * `pnpm --filter @livret/server run verify`: re-hashes every frozen bilan version and checks the hash chains,
 * on the database the server would use (DATABASE_URL, else the embedded PGlite of LIVRET_DATA_DIR or
 * ./data/pglite; stop the server first for PGlite, which one process at a time may open). Plain English for
 * operators; exit code 1 on any mismatch.
 */
import { fileURLToPath } from 'node:url';
import { openDatabase } from './db/client.js';
import { verifyFrozenVersions } from './db/verify.js';

const url = process.env.DATABASE_URL || process.env.DATABASE_OWNER_URL || undefined;
const dataDir = process.env.LIVRET_DATA_DIR || fileURLToPath(new URL('../../data/pglite', import.meta.url));
console.log(
  `Verifying frozen bilan versions in ${url ? 'PostgreSQL (DATABASE_URL)' : `PGlite (${dataDir})`}`,
);

const database = await openDatabase({ url, dataDir });
try {
  const result = await verifyFrozenVersions(database.db, (line) => console.log(line));
  if (result.problems.length === 0) {
    console.log(
      `OK: ${result.versions} versions of ${result.bilans} bilans, every hash and chain link matches.`,
    );
  } else {
    console.log(
      `FAILED: ${result.problems.length} problem(s) in ${result.versions} versions of ${result.bilans} bilans. ` +
        'A version was changed outside the application: compare with the backups and the audit log.',
    );
    process.exitCode = 1;
  }
} catch (error) {
  // drizzle wraps the driver's error ("Failed query: …"): the database's own message is the cause.
  const cause = (error as { cause?: Error }).cause ?? (error as Error);
  console.error(`Could not verify: ${cause.message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
