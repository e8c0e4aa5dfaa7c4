/**
 * The workspace opens with the network cut (a real TCP cut): the service worker serves the app shell and the
 * last workspace payload, the page its local copy of the document; what is typed then reaches the server when
 * the network returns. Signing out removes what was kept for that.
 */
import { getPositionnement } from '@livret/domain/doc';
import type { Page } from '@playwright/test';
import { signIn, workspaceOf } from '../../fixtures/api.js';
import { accounts, expect, signInPage, test } from '../../fixtures/index.js';
import { connectSyncClient, waitFor } from '../../fixtures/sync-client.js';
import { startTcpProxy } from '../../fixtures/tcp-proxy.js';

const serverPort = Number(process.env.E2E_PORT ?? 3100);

test('a workspace opened before reopens offline with its data', async ({ browser, baseURL }) => {
  const direction = await signIn(baseURL!, accounts.direction);
  const workspace = await workspaceOf(direction, '6e A', 2);
  const maths = workspace.disciplines.find((d) => d.label === 'Mathématiques')!;
  const [first, second] = workspace.students;
  const label = (s: typeof first) =>
    `Positionnement de ${s!.firstName} ${s!.lastName.toUpperCase()} en Mathématiques`;

  const proxy = await startTcpProxy(serverPort + 81, serverPort);
  const teacher = await signInPage(browser, accounts.profMaths, proxy.baseURL);
  try {
    const { page } = teacher;
    const url = `/classes/${workspace.class.id}/periodes/${workspace.period.id}`;
    await page.goto(url);
    await page.getByLabel(label(first), { exact: true }).selectOption('3');
    await expect(page.getByText('En ligne · synchronisé')).toBeVisible();
    // Once the service worker controls the page, one more visit keeps this workspace's payload.
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    await page.reload();
    await expect(page.getByLabel(label(first), { exact: true })).toHaveValue('3');

    await proxy.cut();
    await page.reload();
    await expect(page.getByRole('grid', { name: 'Positionnements' })).toBeVisible();
    await expect(page.getByText(/Hors ligne/)).toBeVisible();
    await expect(page.getByLabel(label(first), { exact: true })).toHaveValue('3');
    await page.getByLabel(label(second), { exact: true }).selectOption('2');

    await proxy.restore();
    const witness = connectSyncClient(baseURL!, workspace.docName, direction.cookie);
    await witness.synced;
    await waitFor(
      () => getPositionnement(witness.doc, second!.id, maths.id) === 2,
      20_000,
      'the edit made in the page opened offline',
    );
    witness.destroy();

    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
    expect(await cacheNames(page)).not.toContain('livret-workspaces');
    expect(await page.evaluate(() => localStorage.getItem('livret:compte'))).toBeNull();
  } finally {
    await teacher.context.close();
    await proxy.close();
  }
});

function cacheNames(page: Page): Promise<string[]> {
  return page.evaluate(() => caches.keys());
}
