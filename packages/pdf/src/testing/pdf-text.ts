/**
 * Reading a rendered PDF back for the tests, with poppler's command-line tools (`pdftotext`, `pdfinfo`,
 * `pdffonts`, from Debian's poppler-utils), so a test checks what a reader of the file sees.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(bytes: Uint8Array, read: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'livret-pdf-'));
  try {
    const path = join(dir, 'bilan.pdf');
    writeFileSync(path, bytes);
    return read(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The text of a PDF, page by page (pdftotext, reading order), whitespace runs collapsed to one space.
 * @example const [recto, verso] = pdfPages(bytes);
 */
export function pdfPages(bytes: Uint8Array): string[] {
  const text = withFile(bytes, (path) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }),
  );
  return text
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' ').trim());
}

/** The whole text of a PDF on one line. */
export function pdfText(bytes: Uint8Array): string {
  return pdfPages(bytes).join(' ');
}

/** The document information of a PDF (`pdfinfo`), as key → value. */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withFile(bytes, (path) =>
    execFileSync('pdfinfo', ['-enc', 'UTF-8', '-custom', path], { encoding: 'utf8' }),
  );
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1]!.trim(), m[2]!.trim()]),
  );
}

/** The fonts of a PDF (`pdffonts`): name and whether it is embedded. */
export function pdfFonts(bytes: Uint8Array): { name: string; embedded: boolean }[] {
  const out = withFile(bytes, (path) => execFileSync('pdffonts', [path], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      // name type… emb sub uni object ID: «emb» is the fifth column from the end.
      return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' };
    });
}
