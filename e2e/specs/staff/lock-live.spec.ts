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
  const locked = principal.page.waitForResponse((r) => r.url().endsWith('/lock') && r.status() === 200);
  await principal.page.getByRole('button', { name: 'Verrouiller', exact: true }).click();
  // Locking publishes to the family: the principal confirms it.
  await principal.page.getByRole('dialog').getByRole('button', { name: 'Verrouiller et publier' }).click();
  await locked;
  // Within a second of the lock being stored, the teacher's open page has turned the student read-only.
  await expect(cell).toBeDisabled({ timeout: 1_000 });
  await expect(teacher.page.getByText(/Verrouillé \(version 1\)/).first()).toBeVisible();
  await expectAccessible(principal.page);
  await teacher.context.close();
  await principal.context.close();
});

test('an offline edit of a student locked meanwhile is refused, and the page returns to the server state', async ({
  browser,
}) => {
  const direction = await signIn(baseURL, accounts.direction);
  const workspace = await workspaceOf(direction, '6e A');
  const student = workspace.students[3]!;
  await fillBilans(direction, workspace, [student.id]);
  const name = `${student.firstName} ${student.lastName.toUpperCase()}`;

  const teacher = await signInPage(browser, accounts.profMaths);
  let blocked = false;
  await teacher.page.routeWebSocket(/\/sync\//, (ws) => {
    if (blocked) ws.close();
    else ws.connectToServer();
  });
  await openWorkspace(teacher.page, '6e A');
  const cell = teacher.page.getByLabel(`Positionnement de ${name} en Mathématiques`);
  await expect(cell).toHaveValue('3');

  // The teacher goes offline and changes the cell; meanwhile the principal locks the student.
  blocked = true;
  await teacher.page.reload();
  await expect(teacher.page.getByText(/Hors ligne/).first()).toBeVisible();
  await teacher.page.getByLabel(`Positionnement de ${name} en Mathématiques`).selectOption('1');
  const lock = await direction.post<{ locked: unknown[] }>(
    `/api/classes/${workspace.class.id}/periods/${workspace.period.id}/lock`,
    { studentIds: [student.id] },
  );
  expect(lock.body.locked).toHaveLength(1);

  // Back online: the offline change is refused whole, the user is told, the page shows the server's state.
  blocked = false;
  await teacher.page.reload();
  await expect(teacher.page.getByRole('alert').filter({ hasText: /verrouillé/ })).toBeVisible();
  await expect(teacher.page.getByLabel(`Positionnement de ${name} en Mathématiques`)).toHaveValue('3');
  await expect(teacher.page.getByLabel(`Positionnement de ${name} en Mathématiques`)).toBeDisabled();
  await teacher.context.close();
});
