/**
 * Rendering a document definition to PDF bytes with pdfmake. The fonts are read once into pdfmake's virtual file
 * system; nothing else may be loaded, from the network or the disk, so a frozen bilan prints the same bytes
 * every time and a text can never make the renderer fetch anything.
 */
/// <reference path="./pdfmake.d.ts" />
import pdfmake from 'pdfmake';
import type { DocumentDefinition } from './definition.js';
import { type FontChooser, fontChooser, withFallbackFonts } from './fallback-fonts.js';
import { shareParsedFonts } from './font-cache.js';
import { FALLBACK_FONTS, FONT_FAMILY, FONT_FILES, loadFontFiles } from './fonts.js';

let chooser: FontChooser | undefined;

function configure(): FontChooser {
  if (chooser) return chooser;
  const files = loadFontFiles();
  for (const [file, bytes] of files) pdfmake.virtualfs.writeFileSync(file, bytes);
  const fallbacks = Object.fromEntries(
    FALLBACK_FONTS.map(({ family, file }) => [
      family,
      { normal: file, bold: file, italics: file, bolditalics: file },
    ]),
  );
  pdfmake.setFonts({ [FONT_FAMILY]: { ...FONT_FILES }, ...fallbacks });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  const bytesOf = (file: string) => files.get(file)!;
  chooser = fontChooser(
    bytesOf(FONT_FILES.normal),
    FALLBACK_FONTS.map(({ family, file }) => ({ family, bytes: bytesOf(file) })),
  );
  shareParsedFonts([...files.values()]);
  return chooser;
}

/** Options of a rendering. */
export interface RenderOptions {
  /** Called with the fraction (0–1) of the pages drawn, once the layout is done. */
  onProgress?: (fraction: number) => void;
}

/**
 * Renders a document definition (from `bilanDocument` or `bilansDocument`) to the bytes of a PDF.
 * @example const bytes = await renderPdf(bilanDocument({ bilan, hash }));
 */
export async function renderPdf(
  definition: DocumentDefinition,
  options: RenderOptions = {},
): Promise<Uint8Array> {
  const choose = configure();
  // pdfmake reads its progress callback when the document is created (synchronously): set it for this one only.
  pdfmake.setProgressCallback(options.onProgress);
  const output = pdfmake.createPdf(withFallbackFonts(definition, choose));
  pdfmake.setProgressCallback(undefined);
  const buffer = await output.getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
