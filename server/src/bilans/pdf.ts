/**
 * The PDF of one frozen bilan (périodique or fin de cycle), in the official layout of `@livret/pdf`, rendered from
 * the frozen JSON only: validated again, so only a real frozen bilan is printed, and the same version always gives
 * the same bytes. Used by the families' portal and the staff pages.
 */
import { bilanDocument, bilanFileName, parseFrozenBilan, renderPdf } from '@livret/pdf';

/** Renders a stored frozen bilan with its hash; the file name says who and which bilan. */
export async function renderBilanPdf(
  content: unknown,
  meta: { hash: string },
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const bilan = parseFrozenBilan(content);
  return {
    bytes: await renderPdf(bilanDocument({ bilan, hash: meta.hash })),
    fileName: bilanFileName(bilan),
  };
}
