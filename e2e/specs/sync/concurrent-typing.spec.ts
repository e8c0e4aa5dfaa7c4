/**
 * Two people typing in the same appreciation at the same time, at the same place or side by side: each
 * one's words end up in one piece, the same in both browsers (Yjs merges runs typed from a caret anchored to
 * the character before it; shifting carets by arithmetic used to interleave them letter by letter).
 */
import { appreciationText } from '@livret/domain/doc';
import type { Locator, Page } from '@playwright/test';
import { signIn, workspaceOf } from '../../fixtures/api.js';
import { accounts, expect, signInPage, test } from '../../fixtures/index.js';
import { connectSyncClient, waitFor } from '../../fixtures/sync-client.js';

test('two people typing at the same place keep their words whole', async ({ browser, baseURL }) => {
  const direction = await signIn(baseURL!, accounts.direction);
  const workspace = await workspaceOf(direction, '5e A', 3);
  const maths = workspace.disciplines.find((d) => d.label === 'Mathématiques')!;
  const student = workspace.students[4]!;
  const name = `${student.firstName} ${student.lastName.toUpperCase()}`;

  // The appreciation starts as «Bilan : . Fin» (written by a sync client, stored before anyone opens it).
  const seed = connectSyncClient(baseURL!, workspace.docName, direction.cookie);
  await seed.synced;
  appreciationText(seed.doc, student.id, maths.id).insert(0, 'Bilan : . Fin');
  const check = connectSyncClient(baseURL!, workspace.docName, direction.cookie);
  await check.synced;
  await waitFor(() => appreciationText(check.doc, student.id, maths.id).length > 0, 15_000, 'the seed');
  check.destroy();
  seed.destroy();

  const open = async (login: string) => {
    const { context, page } = await signInPage(browser, login);
    await page.goto(`/classes/${workspace.class.id}/periodes/${workspace.period.id}`);
    await page.getByRole('button', { name }).click();
    const field = page.getByLabel(`Appréciation de ${name} en Mathématiques`);
    await expect(field).toHaveValue('Bilan : . Fin');
    return { context, page, field };
  };
  const teacher = await open(accounts.profMaths);
  const principal = await open(accounts.direction);
  try {
    // Both at index 8 (before the full stop), typing at once.
    await Promise.all([caretAt(teacher.field, 8), caretAt(principal.field, 8)]);
    await Promise.all([typeSlowly(teacher.page, 'avec vigueur'), typeSlowly(principal.page, 'encore mieux')]);
    const same = await converged(teacher.field, principal.field, ['avec vigueur', 'encore mieux']);
    expect(['Bilan : avec vigueurencore mieux. Fin', 'Bilan : encore mieuxavec vigueur. Fin']).toContain(
      same,
    );

    // Side by side: one types before «Fin», the other right after its «F».
    const fin = same.indexOf('Fin');
    await Promise.all([caretAt(teacher.field, fin), caretAt(principal.field, fin + 1)]);
    await Promise.all([typeSlowly(teacher.page, 'Calculs sûrs. '), typeSlowly(principal.page, 'ORT ')]);
    const after = await converged(teacher.field, principal.field, ['Calculs sûrs. ', 'ORT ']);
    expect(after).toBe(`${same.slice(0, fin)}Calculs sûrs. FORT in`);

    // An IME composition at the start (as for «ç» on some keyboards) while the other types at the end: nothing
    // is written mid-composition, the composed text once it ends, where it was composed.
    const ime = await teacher.context.newCDPSession(teacher.page);
    await caretAt(teacher.field, 0);
    await ime.send('Input.imeSetComposition', { text: 'c', selectionStart: 1, selectionEnd: 1 });
    await ime.send('Input.imeSetComposition', { text: 'ça', selectionStart: 2, selectionEnd: 2 });
    await caretAt(principal.field, after.length);
    await typeSlowly(principal.page, ' Z');
    await ime.send('Input.insertText', { text: 'Ça ' });
    expect(await converged(teacher.field, principal.field, ['Ça ', ' Z'])).toBe(`Ça ${after} Z`);
  } finally {
    await teacher.context.close();
    await principal.context.close();
  }
});

async function caretAt(field: Locator, index: number): Promise<void> {
  await field.focus();
  await field.evaluate((el: HTMLTextAreaElement, i) => el.setSelectionRange(i, i), index);
}

/** Keystroke by keystroke, so the two people's keystrokes and updates cross each other. */
async function typeSlowly(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text, { delay: 40 });
}

/** Waits until both fields hold the same text with every piece typed, and returns it. */
async function converged(a: Locator, b: Locator, pieces: string[]): Promise<string> {
  // Reported as the two values, so a failure shows how they differ.
  await expect
    .poll(async () => {
      const [x, y] = [await a.inputValue(), await b.inputValue()];
      return x === y && pieces.every((p) => x.includes(p)) ? 'merged' : `${x} | ${y}`;
    })
    .toBe('merged');
  return a.inputValue();
}

test('an appreciation counts characters as the LSU does: an emoji at the limit fits, nothing beyond', async ({
  browser,
  baseURL,
}) => {
  const direction = await signIn(baseURL!, accounts.direction);
  const workspace = await workspaceOf(direction, '5e A', 3);
  const maths = workspace.disciplines.find((d) => d.label === 'Mathématiques')!;
  const student = workspace.students[6]!;
  const name = `${student.firstName} ${student.lastName.toUpperCase()}`;
  const { context, page } = await signInPage(browser, accounts.profMaths);
  try {
    await page.goto(`/classes/${workspace.class.id}/periodes/${workspace.period.id}`);
    await page.getByRole('button', { name }).click();
    const field = page.getByLabel(`Appréciation de ${name} en Mathématiques`);
    const full = `${'a'.repeat(599)}🎉`; // 600 characters, 601 UTF-16 units
    await field.fill(full);
    await expect(page.getByText('600 / 600 caractères')).toBeVisible();
    await field.press('End');
    await field.pressSequentially('b');
    await expect(field).toHaveValue(full); // clamped: the 601st character does not fit
    // The server took the 600 characters (a fresh client reads them back).
    const check = connectSyncClient(baseURL!, workspace.docName, direction.cookie);
    await check.synced;
    await waitFor(
      () => appreciationText(check.doc, student.id, maths.id).toString() === full,
      15_000,
      'the full appreciation on the server',
    );
    expect(check.refusals).toEqual([]);
    check.destroy();
  } finally {
    await context.close();
  }
});
