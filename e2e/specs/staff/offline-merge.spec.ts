/**
 * Local-first: an edit made while the sync connection is down survives a reload (IndexedDB) and merges
 * when the connection returns.
 */
import { accounts, expect, openWorkspace, signInPage, test } from '../../fixtures/index.js';

test('an offline edit survives a reload and merges when back online', async ({ browser }) => {
  const offline = await signInPage(browser, accounts.profMaths);
  const watcher = await signInPage(browser, accounts.direction);
  await openWorkspace(offline.page, '5e A');
  await openWorkspace(watcher.page, '5e A');

  // Cut the sync channel (HTTP still works, so the page can reload) and reopen the page without it.
  let blocked = true;
  await offline.page.routeWebSocket(/\/sync\//, (ws) => {
    if (blocked) ws.close();
    else ws.connectToServer();
  });
  await offline.page.reload();
  await expect(offline.page.getByText(/Hors ligne/).first()).toBeVisible();
  const cell = offline.page.getByLabel(/Positionnement de .+ en Mathématiques/).nth(2);
  const label = (await cell.getAttribute('aria-label'))!;
  await cell.selectOption('4');

  // The edit is kept on this device across a reload, and nobody else has it yet.
  await offline.page.reload();
  await expect(offline.page.getByLabel(label, { exact: true })).toHaveValue('4');
  await expect(watcher.page.getByLabel(label, { exact: true })).toHaveValue('');

  // Back online: it merges, and the other browser sees it live.
  blocked = false;
  await offline.page.reload();
  await expect(offline.page.getByText(/synchronisé/).first()).toBeVisible();
  await expect(watcher.page.getByLabel(label, { exact: true })).toHaveValue('4');
  await offline.context.close();
  await watcher.context.close();
});
