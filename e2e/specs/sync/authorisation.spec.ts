/**
 * Authorisation per update, with independent, unmodified y-websocket clients: what a teacher may write
 * reaches the other client; what it may not is refused and reaches nobody (nor the database).
 */

import { appreciationText, getPositionnement, setPositionnement } from '@livret/domain/doc';
import { expect, test } from '@playwright/test';
import { WebSocket } from 'ws';
import { accounts } from '../../fixtures/accounts.js';
import { signIn, workspaceOf } from '../../fixtures/api.js';
import { connectSyncClient, waitFor } from '../../fixtures/sync-client.js';
import { baseURL } from '../../playwright.config.js';

test('a teacher edits its discipline, is refused on another, and a read-only role changes nothing', async () => {
  const maths = await signIn(baseURL, accounts.profMaths);
  const workspace = await workspaceOf(maths, '4e A');
  const mathsId = workspace.rights.disciplines[0]!;
  const other = workspace.disciplines.find((d) => !workspace.rights.disciplines.includes(d.id))!;
  const [s1, s2] = workspace.students;

  const teacher = connectSyncClient(baseURL, workspace.docName, maths.cookie);
  const observer = connectSyncClient(
    baseURL,
    workspace.docName,
    (await signIn(baseURL, accounts.direction)).cookie,
  );
  await Promise.all([teacher.synced, observer.synced]);

  setPositionnement(teacher.doc, s1!.id, mathsId, 2);
  await waitFor(() => getPositionnement(observer.doc, s1!.id, mathsId) === 2, 10_000, 'the allowed edit');

  setPositionnement(teacher.doc, s1!.id, other.id, 4);
  appreciationText(teacher.doc, s2!.id, other.id).insert(0, 'Pas ma discipline');
  await waitFor(() => teacher.refusals.length >= 1, 10_000, 'the refusal');
  expect(teacher.refusals[0]).toMatchObject({ code: 'forbidden' });

  // Nothing of it reached the other client, nor the database (a fresh client loads from the server).
  await new Promise((r) => setTimeout(r, 500));
  expect(getPositionnement(observer.doc, s1!.id, other.id)).toBeNull();
  const fresh = connectSyncClient(baseURL, workspace.docName, maths.cookie);
  await fresh.synced;
  expect(getPositionnement(fresh.doc, s1!.id, other.id)).toBeNull();
  expect(appreciationText(fresh.doc, s2!.id, other.id).toString()).toBe('');
  expect(getPositionnement(fresh.doc, s1!.id, mathsId)).toBe(2);

  // The psy-EN reads but writes nothing.
  const psyen = await signIn(baseURL, accounts.psyen);
  const reader = connectSyncClient(baseURL, workspace.docName, psyen.cookie);
  await reader.synced;
  expect(getPositionnement(reader.doc, s1!.id, mathsId)).toBe(2);
  setPositionnement(reader.doc, s2!.id, mathsId, 1);
  await waitFor(() => reader.refusals.length >= 1, 10_000, 'the read-only refusal');
  expect(getPositionnement(observer.doc, s2!.id, mathsId)).toBeNull();

  for (const c of [teacher, observer, fresh, reader]) c.destroy();
});

test('a family account, nobody, or another site cannot open a live document', async () => {
  const family = await signIn(baseURL, accounts.familleMartin);
  const maths = await signIn(baseURL, accounts.profMaths);
  const workspace = await workspaceOf(maths, '4e A');
  const statusOf = (cookie?: string, origin?: string) =>
    new Promise<number>((resolve, reject) => {
      const socket = new WebSocket(`${baseURL.replace(/^http/, 'ws')}/sync/${workspace.docName}`, {
        headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
      });
      socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
      socket.on('open', () => {
        socket.close();
        resolve(101);
      });
      socket.on('error', reject);
    });
  expect(await statusOf(family.cookie)).toBe(404);
  expect(await statusOf()).toBe(401);
  expect(await statusOf(maths.cookie)).toBe(101);
  expect(await statusOf(maths.cookie, baseURL)).toBe(101);
  // Another site's page cannot borrow the teacher's cookie.
  expect(await statusOf(maths.cookie, 'https://autre-site.example')).toBe(403);
  expect((await fetch(`${baseURL}/api/classes`)).status).toBe(401);
});

test('signing out closes the live documents opened with that session', async () => {
  const maths = await signIn(baseURL, accounts.profMaths);
  const other = await signIn(baseURL, accounts.profMaths);
  const workspace = await workspaceOf(maths, '4e A');
  const open = (cookie: string) =>
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${baseURL.replace(/^http/, 'ws')}/sync/${workspace.docName}`, {
        headers: { cookie },
      });
      socket.on('open', () => resolve(socket));
      socket.on('error', reject);
    });
  const [signedOut, stillIn] = await Promise.all([open(maths.cookie), open(other.cookie)]);
  const closed = new Promise<number>((resolve) => signedOut.on('close', (code) => resolve(code)));
  await fetch(`${baseURL}/api/auth/logout`, { method: 'POST', headers: { cookie: maths.cookie } });
  expect(await closed).toBe(4401);
  // The same teacher's other session (another browser) stays connected.
  await new Promise((r) => setTimeout(r, 300));
  expect(stillIn.readyState).toBe(WebSocket.OPEN);
  stillIn.close();
});
