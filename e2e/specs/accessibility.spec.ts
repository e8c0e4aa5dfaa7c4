/**
 * axe-core on every page, as each kind of user sees it: no serious or critical violation. With
 * SCREENSHOTS_DIR set, the pages are also saved as images for a person to look at.
 */
import { signIn, workspaceOf } from '../fixtures/api.js';
import { fillBilans } from '../fixtures/fill.js';
import { accounts, expect, expectAccessible, openWorkspace, signInPage, test } from '../fixtures/index.js';
import { baseURL } from '../playwright.config.js';

const shots = process.env.SCREENSHOTS_DIR;

test('every page passes axe for staff and families', async ({ browser, page }) => {
  test.setTimeout(180_000); // many pages, each signed in and analysed: slow on a loaded 2-core machine
  await page.goto('/connexion');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();
  await expectAccessible(page);
  if (shots) await page.screenshot({ path: `${shots}/connexion.png` });

  // A wrong password gets a French message.
  await page.getByLabel('Identifiant').fill(accounts.cpe);
  await page.getByLabel('Mot de passe').fill('mauvais');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Identifiant ou mot de passe incorrect.');

  const ecole = await signInPage(browser, accounts.enseignantEcole);
  await expectAccessible(ecole.page);
  await openWorkspace(ecole.page, 'CE2-CM1');
  await ecole.page.getByRole('button', { name: /Emma MARTIN/ }).click();
  await expect(ecole.page.getByRole('heading', { name: 'Bilan de Emma MARTIN' })).toBeVisible();
  await expectAccessible(ecole.page);
  if (shots) await ecole.page.screenshot({ path: `${shots}/workspace-ecole.png`, fullPage: true });
  await ecole.context.close();

  const cpe = await signInPage(browser, accounts.cpe);
  await openWorkspace(cpe.page, '4e A');
  await expectAccessible(cpe.page);
  if (shots) await cpe.page.screenshot({ path: `${shots}/workspace-cpe-notes.png` });
  await cpe.context.close();

  // A published bilan for the family pages.
  const direction = await signIn(baseURL, accounts.direction);
  const workspace = await workspaceOf(direction, '3e A');
  const chloe = workspace.students.find(
    (s) => s.firstName === 'Chloé' && s.lastName.toUpperCase() === 'BERNARD',
  )!;
  await fillBilans(direction, workspace, [chloe.id]);
  await direction.post(`/api/classes/${workspace.class.id}/periods/${workspace.period.id}/lock`, {
    studentIds: [chloe.id],
  });
  const family = await signInPage(browser, accounts.familleBernard);
  await family.page.goto('/famille');
  await expect(family.page.getByRole('link', { name: /Chloé BERNARD/ })).toBeVisible();
  await expectAccessible(family.page);
  if (shots) await family.page.screenshot({ path: `${shots}/famille.png` });
  await family.page.getByRole('link', { name: /Chloé BERNARD/ }).click();
  await expect(family.page.getByRole('button', { name: 'Viser ce bilan' })).toBeVisible();
  await expectAccessible(family.page);
  if (shots) await family.page.screenshot({ path: `${shots}/famille-bilan.png`, fullPage: true });
  await family.context.close();
});
