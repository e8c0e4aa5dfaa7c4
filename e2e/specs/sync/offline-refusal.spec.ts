/**
 * Nothing typed offline is lost: a teacher edits several students while the network is cut (a real TCP cut
 * between the browser and the server), the principal locks one of them meanwhile, and when the network
 * returns the server refuses the teacher's whole catch-up. Every other edit still reaches the server, and the
 * locked student's ones are listed with what was typed, ready to copy.
 */
import { appreciationText, getAppreciation, getPositionnement, getProgramElements } from '@livret/domain/doc';
import { signIn, workspaceOf } from '../../fixtures/api.js';
import { fillBilans } from '../../fixtures/fill.js';
import { accounts, expect, expectAccessible, signInPage, test } from '../../fixtures/index.js';
import { connectSyncClient, waitFor } from '../../fixtures/sync-client.js';
import { startTcpProxy } from '../../fixtures/tcp-proxy.js';

const serverPort = Number(process.env.E2E_PORT ?? 3100);

test('edits made offline survive a lock that refuses them on reconnection', async ({ browser, baseURL }) => {
  const direction = await signIn(baseURL!, accounts.direction);
  const workspace = await workspaceOf(direction, '6e A', 3);
  const maths = workspace.disciplines.find((d) => d.label === 'Mathématiques')!;
  const [first, locked, third] = workspace.students;
  const name = (s: { firstName: string; lastName: string }) => `${s.firstName} ${s.lastName.toUpperCase()}`;
  // The student to lock needs a complete bilan; the teacher sees it before going offline.
  await fillBilans(direction, workspace, [locked!.id]);
  const filled = `Travail régulier en ${maths.label}.`;

  const proxy = await startTcpProxy(serverPort + 80, serverPort);
  const teacher = await signInPage(browser, accounts.profMaths, proxy.baseURL);
  try {
    await teacher.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const { page } = teacher;
    await page.goto(`/classes/${workspace.class.id}/periodes/${workspace.period.id}`);
    await expect(page.getByText('En ligne · synchronisé')).toBeVisible();
    const cell = (s: typeof first) =>
      page.getByLabel(`Positionnement de ${name(s!)} en Mathématiques`, { exact: true });
    await expect(cell(locked)).toHaveValue('3');

    // The network goes.
    await proxy.cut();
    await expect(page.getByText(/Hors ligne/)).toBeVisible();
    await cell(first).selectOption('2');
    await cell(locked).selectOption('1');
    await cell(third).selectOption('4');
    await page.getByRole('button', { name: name(locked!) }).click();
    const lockedText = page.getByLabel(`Appréciation de ${name(locked!)} en Mathématiques`);
    await lockedText.fill('Écrit hors ligne, avant le verrouillage.');
    await page.getByRole('button', { name: name(third!) }).click();
    await page.getByLabel(`Appréciation de ${name(third!)} en Mathématiques`).fill('Bon trimestre.');
    // The connection status stays in sight at the bottom of the long student panel.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.getByRole('status').filter({ hasText: 'Hors ligne' })).toBeInViewport();

    // Meanwhile the principal locks one of those students.
    const lock = await direction.post<{ locked: unknown[] }>(
      `/api/classes/${workspace.class.id}/periods/${workspace.period.id}/lock`,
      { studentIds: [locked!.id] },
    );
    expect(lock.body.locked).toHaveLength(1);

    // The network returns: the server refuses the catch-up (it touches the locked student) ...
    await proxy.restore();
    const refused = page.getByRole('region', { name: /Saisies non enregistrées/ });
    await expect(refused).toBeVisible();

    // ... yet every other edit reaches the server, as a second client sees.
    const witness = connectSyncClient(baseURL!, workspace.docName, direction.cookie);
    await witness.synced;
    await waitFor(
      () =>
        getPositionnement(witness.doc, first!.id, maths.id) === 2 &&
        getPositionnement(witness.doc, third!.id, maths.id) === 4 &&
        getAppreciation(witness.doc, third!.id, maths.id) === 'Bon trimestre.',
      15_000,
      'the allowed offline edits on the server',
    );
    expect(getPositionnement(witness.doc, locked!.id, maths.id)).toBe(3);
    expect(getAppreciation(witness.doc, locked!.id, maths.id)).toBe(filled);
    expect(getProgramElements(witness.doc, maths.id).length).toBeGreaterThan(0);
    witness.destroy();

    // The page shows the server's state plus its own kept edits, and what was refused, with the text typed.
    await expect(cell(first)).toHaveValue('2');
    await expect(cell(third)).toHaveValue('4');
    await expect(cell(locked)).toHaveValue('3');
    await expect(cell(locked)).toBeDisabled();
    await expect(refused.getByRole('row')).toHaveCount(3); // header + two refused cells
    const typedRow = refused.getByRole('row').filter({ hasText: 'Écrit hors ligne, avant le verrouillage.' });
    await expect(typedRow).toContainText(name(locked!));
    await expect(typedRow).toContainText('Appréciation en Mathématiques');
    await expect(typedRow).toContainText('verrouillé');
    await expect(
      refused.getByRole('row').filter({ hasText: 'Positionnement en Mathématiques' }),
    ).toContainText('1');
    await expectAccessible(page);
    await typedRow.getByRole('button', { name: /^Copier/ }).click();
    await expect(typedRow.getByRole('button', { name: /^Copier/ })).toHaveText('Copié');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'Écrit hors ligne, avant le verrouillage.',
    );

    // The list stays on this device across a reload until the teacher dismisses it.
    await page.reload();
    await expect(page.getByRole('region', { name: /Saisies non enregistrées/ })).toContainText(
      'Écrit hors ligne, avant le verrouillage.',
    );
    // Editing goes on normally afterwards.
    await page.getByRole('button', { name: name(first!) }).click();
    await page.getByLabel(`Appréciation de ${name(first!)} en Mathématiques`).fill('Après la reprise.');
    const after = connectSyncClient(baseURL!, workspace.docName, direction.cookie);
    await after.synced;
    await waitFor(
      () => appreciationText(after.doc, first!.id, maths.id).toString() === 'Après la reprise.',
      15_000,
      'an edit after the recovery',
    );
    after.destroy();

    // Signing out removes this browser's copies of the class documents.
    expect(await databaseNames(page)).toContain(workspace.docName);
    await page.getByRole('button', { name: 'Se déconnecter' }).click();
    await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
    await expect.poll(() => databaseNames(page)).not.toContain(workspace.docName);
    expect(
      await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('livret:'))),
    ).toEqual([]);
  } finally {
    await teacher.context.close();
    await proxy.close();
  }
});

function databaseNames(page: import('@playwright/test').Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
}
