/** Test helper: the official command-line check of an LSU file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xsdPath } from '../validation/schema-validation.js';

/** `xmllint --schema`, the official check of a file (libxml2-utils; installed by .ci/run). */
export function xmllint(xml: string, degre: '1D' | '2D'): { ok: boolean; output: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'lsu-')), 'export.xml');
  writeFileSync(file, xml);
  const run = spawnSync('xmllint', ['--noout', '--schema', xsdPath(degre), file], { encoding: 'utf8' });
  if (run.error) throw new Error(`xmllint is needed (apt-get install libxml2-utils): ${run.error.message}`);
  return { ok: run.status === 0, output: run.stderr };
}
