/**
 * A live socket writes only while its sign-in session holds: signed out, deleted, expired or demoted, its very
 * next update is refused and the socket closed (4401), whatever happened outside the app's own routes.
 */
import type { IncomingMessage } from 'node:http';
import { getPositionnement, setPositionnement } from '@livret/domain/doc';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts, sessions, staffRoles } from '../db/schema.js';
import { settle, TestPeer } from '../sync/testing/test-peer.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';
import { authenticateSync } from './sync-session.js';

describe.each(testEngines())('sync sessions on %s', (engine) => {
  let t: TestApp;
  let ws: { docName: string; students: { id: string }[]; disciplines: { id: string; label: string }[] };
  let mathsId: string;

  beforeAll(async () => {
    t = await createTestApp(engine);
    const direction = await t.signIn('direction@college.demo');
    const classes = (await t.call('GET', '/api/classes', direction)).body;
    const klass = classes.find((c: { label: string }) => c.label === '3e A');
    ws = (await t.call('GET', `/api/classes/${klass.id}/periods/${klass.periods[0].id}/workspace`, direction))
      .body;
    mathsId = ws.disciplines.find((d) => d.label.startsWith('Math'))!.id;
  });
  afterAll(async () => t.close());

  async function teacherPeer() {
    const cookie = await t.signIn('prof.maths@college.demo');
    const auth = await authenticateSync(t.services, { headers: { cookie } } as IncomingMessage, ws.docName);
    if (!auth.ok) throw new Error(auth.message);
    const peer = new TestPeer(await t.services.rooms.get(ws.docName), auth.session);
    await settle([peer]);
    return { peer, key: auth.session.sessionKey! };
  }

  it('refuses the next update of a socket whose session row was deleted', async () => {
    const { peer, key } = await teacherPeer();
    const student = ws.students[0]!.id;
    setPositionnement(peer.doc, student, mathsId, 2);
    await settle([peer]);
    expect(getPositionnement(peer.room.doc, student, mathsId)).toBe(2);
    await t.services.database.db.delete(sessions).where(eq(sessions.id, key));
    setPositionnement(peer.doc, student, mathsId, 3);
    await settle([peer]);
    expect(peer.closed.map((c) => c.code)).toEqual([4401]);
    expect(getPositionnement(peer.room.doc, student, mathsId)).toBe(2);
  });

  it('refuses the next update of a socket whose account lost its role', async () => {
    const { peer } = await teacherPeer();
    const student = ws.students[1]!.id;
    const [teacher] = await t.services.database.db
      .select({ id: accounts.id })
      .from(accounts)
      .where(eq(accounts.login, 'prof.maths@college.demo'));
    await t.services.database.db
      .delete(staffRoles)
      .where(and(eq(staffRoles.accountId, teacher!.id), eq(staffRoles.role, 'enseignant')));
    setPositionnement(peer.doc, student, mathsId, 4);
    await settle([peer]);
    expect(peer.closed.map((c) => c.code)).toEqual([4401]);
    expect(getPositionnement(peer.room.doc, student, mathsId)).toBeNull();
  });
});
