/**
 * The principal locks a student while a teacher has the class open: the teacher's page turns that
 * student read-only within a second.
 */

import { signIn, workspaceOf } from '../../fixtures/api.js';
import { fillBilans } from '../../fixtures/fill.js';
import { accounts, expect, expectAccessible, openWorkspace, signInPage, test } from '../../fixtures/index.js';
import { baseURL } from '../../playwright.config.js';

test('locking turns the student read-only on an open teacher page', async ({ browser }) => {
  const direction = await signIn(baseURL, accounts.direction);
  const workspace = await workspaceOf(direction, '3e A');
  const student = workspace.students.find(
    (s) => s.lastName.toUpperCase() !== 'MARTIN' && s.lastName.toUpperCase() !== 'BERNARD',
  )!;
  await fillBilans(direction, workspace, [student.id]);

  const teacher = await signInPage(browser, accounts.profMaths);
  const principal = await signInPage(browser, accounts.direction);
  await openWorkspace(teacher.page, '3e A');
  await openWorkspace(principal.page, '3e A');
  const name = `${student.firstName} ${student.lastName.toUpperCase()}`;
  const cell = teacher.page.getByLabel(`Positionnement de ${name} en Mathématiques`);
  await expect(cell).toBeEnabled();

  await principal.page
    .getByRole('button', { name: new RegExp(name) })
    .first()
    .click();
  await principal.page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
  await expect(cell).toBeDisabled({ timeout: 1_500 });
  await expect(teacher.page.getByText(/Verrouillé \(version 1\)/).first()).toBeVisible();
  await expectAccessible(principal.page);
  await teacher.context.close();
  await principal.context.close();
});
