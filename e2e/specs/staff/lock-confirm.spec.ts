/**
 * Locking is deliberate. The principal sees each bilan's completeness live in the grid, asks to lock the whole
 * class and is told, in a dialog, how many bilans will be published to the families and which incomplete ones
 * stay open and why; cancelling locks nothing, confirming locks the complete ones. Before locking a student,
 * the principal previews the bilan as the family will see it, and as a PDF marked «Aperçu — non verrouillé».
 * 3e A, trimestre 3: no other spec uses it.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { type ApiSession, signIn, type Workspace, workspaceOf } from '../../fixtures/api.js';
import { fillBilans } from '../../fixtures/fill.js';
import { accounts, expect, expectAccessible, signInPage, test } from '../../fixtures/index.js';
import { baseURL } from '../../playwright.config.js';

const nameOf = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName.toUpperCase()}`;

/** The stored lock states of the class's bilans, from the API (not from the page). */
async function lockedIds(direction: ApiSession, workspace: Workspace): Promise<string[]> {
  const current = await direction.get<{ bilans: Record<string, { status: string }> }>(
    `/api/classes/${workspace.class.id}/periods/${workspace.period.id}/workspace`,
  );
  return Object.entries(current.bilans)
    .filter(([, b]) => b.status === 'locked')
    .map(([id]) => id)
    .sort();
}

