import { getLock, setLock } from '@livret/domain/doc';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';
import { withLiveDocuments } from './live-documents.js';

const DOC = 'classes/11111111-1111-4111-8111-111111111111/periods/22222222-2222-4222-8222-222222222222';
const STUDENT = '33333333-3333-4333-8333-333333333333';
const lock = { version: 1, lockedAt: '2026-11-27T17:00:00.000Z', lockedBy: 'Direction' };

describe.each(testEngines())('server changes to live documents on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine, { seed: false });
  });
  afterAll(async () => t.close());

  const logRows = async () => {
    const result = await t.services.database.db.execute(
      sql`select count(*)::int as n from doc_updates where doc_name = ${DOC}`,
    );
    const rows = Array.isArray(result) ? result : (result as { rows: { n: number }[] }).rows;
    return Number((rows[0] as { n: number }).n);
  };

  it('changes nothing anywhere when the transaction fails', async () => {
    const room = await t.services.rooms.get(DOC);
    const before = Y.encodeStateAsUpdate(room.doc);
    const rowsBefore = await logRows();
    await expect(
      withLiveDocuments(t.services, [DOC], async (live) => {
        live.change(DOC, (doc) => setLock(doc, STUDENT, lock));
        await t.services.database.db.transaction(async (tx) => {
          await live.store(tx);
          throw new Error('constraint');
        });
      }),
    ).rejects.toThrow('constraint');
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    expect(await logRows()).toBe(rowsBefore);
    // The room still takes the next change (its trial copy is back in step).
    await withLiveDocuments(t.services, [DOC], async (live) => {
      live.change(DOC, (doc) => setLock(doc, STUDENT, lock));
      await t.services.database.db.transaction((tx) => live.store(tx));
    });
    expect(getLock(room.doc, STUDENT)).toMatchObject({ version: 1 });
    expect(await logRows()).toBe(rowsBefore + 1);
    void t.services.rooms.released(room);
  });

  it('refuses a change that was made but not stored (it would vanish at the next load)', async () => {
    await expect(
      withLiveDocuments(t.services, [DOC], async (live) => {
        live.change(DOC, (doc) => setLock(doc, '44444444-4444-4444-8444-444444444444', lock));
      }),
    ).rejects.toThrow(/not stored/);
    const room = await t.services.rooms.get(DOC);
    expect(getLock(room.doc, '44444444-4444-4444-8444-444444444444')).toBeNull();
    void t.services.rooms.released(room);
  });
});
