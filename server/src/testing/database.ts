/**
 * Databases for tests: PGlite always (migrated once per worker, then cloned per test file, since a new
 * PGlite costs seconds), and the real PostgreSQL server of DATABASE_URL when set — a fresh database per
 * call, dropped on close, so test files can run in parallel.
 */
import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { type Database, type Engine, migrate, openDatabase, RUNTIME_ROLE } from '../db/client.js';

/** The engines the database suite runs on here. */
export function testEngines(): Engine[] {
  return process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

let template: Promise<PGlite> | undefined;

async function migratedTemplate(): Promise<PGlite> {
  template ??= (async () => {
    const client = new PGlite();
    const database = await openDatabase({ pglite: client });
    await migrate(database);
    return client;
  })();
  return template;
}

/**
 * A fresh, migrated, empty database on the given engine; `close()` releases it (and drops the PostgreSQL
 * database). Use with `describe.each(testEngines())`.
 */
export async function createTestDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const clone = (await (await migratedTemplate()).clone()) as PGlite;
    return openDatabase({ pglite: clone });
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const name = `livret_t_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const drop = async () => {
    const cleanup = postgres(url, { max: 1, onnotice: () => {} });
    await cleanup.unsafe(`drop database if exists ${name} with (force)`);
    await cleanup.end();
  };
  const database = await openDatabase({ url: target.toString() });
  try {
    await migrate(database);
  } catch (error) {
    await database.close();
    await drop();
    throw error;
  }
  return {
    ...database,
    async close() {
      await database.close();
      await drop();
    },
  };
}

/**
 * Runs one statement as the owner of the test database (a superuser here), around the server's runtime role:
 * what someone holding the owner's password could type. Returns the rows.
 */
export async function runAsOwner(database: Database, statement: string): Promise<Record<string, unknown>[]> {
  if (database.driver.kind === 'pglite') {
    const client = database.driver.client;
    await client.exec('reset role');
    try {
      return (await client.query<Record<string, unknown>>(statement)).rows;
    } finally {
      await client.exec(`set role ${RUNTIME_ROLE}`);
    }
  }
  const owner = postgres(database.driver.ownerUrl, { max: 1, onnotice: () => {} });
  try {
    return [...(await owner.unsafe(statement))];
  } finally {
    await owner.end();
  }
}
