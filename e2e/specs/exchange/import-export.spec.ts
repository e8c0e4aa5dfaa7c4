/**
 * The principal's LSU exchange in the browser: export the locked bilans of a class (the file validates against
 * the official XSD with xmllint), import a file through «Bilans › Import» while the progress bar runs, read the
 * synthèse d'import student by student, see a broken file refused in French, and reopen an earlier report.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { signIn, workspaceOf } from '../../fixtures/api.js';
import { fillBilans } from '../../fixtures/fill.js';
import { accounts, expect, expectAccessible, signInPage, test } from '../../fixtures/index.js';
import { baseURL } from '../../playwright.config.js';

const xsd = fileURLToPath(
  new URL('../../../packages/lsu-xml/xsd/import-complet-strict_v7.0.xsd', import.meta.url),
);
const shots = process.env.SCREENSHOTS_DIR;

test('export, import with a report, a refused file, and a reopened report', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  // 4e A, trimestre 2: a few bilans filled and locked by the team (other specs use trimestre 1).
  const direction = await signIn(baseURL, accounts.direction);
  const workspace = await workspaceOf(direction, '4e A', 2);
  const students = workspace.students.slice(0, 4);
  await fillBilans(
    direction,
    workspace,
    students.map((s) => s.id),
  );
  const locked = await direction.post<{ locked: unknown[] }>(
    `/api/classes/${workspace.class.id}/periods/${workspace.period.id}/lock`,
    { studentIds: students.map((s) => s.id) },
  );
  expect(locked.body.locked).toHaveLength(4);

  const { page, context } = await signInPage(browser, accounts.direction);
  await page.getByRole('link', { name: 'Bilans', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Bilans : import et export LSU' })).toBeVisible();

  // Export the class and period.
  await page.getByLabel('Une classe, pour une période').check();
  await page.getByLabel('Classe', { exact: true }).selectOption({ label: '4e A' });
  await page.getByLabel('Période', { exact: true }).selectOption({ label: 'Trimestre 2' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporter le fichier XML' }).click(),
  ]);
  const exported = testInfo.outputPath('export-4eA-T2.xml');
  await download.saveAs(exported);
  const lint = spawnSync('xmllint', ['--noout', '--schema', xsd, exported], { encoding: 'utf8' });
  expect(lint.stderr).toContain('validates');
  const xml = readFileSync(exported, 'utf8');
  expect(xml.match(/<bilan-periodique /g)).toHaveLength(4);

  // The same bilans as another editor's file for trimestre 3, imported locked (Éditeurs).
  const trimestre3 = testInfo.outputPath('editeur-4eA-T3.xml');
  writeFileSync(trimestre3, xml.replace(/indice="2"/g, 'indice="3"'));
  await page.getByLabel(/Import Éditeurs/).check();
  await page.getByLabel('Fichier XML (LSU)').setInputFiles(trimestre3);
  await page.getByRole('button', { name: 'Importer' }).click();
  const report = page.getByRole('region', { name: /Synthèse d’import — editeur-4eA-T3.xml/ });
  await expect(report).toBeVisible({ timeout: 30_000 });
  await expect(report.getByRole('definition').first()).toHaveText('4');
  await expect(
    report.getByRole('row', {
      name: new RegExp(
        `${students[0]!.lastName.toUpperCase()} ${students[0]!.firstName}.*Trimestre 3.*Intégré`,
        'i',
      ),
    }),
  ).toBeVisible();
  await expectAccessible(page);
  if (shots) await page.screenshot({ path: `${shots}/bilans-import.png`, fullPage: true });
  // Imported locked: trimestre 3 of those students is locked in the workspace data.
  const t3 = await workspaceOf(direction, '4e A', 3);
  const bilans = (
    await direction.get<{ bilans: Record<string, { status: string }> }>(
      `/api/classes/${t3.class.id}/periods/${t3.period.id}/workspace`,
    )
  ).bilans;
  for (const s of students) expect(bilans[s.id]?.status).toBe('locked');

  // A truncated file: refused with its line, nothing written.
  const broken = testInfo.outputPath('tronque.xml');
  writeFileSync(broken, xml.slice(0, Math.floor(xml.length / 2)));
  await page.getByLabel('Fichier XML (LSU)').setInputFiles(broken);
  await page.getByRole('button', { name: 'Importer' }).click();
  const refused = page.getByRole('region', { name: /Synthèse d’import — tronque.xml/ });
  await expect(refused.getByRole('alert')).toContainText('rien n’a été enregistré', { timeout: 30_000 });
  await expect(refused.getByRole('alert')).toContainText(/ligne \d+/);
  await expect(refused.getByRole('alert')).toContainText('XML mal formé');

  // The first report can be reopened from the list.
  await page.getByRole('link', { name: 'Voir la synthèse de editeur-4eA-T3.xml' }).click();
  await expect(page.getByRole('region', { name: /Synthèse d’import — editeur-4eA-T3.xml/ })).toBeVisible();
  await context.close();
});
