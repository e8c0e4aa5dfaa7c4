/**
 * Opens the database: PGlite (embedded PostgreSQL in WASM, data in a local folder) by default, a PostgreSQL
 * server through postgres.js when a URL is given. Both run the same schema and migrations.
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import postgres from 'postgres';
import * as schema from './schema.js';

/** The drizzle handle the rest of the server uses, whatever the engine (transactions included). */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Engine = 'pglite' | 'postgres';

/** An open database: the drizzle handle, which engine runs it, and how to close it. */
export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
  /** Internal handles, for migrations and tests. */
  driver: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; client: postgres.Sql };
}

/**
 * Opens a database. Without `url`, PGlite in `dataDir` (default `data/pglite` relative to the working
 * directory, created if needed; in memory when it starts with 'memory://'), or the given PGlite instance
 * (tests pass clones); with `url`, that PostgreSQL server through postgres.js. Does not migrate.
 *
 * @example
 * const database = await openDatabase({ url: process.env.DATABASE_URL, dataDir: process.env.LIVRET_DATA_DIR });
 * await migrate(database);
 */
export async function openDatabase(options: {
  url?: string;
  dataDir?: string;
  pglite?: PGlite;
}): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, { max: 10, onnotice: () => {} });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return { db, engine: 'postgres', driver: { kind: 'postgres', client }, close: () => client.end() };
  }
  let client = options.pglite;
  if (!client) {
    const dataDir = options.dataDir ?? 'data/pglite';
    if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
    client = new PGlite(dataDir);
  }
  await client.waitReady;
  const pglite = client;
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return { db, engine: 'pglite', driver: { kind: 'pglite', client: pglite }, close: () => pglite.close() };
}

/**
 * server/drizzle, from the sources (server/src/db) and from the bundle (server/dist/main.js) alike: the bundle
 * sits one folder below server/, the sources two.
 */
const here = new URL('.', import.meta.url);
export const migrationsFolder = fileURLToPath(
  new URL(here.pathname.endsWith('/dist/') ? '../drizzle/' : '../../drizzle/', here),
);

/**
 * Applies the committed migrations (server/drizzle) that this database has not run yet, with the migrator of
 * its engine. Safe to call at every start.
 */
export async function migrate(
  database: Database,
  options: { migrationsFolder?: string } = {},
): Promise<void> {
  const config = { migrationsFolder: options.migrationsFolder ?? migrationsFolder };
  if (database.driver.kind === 'pglite') {
    await migratePglite(drizzlePglite(database.driver.client), config);
  } else {
    await migratePostgres(drizzlePostgres(database.driver.client), config);
  }
}
