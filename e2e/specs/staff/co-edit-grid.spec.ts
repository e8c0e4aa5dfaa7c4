/**
 * Two teachers co-edit the grid of 3e A live: each sees the other's entries and presence; a cell of
 * another discipline is read-only for a teacher.
 */
import { accounts, expect, expectAccessible, openWorkspace, signInPage, test } from '../../fixtures/index.js';

test('two teachers co-edit a grid live and see each other', async ({ browser }) => {
  const maths = await signInPage(browser, accounts.profMaths);
  const francais = await signInPage(browser, accounts.profFrancais);
  await expectAccessible(maths.page);
  await openWorkspace(maths.page, '3e A');
  await openWorkspace(francais.page, '3e A');

  const grid = maths.page.getByRole('grid', { name: 'Positionnements' });
  // The first student nobody has locked yet (other specs lock some students of 3e A).
  const mathsCell = grid.locator('select:not([disabled])[aria-label$=" en Mathématiques"]').first();
  const label = (await mathsCell.getAttribute('aria-label'))!;
  await mathsCell.selectOption('3');

  // The French teacher sees it at once, read-only for him.
  const seen = francais.page.getByLabel(label, { exact: true });
  await expect(seen).toHaveValue('3');
  await expect(seen).toBeDisabled();

  // And the other way round, on an appreciation.
  const student = label.replace(/^Positionnement de (.+) en Mathématiques$/, '$1');
  await francais.page
    .getByRole('button', { name: new RegExp(student) })
    .first()
    .click();
  const appreciation = francais.page.getByLabel(`Appréciation de ${student} en Français`);
  await appreciation.fill('Des progrès nets en expression écrite.');
  await maths.page
    .getByRole('button', { name: new RegExp(student) })
    .first()
    .click();
  await expect(maths.page.getByLabel(`Appréciation de ${student} en Français`)).toHaveValue(
    'Des progrès nets en expression écrite.',
  );

  // Presence: each sees the other online.
  await expect(maths.page.getByText(/^Présents :/)).toContainText('Claire LEMAÎTRE');
  await expect(francais.page.getByText(/^Présents :/)).toContainText('Julien PERROT');
  await expectAccessible(maths.page);
  await maths.context.close();
  await francais.context.close();
});

test('the whole grid can be filled with the keyboard alone', async ({ browser }) => {
  const { page, context } = await signInPage(browser, accounts.profMaths);
  await openWorkspace(page, '6e A');
  const grid = page.getByRole('grid', { name: 'Positionnements' });
  const first = grid.getByLabel(/Positionnement de .+ en Mathématiques/).first();
  await first.focus();
  await page.keyboard.press('2');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('4');
  const cells = grid.getByLabel(/Positionnement de .+ en Mathématiques/);
  await expect(cells.nth(0)).toHaveValue('2');
  await expect(cells.nth(1)).toHaveValue('4');
  await context.close();
});
