/**
 * Durability: two independent y-websocket clients edit, the server is killed with SIGKILL in the middle,
 * restarted on the same data: every edit the server accepted is back, and both clients converge.
 */
import { rmSync } from 'node:fs';
import { appreciationText, getPositionnement, setPositionnement } from '@livret/domain/doc';
import { expect, test } from '@playwright/test';
import * as Y from 'yjs';
import { accounts } from '../../fixtures/accounts.js';
import { signIn, workspaceOf } from '../../fixtures/api.js';
import { startServerProcess } from '../../fixtures/server-process.js';
import { connectSyncClient, waitFor } from '../../fixtures/sync-client.js';

const PORT = 3191;
const DATA = '../data/e2e-kill';

test('no accepted edit is lost when the server is killed -9 and restarted', async () => {
  test.setTimeout(180_000);
  rmSync(DATA, { recursive: true, force: true });
  let server = await startServerProcess(PORT, DATA);
  try {
    const maths = await signIn(server.baseURL, accounts.profMaths);
    const workspace = await workspaceOf(maths, '3e A');
    const discipline = workspace.disciplines.find((d) => workspace.rights.disciplines.includes(d.id))!;
    const students = workspace.students.slice(0, 10);

    const a = connectSyncClient(server.baseURL, workspace.docName, maths.cookie);
    const b = connectSyncClient(server.baseURL, workspace.docName, maths.cookie);
    await Promise.all([a.synced, b.synced]);

    // Client A sets positions, client B writes appreciations, both at once.
    students.forEach((s, i) => {
      setPositionnement(a.doc, s.id, discipline.id, (i % 4) + 1);
      appreciationText(b.doc, s.id, discipline.id).insert(0, `Appréciation ${i}`);
    });
    // Wait until the server has acknowledged everything by echoing it to the other client.
    await waitFor(
      () => students.every((s) => getPositionnement(b.doc, s.id, discipline.id) !== null),
      15_000,
      'B to see A',
    );
    await waitFor(
      () => students.every((s) => appreciationText(a.doc, s.id, discipline.id).length > 0),
      15_000,
      'A to see B',
    );
    // More edits in flight while the process dies.
    setPositionnement(a.doc, students[0]!.id, discipline.id, 4);
    await server.kill9();

    server = await startServerProcess(PORT, DATA);
    await waitFor(() => a.provider.wsconnected && b.provider.wsconnected, 30_000, 'reconnection');
    const fresh = connectSyncClient(
      server.baseURL,
      workspace.docName,
      (await signIn(server.baseURL, accounts.profMaths)).cookie,
    );
    await fresh.synced;
    await waitFor(
      () => getPositionnement(fresh.doc, students[0]!.id, discipline.id) === 4,
      15_000,
      'the in-flight edit to be resent and stored',
    );
    students.forEach((s, i) => {
      if (i > 0) expect(getPositionnement(fresh.doc, s.id, discipline.id)).toBe((i % 4) + 1);
      expect(appreciationText(fresh.doc, s.id, discipline.id).toString()).toBe(`Appréciation ${i}`);
    });
    await waitFor(
      () => Y.encodeStateAsUpdate(a.doc).length === Y.encodeStateAsUpdate(b.doc).length,
      10_000,
      'convergence',
    );
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    for (const c of [a, b, fresh]) c.destroy();
  } finally {
    await server.stop();
  }
});
