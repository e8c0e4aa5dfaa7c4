/**
 * The same story with plain y-websocket clients in Node and the web app's re-application (reapply.ts): a
 * client edits three students with the network cut, one is locked meanwhile, the server refuses the client's
 * whole catch-up; a fresh client on the server's state writes again what the write rule allows, and the
 * server accepts all of it: the browser's rule and the sync endpoint's agree.
 */
import type { Writer } from '@livret/domain';
import { getAppreciation, getPositionnement, setAppreciation, setPositionnement } from '@livret/domain/doc';
import { expect, test } from '@playwright/test';
import { reapplyLocalEdits } from '../../../apps/web/src/lib/doc/reapply.js';
import { accounts } from '../../fixtures/accounts.js';
import { signIn, workspaceOf } from '../../fixtures/api.js';
import { fillBilans } from '../../fixtures/fill.js';
import { connectSyncClient, waitFor } from '../../fixtures/sync-client.js';
import { startTcpProxy } from '../../fixtures/tcp-proxy.js';

const serverPort = Number(process.env.E2E_PORT ?? 3100);

interface WorkspaceWriter {
  writer: {
    roles: Writer['roles'];
    taughtDisciplineIds: string[];
    groupStudentIds: Record<string, string[]>;
    isPrincipal: boolean;
    schoolKind: '1D' | '2D';
  };
  settings: { positioning: 'objectifs' | 'notes-sans-moyenne' | 'notes-avec-moyenne' };
}

test('a plain client takes back its allowed offline edits after a refused catch-up', async ({ baseURL }) => {
  const direction = await signIn(baseURL!, accounts.direction);
  const teacher = await signIn(baseURL!, accounts.profMaths);
  const workspace = await workspaceOf(teacher, '5e A', 3);
  const maths = workspace.disciplines.find((d) => d.label === 'Mathématiques')!;
  const [first, locked, third] = workspace.students.map((s) => s.id);
  await fillBilans(direction, workspace, [locked!]);

  const proxy = await startTcpProxy(serverPort + 82, serverPort);
  const client = connectSyncClient(proxy.baseURL, workspace.docName, teacher.cookie);
  try {
    await client.synced;
    await proxy.cut();
    await waitFor(() => !client.provider.wsconnected, 10_000, 'the cut');
    for (const [i, id] of [first, locked, third].entries())
      setPositionnement(client.doc, id!, maths.id, i + 1);
    setAppreciation(client.doc, locked!, maths.id, 'Tapé hors ligne.');
    setAppreciation(client.doc, third!, maths.id, 'Bon trimestre.');
    const lock = await direction.post<{ locked: unknown[] }>(
      `/api/classes/${workspace.class.id}/periods/${workspace.period.id}/lock`,
      { studentIds: [locked] },
    );
    expect(lock.body.locked).toHaveLength(1);

    // Back online: the catch-up touches the locked student, so none of it is taken.
    await proxy.restore();
    await waitFor(() => client.refusals.length > 0, 15_000, 'the refusal');
    expect(client.refusals[0]).toMatchObject({ code: 'locked' });
    client.provider.disconnect();

    // A fresh copy on the server's state, and the allowed edits written again with the workspace's writer.
    const payload = await teacher.get<WorkspaceWriter>(
      `/api/classes/${workspace.class.id}/periods/${workspace.period.id}/workspace`,
    );
    const w = payload.writer;
    const writer: Writer = {
      roles: w.roles,
      taughtDisciplineIds: new Set(w.taughtDisciplineIds),
      groupStudentIds: new Map(Object.entries(w.groupStudentIds).map(([d, ids]) => [d, new Set(ids)])),
      isPrincipal: w.isPrincipal,
      schoolKind: w.schoolKind,
    };
    const fresh = connectSyncClient(proxy.baseURL, workspace.docName, teacher.cookie);
    await fresh.synced;
    const { applied, refused } = reapplyLocalEdits(
      client.doc,
      fresh.doc,
      { writer, positioning: payload.settings.positioning },
      'reprise',
    );
    expect(applied).toHaveLength(3);
    expect(refused.map((r) => [r.key, r.text])).toEqual([
      [`positionnement/${locked}/${maths.id}`, '2'],
      [`appreciation/${locked}/${maths.id}`, 'Tapé hors ligne.'],
    ]);

    // The server takes it whole: a witness sees every allowed edit, and the locked student as it was.
    const witness = connectSyncClient(baseURL!, workspace.docName, direction.cookie);
    await witness.synced;
    await waitFor(
      () =>
        getPositionnement(witness.doc, first!, maths.id) === 1 &&
        getPositionnement(witness.doc, third!, maths.id) === 3 &&
        getAppreciation(witness.doc, third!, maths.id) === 'Bon trimestre.',
      15_000,
      'the re-applied edits on the server',
    );
    expect(getPositionnement(witness.doc, locked!, maths.id)).toBe(3);
    expect(fresh.refusals).toEqual([]);
    witness.destroy();
    fresh.destroy();
  } finally {
    client.destroy();
    await proxy.close();
  }
});
