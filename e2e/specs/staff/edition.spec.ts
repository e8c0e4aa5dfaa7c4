/**
 * The principal prints a class: locked bilans of 5e A (trimestre 2, which no other spec uses) edited as one PDF
 * from the «Édition des bilans» page, with a progress bar, then downloaded; the PDF's text has every student.
 */
import { execFileSync } from 'node:child_process';
import { signIn, workspaceOf } from '../../fixtures/api.js';
import { fillBilans } from '../../fixtures/fill.js';
import { accounts, expect, expectAccessible, signInPage, test } from '../../fixtures/index.js';
import { baseURL } from '../../playwright.config.js';

test('the principal edits a class as one PDF, follows its progress and downloads it', async ({ browser }) => {
  const direction = await signIn(baseURL, accounts.direction);
  const workspace = await workspaceOf(direction, '5e A', 2);
  const students = workspace.students;
  await fillBilans(
    direction,
    workspace,
    students.map((s) => s.id),
  );
  const lock = await direction.post<{ locked: unknown[]; refused: unknown[] }>(
    `/api/classes/${workspace.class.id}/periods/${workspace.period.id}/lock`,
    { studentIds: students.map((s) => s.id) },
  );
  expect(lock.body.refused).toEqual([]);

  const { page, context } = await signInPage(browser, accounts.direction);
  await page.goto('/classes');
  await page.getByRole('link', { name: 'Édition des bilans (PDF)' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Édition des bilans' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('Classe', { exact: true }).selectOption({ label: '5e A' });
  await page.getByLabel('Période', { exact: true }).selectOption({ label: 'Trimestre 2' });
  await page.getByLabel(/Un seul PDF/).check();
  await page.getByRole('button', { name: 'Lancer l’édition' }).click();
  // The job runs on the server: the page shows its progress, then the file.
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.screenshot({ path: 'test-results/edition-progress.png' });
  await expect(page.getByText(`Édition terminée : ${students.length} bilans.`)).toBeVisible({
    timeout: 60_000,
  });
  await page.screenshot({ path: 'test-results/edition-done.png', fullPage: true });
  await expectAccessible(page);

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page
      .getByRole('link', { name: /Télécharger bilans-5e-a-trimestre-2\.pdf/ })
      .first()
      .click(),
  ]);
  expect(download.suggestedFilename()).toBe('bilans-5e-a-trimestre-2.pdf');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', (await download.path())!, '-'], {
    encoding: 'utf8',
  }).replace(/\s+/g, ' ');
  expect(text).toContain("Suivi des acquis scolaires de l'élève");
  for (const s of students) expect(text).toContain(`${s.firstName} ${s.lastName.toUpperCase()}`);
  // The édition is listed with its file.
  await expect(page.getByRole('cell', { name: `${students.length} — 5e A — Trimestre 2` })).toBeVisible();
  await context.close();
});
