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

/**
 * The role the server runs as (migration `runtime_role`): SELECT and INSERT on the append-only tables, ordinary
 * DML on the others, owner of nothing, so it can neither rewrite a frozen bilan nor disable the triggers that
 * forbid it. Migrations run as the owner.
 */
export const RUNTIME_ROLE = 'livret_app';

/** An open database: the drizzle handle, which engine runs it, and how to close it. */
export interface Database {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
  /** Internal handles, for migrations and tests: `client` runs as the runtime role once migrated. */
  driver: { kind: 'pglite'; client: PGlite } | { kind: 'postgres'; client: postgres.Sql; ownerUrl: string };
}

/**
 * Opens a database. Without `url`, PGlite in `dataDir` (default `data/pglite` relative to the working
 * directory, created if needed; in memory when it starts with 'memory://'), or the given PGlite instance
 * (tests pass clones); with `url`, that PostgreSQL server through postgres.js. Does not migrate.
 *
 * Queries run as RUNTIME_ROLE: postgres.js sets it on every connection it opens (so the role must exist:
 * migrate first, connections open lazily), PGlite switches its one session to it when the role exists.
 * `ownerUrl` is who runs the migrations (default `url`): the owner of the tables.
 *
 * @example
 * const database = await openDatabase({ url: process.env.DATABASE_URL, ownerUrl: process.env.DATABASE_OWNER_URL });
 * await migrate(database);
 */
export async function openDatabase(options: {
  url?: string;
  ownerUrl?: string;
  dataDir?: string;
  pglite?: PGlite;
}): Promise<Database> {
  if (options.url) {
    const client = postgres(options.url, {
      max: 10,
      onnotice: () => {},
      // A startup parameter, so every pooled connection is the runtime role from its first statement.
      connection: { role: RUNTIME_ROLE },
    });
    const db = drizzlePostgres(client, { schema }) as unknown as Db;
    return {
      db,
      engine: 'postgres',
      driver: { kind: 'postgres', client, ownerUrl: options.ownerUrl ?? options.url },
      close: () => client.end(),
    };
  }
  let client = options.pglite;
  if (!client) {
    const dataDir = options.dataDir ?? 'data/pglite';
    if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
    client = new PGlite(dataDir);
  }
  await client.waitReady;
  const pglite = client;
  await becomeRuntimeRole(pglite);
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return { db, engine: 'pglite', driver: { kind: 'pglite', client: pglite }, close: () => pglite.close() };
}

/** PGlite is one session of its superuser: it drops to the runtime role once a migration has created it. */
async function becomeRuntimeRole(pglite: PGlite): Promise<void> {
  const { rows } = await pglite.query('select 1 from pg_roles where rolname = $1', [RUNTIME_ROLE]);
  if (rows.length > 0) await pglite.exec(`set role ${RUNTIME_ROLE}`);
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
 * its engine, as the owner: PGlite's superuser session, or a connection of its own to `ownerUrl`, which also
 * makes the runtime login (of `url`) a member of RUNTIME_ROLE when it is another role. Safe to call at every
 * start.
 */
export async function migrate(
  database: Database,
  options: { migrationsFolder?: string } = {},
): Promise<void> {
  const config = { migrationsFolder: options.migrationsFolder ?? migrationsFolder };
  if (database.driver.kind === 'pglite') {
    const client = database.driver.client;
    await client.exec('reset role');
    try {
      await migratePglite(drizzlePglite(client), config);
    } finally {
      await becomeRuntimeRole(client);
    }
    return;
  }
  const owner = postgres(database.driver.ownerUrl, { max: 1, onnotice: () => {} });
  try {
    await migratePostgres(drizzlePostgres(owner), config);
    const runtimeUser = database.driver.client.options.user;
    const [row] = await owner<
      { member: boolean }[]
    >`select pg_has_role(${runtimeUser}, ${RUNTIME_ROLE}, 'MEMBER') as member`;
    if (!row?.member) await owner.unsafe(`grant ${RUNTIME_ROLE} to "${runtimeUser.replaceAll('"', '""')}"`);
  } finally {
    await owner.end();
  }
}
