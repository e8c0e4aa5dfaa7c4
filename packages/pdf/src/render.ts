/**
 * Rendering a document definition to PDF bytes with pdfmake. The fonts are read once into pdfmake's virtual file
 * system; nothing else may be loaded, from the network or the disk, so a frozen bilan prints the same bytes
 * every time and a text can never make the renderer fetch anything.
 */
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

/**
 * Renders a document definition (from `bilanDocument` or `bilansDocument`) to the bytes of a PDF.
 * @example const bytes = await renderPdf(bilanDocument(frozen, { hash }));
 */
export async function renderPdf(definition: DocumentDefinition): Promise<Uint8Array> {
  configure();
  const buffer = await pdfmake.createPdf(definition).getBuffer();
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
