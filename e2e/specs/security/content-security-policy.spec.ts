/**
 * The app runs under its Content-Security-Policy (no inline script but SvelteKit's hashed bootstrap): a staff
 * member signs in and co-edits a live grid, a family opens its portal, and the browser reports no violation.
 */
import type { Page } from '@playwright/test';
import { accounts, expect, openWorkspace, signInPage, test } from '../../fixtures/index.js';

/** Every CSP violation the page reports, from the DOM event and from the console. */
function watchViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) violations.push(message.text());
  });
  void page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  void page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      // zod probes once whether eval is allowed (`new Function('')` in a try) and, refused, parses without its
      // JIT: a blocked eval is the policy working, any other refusal is a bug.
      if (event.blockedURI === 'eval') return;
      const report = (window as unknown as { reportViolation: (t: string) => void }).reportViolation;
      report(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  return violations;
}

test('the app boots and syncs under its Content-Security-Policy', async ({ browser, page }) => {
  const first = watchViolations(page);
  const response = await page.goto('/connexion');
  const csp = response?.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'/);
  expect(csp).not.toContain("'unsafe-inline' 'sha256");
  expect(response?.headers()['x-frame-options']).toBe('DENY');
  await expect(page.getByRole('heading', { level: 1, name: 'Connexion' })).toBeVisible();

  const staff = await signInPage(browser, accounts.profMaths);
  const violations = watchViolations(staff.page);
  await openWorkspace(staff.page, '3e A');
  const cell = staff.page
    .getByRole('grid', { name: 'Positionnements' })
    .locator('select:not([disabled])[aria-label$=" en Mathématiques"]')
    .first();
  const label = (await cell.getAttribute('aria-label'))!;
  const before = await cell.inputValue();
  const value = before === '2' ? '3' : '2';
  await cell.selectOption(value);
  // The edit went through the WebSocket (connect-src 'self'): it is still there after a reload. Then the cell
  // gets its value back, so the specs after this one find the demo school as it was.
  await staff.page.reload();
  await expect(staff.page.getByLabel(label, { exact: true })).toHaveValue(value);
  await staff.page.getByLabel(label, { exact: true }).selectOption(before);
  await staff.page.reload();
  await expect(staff.page.getByLabel(label, { exact: true })).toHaveValue(before);
  await staff.context.close();

  const family = await signInPage(browser, accounts.familleMartin);
  const familyViolations = watchViolations(family.page);
  await family.page.reload();
  await expect(family.page.getByRole('button', { name: 'Se déconnecter' })).toBeVisible();
  await family.context.close();

  expect([...first, ...violations, ...familyViolations]).toEqual([]);
});
