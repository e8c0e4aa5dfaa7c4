/**
 * Hostile and broken LSU files sent to the real, bundled server (whose reader threads take them): each gets a
 * clear French reason, with its line when there is one, and nothing is written.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { accounts } from '../../fixtures/accounts.js';
import { type ApiSession, signIn } from '../../fixtures/api.js';
import { baseURL } from '../../playwright.config.js';

const sample = readFileSync(
  new URL('../../../packages/lsu-xml/src/fixtures/sample-bilan-complet.xml', import.meta.url),
  'utf8',
);

interface Job {
  status: 'running' | 'done' | 'failed';
  report: {
    fileIssues: { element: string; line?: number; reason: string }[];
    summary: { integrated: number };
  };
}

async function importFile(
  session: ApiSession,
  name: string,
  content: string | Uint8Array<ArrayBuffer>,
): Promise<Job> {
  const form = new FormData();
  form.set('mode', 'editeurs');
  form.set('file', new File([content], name));
  const started = await fetch(`${baseURL}/api/imports`, {
    method: 'POST',
    body: form,
    headers: { cookie: session.cookie },
  });
  expect(started.status).toBe(202);
  const { id } = (await started.json()) as { id: string };
  await expect
    .poll(async () => (await session.get<Job>(`/api/imports/${id}`)).status, { timeout: 20_000 })
    .not.toBe('running');
  return session.get<Job>(`/api/imports/${id}`);
}

test('hostile and broken files are refused with a French reason and write nothing', async () => {
  const direction = await signIn(baseURL, accounts.direction);
  const cases: [string, string | Uint8Array<ArrayBuffer>, RegExp, number | undefined][] = [
    ['vide.xml', ' ', /pas un fichier XML/, undefined],
    ['eleves.csv', 'nom;prénom\nMartin;Lucas', /pas un fichier XML/, undefined],
    [
      'xxe.xml',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><lsun-bilans>&xxe;</lsun-bilans>',
      /DOCTYPE et ENTITY sont interdites/,
      1,
    ],
    [
      'rires.xml',
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><lsun-bilans>&b;</lsun-bilans>',
      /DOCTYPE et ENTITY sont interdites/,
      1,
    ],
    // Latin-1 bytes under a UTF-8 declaration (a declared ISO-8859-1 file is read: see the import spec).
    ['latin1-non-declare.xml', new Uint8Array(Buffer.from(sample, 'latin1')), /UTF-8/, undefined],
    ['tronque.xml', sample.slice(0, 3000), /mal formé/, 45],
    [
      'civilite.xml',
      sample.replace('civilite="MME"', 'civilite="MLLE"'),
      /« civilite » : valeur « MLLE » non autorisée/,
      41,
    ],
  ];
  for (const [name, content, reason, line] of cases) {
    const job = await importFile(direction, name, content);
    expect(job.status, name).toBe('failed');
    expect(job.report.fileIssues[0]?.reason, name).toMatch(reason);
    if (line) expect(job.report.fileIssues[0]?.line, name).toBe(line);
    expect(job.report.summary.integrated, name).toBe(0);
  }
  // A teacher may not import at all.
  const teacher = await signIn(baseURL, accounts.profMaths);
  const form = new FormData();
  form.set('mode', 'editeurs');
  form.set('file', new File([sample], 'bilans.xml'));
  const refused = await fetch(`${baseURL}/api/imports`, {
    method: 'POST',
    body: form,
    headers: { cookie: teacher.cookie },
  });
  expect(refused.status).toBe(403);
});
