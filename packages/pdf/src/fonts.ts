/**
 * The fonts of the printed bilans: Liberation Sans (SIL OFL 1.1, metric-compatible with Arial), shipped in
 * `packages/pdf/fonts` with its licence, and two fallbacks for the characters it lacks (Noto Emoji, DejaVu Sans).
 * Loading these files is the only I/O of this package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The font family name used in the document definitions. */
export const FONT_FAMILY = 'LiberationSans';

/** The font file of each style of the family. */
export const FONT_FILES = {
  normal: 'LiberationSans-Regular.ttf',
  bold: 'LiberationSans-Bold.ttf',
  italics: 'LiberationSans-Italic.ttf',
  bolditalics: 'LiberationSans-BoldItalic.ttf',
} as const;

/**
 * The fonts of the characters Liberation Sans lacks, in order of preference (see fonts/NOTICE and
 * fallback-fonts.ts). One file each: a bold or italic emoji is drawn regular.
 */
export const FALLBACK_FONTS = [
  { family: 'NotoEmoji', file: 'NotoEmoji-Regular.ttf' },
  { family: 'DejaVuSans', file: 'DejaVuSans.ttf' },
] as const;

/**
 * Where the font files are: `fonts/` beside a bundle that copied them (the server's dist), the package's own
 * `fonts/` when running from the sources, or the installed `@livret/pdf` package seen from a bundle.
 */
export function fontsDirectory(): string {
  const here = import.meta.url;
  const candidates = [new URL('./fonts/', here), new URL('../fonts/', here)]
    .filter((url) => url.protocol === 'file:')
    .map((url) => fileURLToPath(url));
  try {
    candidates.push(dirname(createRequire(here).resolve(`@livret/pdf/fonts/${FONT_FILES.normal}`)));
  } catch {
    // Not installed beside this bundle: the candidates above are all there is.
  }
  const found = candidates.find((dir) => existsSync(join(dir, FONT_FILES.normal)));
  if (!found) throw new Error(`Polices des bilans introuvables (cherchées dans ${candidates.join(', ')}).`);
  return found;
}

/** The bytes of each font file (the family's, then the fallbacks'), by file name. */
export function loadFontFiles(directory: string = fontsDirectory()): Map<string, Buffer> {
  const files = [...Object.values(FONT_FILES), ...FALLBACK_FONTS.map((f) => f.file)];
  return new Map(files.map((file) => [file, readFileSync(join(directory, file))]));
}
