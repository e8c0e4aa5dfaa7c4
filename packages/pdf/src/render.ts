/**
 * Rendering a document definition to PDF bytes with pdfmake. The fonts are read once into pdfmake's virtual file
 * system; nothing else may be loaded, from the network or the disk, so a frozen bilan prints the same bytes
 * every time and a text can never make the renderer fetch anything.
 */
/// <reference path="./pdfmake.d.ts" />
import pdfmake from 'pdfmake';
import type { DocumentDefinition } from './definition.js';
import { shareParsedFonts } from './font-cache.js';
import { FONT_FAMILY, FONT_FILES, loadFontFiles } from './fonts.js';

let configured = false;

function configure(): void {
  if (configured) return;
  const files = loadFontFiles();
  for (const [file, bytes] of files) pdfmake.virtualfs.writeFileSync(file, bytes);
  pdfmake.setFonts({ [FONT_FAMILY]: { ...FONT_FILES } });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  shareParsedFonts([...files.values()]);
  configured = true;
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
  configure();
  // pdfmake reads its progress callback when the document is created (synchronously): set it for this one only.
  pdfmake.setProgressCallback(options.onProgress);
  const output = pdfmake.createPdf(definition);
  pdfmake.setProgressCallback(undefined);
  const buffer = await output.getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
