/**
 * A family reads its child's published bilan, downloads the PDF and acknowledges it; after the visa the
 * principal can no longer unlock it. Another family cannot reach it by any URL.
 */
import { readFileSync } from 'node:fs';
import { signIn, workspaceOf } from '../../fixtures/api.js';
import { fillBilans } from '../../fixtures/fill.js';
import { accounts, expect, expectAccessible, signInPage, test } from '../../fixtures/index.js';
import { baseURL } from '../../playwright.config.js';

test('a family reads, downloads and acknowledges; unlock is then refused', async ({ browser }) => {
  const direction = await signIn(baseURL, accounts.direction);
  const workspace = await workspaceOf(direction, '3e A');
  const lucas = workspace.students.find(
    (s) => s.firstName === 'Lucas' && s.lastName.toUpperCase() === 'MARTIN',
  )!;
  await fillBilans(direction, workspace, [lucas.id]);
  const lock = await direction.post<{ locked: { versionId: string }[]; refused: unknown[] }>(
    `/api/classes/${workspace.class.id}/periods/${workspace.period.id}/lock`,
    { studentIds: [lucas.id] },
  );
  expect(lock.status).toBe(200);
  expect(lock.body.refused).toEqual([]);
  const versionId = lock.body.locked[0]!.versionId;

  const family = await signInPage(browser, accounts.familleMartin);
  await family.page.goto('/famille');
  await expectAccessible(family.page);
  await family.page.getByRole('link', { name: /Lucas/ }).first().click();
  await expect(family.page.getByRole('heading', { level: 1 })).toContainText(/Lucas/);
  await expect(family.page.getByText('Un trimestre sérieux. Continuez ainsi.')).toBeVisible();
  await expectAccessible(family.page);

  const [download] = await Promise.all([
    family.page.waitForEvent('download'),
    family.page.getByRole('link', { name: 'Télécharger le PDF' }).click(),
  ]);
  const pdf = readFileSync((await download.path())!);
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');

  await family.page.getByRole('button', { name: 'Viser ce bilan' }).click();
  await expect(family.page.getByText(/Visé le/)).toBeVisible();

  // Another family: not in its list, and not reachable by URL.
  const other = await signIn(baseURL, accounts.familleBernard);
  const list = await other.get<{ versionId: string }[]>('/api/family/bilans');
  expect(list.map((b) => b.versionId)).not.toContain(versionId);
  const probe = await fetch(`${baseURL}/api/family/bilans/${versionId}`, {
    headers: { cookie: other.cookie },
  });
  expect(probe.status).toBe(404);
  const probePdf = await fetch(`${baseURL}/api/family/bilans/${versionId}/pdf`, {
    headers: { cookie: other.cookie },
  });
  expect(probePdf.status).toBe(404);

  // After the visa, the principal cannot unlock, in the UI as in the API.
  const unlock = await direction.post<{ code: string; message: string }>(
    `/api/classes/${workspace.class.id}/periods/${workspace.period.id}/students/${lucas.id}/unlock`,
    { reason: 'Correction d’une appréciation' },
  );
  expect(unlock.status).toBe(409);
  expect(unlock.body.code).toBe('visa');
  await family.context.close();
});
