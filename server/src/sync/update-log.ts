/**
 * The update log in Postgres: every accepted update is a row before the room applies it; compaction folds
 * the log into one snapshot per document. Compaction is safe against concurrent server instances: it holds a
 * transaction-scoped advisory lock on the document and deletes exactly the rows it merged.
 */
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import type { Db } from '../db/client.js';
import { docSnapshots, docUpdates } from '../db/schema.js';
import type { UpdateLog } from './room.js';

/** The Postgres-backed log of the rooms. */
export function postgresUpdateLog(db: Db): UpdateLog {
  return {
    async load(docName) {
      return db.transaction(async (tx) => {
        // Same lock as compaction: a load never pairs an old snapshot with rows a new one has replaced.
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`livret:doc:${docName}`}))`);
        const [snapshot] = await tx.select().from(docSnapshots).where(eq(docSnapshots.docName, docName));
        const rows = await tx
          .select({ id: docUpdates.id, data: docUpdates.data })
          .from(docUpdates)
          .where(eq(docUpdates.docName, docName))
          .orderBy(asc(docUpdates.id));
        const updates = rows
          .filter((r) => !snapshot || r.id > snapshot.lastUpdateId)
          .map((r) => toBytes(r.data));
        return snapshot ? [toBytes(snapshot.state), ...updates] : updates;
      });
    },
    async append(docName, update) {
      await db.insert(docUpdates).values({ docName, data: update });
    },
  };
}

/** Appends an update inside a caller's transaction (a lock stores its update with the frozen version). */
export async function appendUpdateIn(tx: Db, docName: string, update: Uint8Array): Promise<void> {
  await tx.insert(docUpdates).values({ docName, data: update });
}

/** Folds a document's log into its snapshot. Returns how many log rows were merged. */
export async function compactDocument(db: Db, docName: string): Promise<number> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`livret:doc:${docName}`}))`);
    const [snapshot] = await tx.select().from(docSnapshots).where(eq(docSnapshots.docName, docName));
    const rows = await tx
      .select({ id: docUpdates.id, data: docUpdates.data })
      .from(docUpdates)
      .where(eq(docUpdates.docName, docName))
      .orderBy(asc(docUpdates.id));
    const fresh = rows.filter((r) => !snapshot || r.id > snapshot.lastUpdateId);
    if (fresh.length === 0) return 0;
    const merged = Y.mergeUpdates([
      ...(snapshot ? [toBytes(snapshot.state)] : []),
      ...fresh.map((r) => toBytes(r.data)),
    ]);
    const lastUpdateId = fresh[fresh.length - 1]!.id;
    await tx
      .insert(docSnapshots)
      .values({ docName, state: merged, lastUpdateId, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: docSnapshots.docName,
        set: { state: merged, lastUpdateId, updatedAt: new Date() },
      });
    await tx.delete(docUpdates).where(and(eq(docUpdates.docName, docName), lte(docUpdates.id, lastUpdateId)));
    return fresh.length;
  });
}

function toBytes(data: Uint8Array | Buffer): Uint8Array {
  return data instanceof Uint8Array ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : data;
}