test('locking the class asks first, says it publishes to families, and previews come before', async ({
  browser,
}) => {
  const direction = await signIn(baseURL, accounts.direction);
  const workspace = await workspaceOf(direction, '3e A', 3);
  const [first, second, incomplete, later] = workspace.students;
  await fillBilans(direction, workspace, [first!.id, second!.id]);
  const open = workspace.students.length - 2;

  const { page, context } = await signInPage(browser, accounts.direction);
  await page.goto(`/classes/${workspace.class.id}/periodes/${workspace.period.id}`);
  await expect(page.getByRole('grid', { name: 'Positionnements' })).toBeVisible();

  // Completeness is shown live, in words, before any lock; the reasons open on demand.
  const row = (s: typeof first) => page.getByRole('rowheader').filter({ hasText: nameOf(s!) });
  await expect(row(first).getByText(/✓ Complet/)).toBeVisible();
  await expect(row(incomplete).getByText('Incomplet')).toBeVisible();
  await row(incomplete).getByText('Incomplet').click();
  await expect(
    row(incomplete)
      .getByRole('listitem')
      .filter({ hasText: /synthèse/ }),
  ).toBeVisible();
  await expect(page.getByText('2 complets sur')).toBeVisible();

  // Lock the class: a dialog says what will happen, and the safe choice has the focus.
  await page.getByRole('button', { name: 'Verrouiller toute la classe' }).click();
  const dialog = page.getByRole('dialog', { name: 'Verrouiller et publier 2 bilans aux familles ?' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('publiés aux familles');
  await expect(dialog).toContainText('tant que la famille ne l’a pas visé');
  await expect(dialog.getByRole('button', { name: 'Annuler' })).toBeFocused();
  // The incomplete ones are counted, and listed with what they miss on demand.
  await dialog.getByText(`${open} bilans incomplets ne seront pas verrouillés : ce qui manque`).click();
  await expect(dialog.getByRole('listitem').filter({ hasText: nameOf(incomplete!) })).toContainText(
    /synthèse/,
  );
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('dialog-desktop.png') });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('dialog-phone.png') });
  await page.setViewportSize({ width: 1280, height: 800 });

  // Cancelled: nothing is locked (asked to the server, not to the page).
  await dialog.getByRole('button', { name: 'Annuler' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Verrouiller toute la classe' })).toBeFocused();
  expect(await lockedIds(direction, workspace)).toEqual([]);

  // Échap cancels too.
  await page.getByRole('button', { name: 'Verrouiller toute la classe' }).click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  expect(await lockedIds(direction, workspace)).toEqual([]);

  // Confirmed: the two complete bilans are locked and published, the others stay open.
  await page.getByRole('button', { name: 'Verrouiller toute la classe' }).click();
  const locked = page.waitForResponse((r) => r.url().endsWith('/lock') && r.status() === 200);
  await dialog.getByRole('button', { name: 'Verrouiller et publier 2 bilans' }).click();
  await locked;
  await expect(page.getByText('2 bilans verrouillés et publiés aux familles.')).toBeVisible();
  expect(await lockedIds(direction, workspace)).toEqual([first!.id, second!.id].sort());
  await expect(row(first).getByText('Verrouillé (version 1)')).toBeVisible();

  // Another student is completed meanwhile: the badge follows live.
  await fillBilans(direction, workspace, [later!.id]);
  await expect(row(later).getByText(/✓ Complet/)).toBeVisible();

  // One student: a lighter confirmation, which can be cancelled as well.
  await row(later)
    .getByRole('button', { name: nameOf(later!) })
    .click();
  await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
  const one = page.getByRole('dialog', { name: `Verrouiller le bilan de ${nameOf(later!)} ?` });
  await expect(one).toContainText('publié à la famille');
  await one.getByRole('button', { name: 'Annuler' }).click();
  await expect(one).toBeHidden();
  await page.screenshot({ path: test.info().outputPath('panel-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('panel-phone.png') });
  await page.setViewportSize({ width: 1280, height: 800 });
  expect(await lockedIds(direction, workspace)).not.toContain(later!.id);

  // The preview: the bilan as the family will see it, not locked, nothing published.
  await page.getByRole('link', { name: `Aperçu du bilan de ${nameOf(later!)}`, exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Aperçu du bilan de ${nameOf(later!)} — Trimestre 3` }),
  ).toBeVisible();
  await expect(page.getByRole('note', { name: 'Aperçu' })).toContainText('Aperçu — non verrouillé.');
  await expect(page.getByRole('note', { name: 'Aperçu' })).toContainText('Ce bilan est complet');
  await expect(page.getByText('Un trimestre sérieux. Continuez ainsi.')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Mathématiques' })).toContainText(
    'Travail régulier en Mathématiques.',
  );
  await expectAccessible(page);
  await page.screenshot({ path: test.info().outputPath('preview-desktop.png'), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: test.info().outputPath('preview-phone.png'), fullPage: true });

  // The preview PDF, from the link's address: marked as a draft on every page, never cached, nothing stored.
  const href = await page.getByRole('link', { name: /Aperçu PDF/ }).getAttribute('href');
  const response = await context.request.get(href!);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('application/pdf');
  expect(response.headers()['cache-control']).toBe('no-store');
  const file = test.info().outputPath('apercu.pdf');
  writeFileSync(file, await response.body());
  const pages = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
    .split('\f')
    .slice(0, -1)
    .map((p) => p.replace(/\s+/g, ' '));
  expect(pages.length).toBeGreaterThan(0);
  for (const text of pages) expect(text).toContain('Aperçu — non verrouillé : ne vaut pas bilan');
  expect(pages.join(' ')).toContain(nameOf(later!));
  expect(await lockedIds(direction, workspace)).toEqual([first!.id, second!.id].sort());

  // Back to the class, the student's lock confirmed: published, and the keyboard stays in the panel.
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('link', { name: '← Retour à la classe' }).click();
  await row(later)
    .getByRole('button', { name: nameOf(later!) })
    .click();
  await page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
  const lockedOne = page.waitForResponse((r) => r.url().endsWith('/lock') && r.status() === 200);
  await one.getByRole('button', { name: 'Verrouiller et publier' }).click();
  await lockedOne;
  await expect(page.getByRole('button', { name: 'Déverrouiller' })).toBeFocused();
  expect(await lockedIds(direction, workspace)).toEqual([first!.id, second!.id, later!.id].sort());
  await context.close();
});

test('a principal whose page has not synced is told the counts come from this device', async ({
  browser,
}) => {
  const direction = await signIn(baseURL, accounts.direction);
  const workspace = await workspaceOf(direction, '3e A', 3);
  const { page, context } = await signInPage(browser, accounts.direction);
  // The sync socket never opens: the page only has this device's (empty) copy.
  await page.routeWebSocket(/\/sync\//, (ws) => ws.close());
  await page.goto(`/classes/${workspace.class.id}/periodes/${workspace.period.id}`);
  await expect(page.getByText(/Hors ligne/).first()).toBeVisible();
  await page.getByRole('button', { name: 'Verrouiller toute la classe' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Cet appareil n’est pas synchronisé avec le serveur');
  await expect(dialog).toContainText('Aucun bilan n’est complet : rien ne sera verrouillé ni publié.');
  await expect(dialog.getByRole('button', { name: /Verrouiller et publier/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(dialog).toBeHidden();
  await context.close();
});
