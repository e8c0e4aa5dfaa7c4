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

  // Cut the sync channel (HTTP still works, so the page can reload).
  await offline.page.routeWebSocket(/\/sync\//, (ws) => ws.close());
  await offline.context.setOffline(true);
  const cell = offline.page.getByLabel(/Positionnement de .+ en Mathématiques/).nth(2);
  const label = (await cell.getAttribute('aria-label'))!;
  await cell.selectOption('4');
  await expect(offline.page.getByText(/Hors ligne/i).first()).toBeVisible();

  await offline.context.setOffline(false);
  await offline.page.reload();
  await expect(offline.page.getByLabel(label, { exact: true })).toHaveValue('4'); // from IndexedDB
  await expect(watcher.page.getByLabel(label, { exact: true })).not.toHaveValue('4');

  await offline.page.unrouteAll();
  await offline.page.reload();
  await expect(watcher.page.getByLabel(label, { exact: true })).toHaveValue('4');
  await offline.context.close();
  await watcher.context.close();
});
