/**
 * The direction reads its school's «Journal d’activité»: its own sign-in is there, with its address, and the
 * filter keeps the connexions only. Read-only: nothing in the demo school changes.
 */
import { accounts, expect, expectAccessible, signInPage, test } from '../../fixtures/index.js';

test('the direction finds its own sign-in in the activity journal', async ({ browser }) => {
  const { context, page } = await signInPage(browser, accounts.direction);
  await page.getByRole('link', { name: 'Journal d’activité' }).click();
  await expect(page.getByRole('heading', { name: 'Journal d’activité' })).toBeVisible();
  await page.getByLabel('Afficher').selectOption({ label: 'Connexions' });
  const signIn = page.getByRole('cell', { name: 'Connexion', exact: true });
  const row = page.getByRole('row').filter({ has: signIn }).first();
  await expect(row).toContainText(/adresse /);
  await expect(row.getByRole('cell').nth(1)).not.toBeEmpty();
  await expectAccessible(page);
  await context.close();
});
