import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Database } from '../db/client.js';
import { docSnapshots, docUpdates } from '../db/schema.js';
import { createTestDatabase, testEngines } from '../testing/database.js';
import { compactDocument, postgresUpdateLog } from './update-log.js';

describe.each(testEngines())('update log on %s', (engine) => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => database?.close());

  it('stores updates, compacts them into a snapshot, and loads the same document', async () => {
    const log = postgresUpdateLog(database.db);
    const doc = new Y.Doc();
    // Appends are awaited in order, as the room does: the log must hold every one before we count.
    let appended = Promise.resolve();
    doc.on('update', (u: Uint8Array) => {
      appended = appended.then(() => log.append('d1', u));
    });
    for (let i = 0; i < 20; i++) doc.getText('appreciation/s/d').insert(i, 'a');
    doc.getText('appreciation/s/d').delete(0, 5);
    await appended;
    expect((await log.load('d1')).length).toBe(21);

    expect(await compactDocument(database.db, 'd1')).toBe(21);
    expect(await database.db.select().from(docUpdates).where(eq(docUpdates.docName, 'd1'))).toEqual([]);
    const [snapshot] = await database.db.select().from(docSnapshots);
    expect(snapshot?.docName).toBe('d1');

    // More edits after the snapshot; two compactions at once lose nothing.
    doc.getText('appreciation/s/d').insert(0, 'Z');
    await appended;
    await Promise.all([compactDocument(database.db, 'd1'), compactDocument(database.db, 'd1')]);
    const rebuilt = new Y.Doc();
    for (const u of await log.load('d1')) Y.applyUpdate(rebuilt, u);
    expect(rebuilt.getText('appreciation/s/d').toString()).toBe(doc.getText('appreciation/s/d').toString());
    expect(rebuilt.getText('appreciation/s/d').toString()).toBe(`Z${'a'.repeat(15)}`);
  });

  it('keeps the bytes of an update exactly', async () => {
    const log = postgresUpdateLog(database.db);
    const bytes = new Uint8Array([0, 1, 2, 255, 128, 7]);
    await log.append('d2', bytes);
    const rows = await database.db
      .select()
      .from(docUpdates)
      .where(eq(docUpdates.docName, 'd2'))
      .orderBy(asc(docUpdates.id));
    expect([...rows[0]!.data]).toEqual([...bytes]);
  });
});
