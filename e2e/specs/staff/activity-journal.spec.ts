/**
 * The direction reads its school's «Journal d’activité»: its own sign-in is there, with its address, and the
 * filter keeps the connexions only. Read-only: nothing in the demo school changes.
 */
import { accounts, expect, expectAccessible, signInPage, test } from '../../fixtures/index.js';

test('the direction finds its own sign-in in the activity journal', async ({ browser }) => {
  const { context, page } = await signInPage(browser, accounts.direction);
  await expect(page.getByRole('heading', { name: 'Mes classes' })).toBeVisible(); // the sign-in's own navigation is over
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

test('the account pages are reachable from the header and accessible', async ({ browser }) => {
  const { context, page } = await signInPage(browser, accounts.direction);
  await expect(page.getByRole('heading', { name: 'Mes classes' })).toBeVisible(); // the sign-in's own navigation is over
  await page.getByRole('link', { name: 'Comptes', exact: true }).click();
  await expect(page.getByRole('cell', { name: accounts.cpe, exact: true })).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('link', { name: 'Mot de passe', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Changer mon mot de passe' })).toBeVisible();
  await page.getByLabel('Mot de passe actuel').fill('livret-demo');
  await page.getByLabel('Nouveau mot de passe', { exact: true }).fill('court');
  await page.getByLabel('Confirmer le nouveau mot de passe').fill('court');
  await page.getByRole('button', { name: 'Changer le mot de passe' }).click();
  await expect(page.getByRole('alert')).toHaveText('Le mot de passe doit compter au moins 12 caractères.');
  await expectAccessible(page);
  await page.goto('/installation');
  await expect(page.getByText('Livret est déjà installé sur ce serveur.')).toBeVisible();
  await expectAccessible(page);
  await context.close();
});
