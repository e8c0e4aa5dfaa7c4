/**
 * The PDF of one frozen bilan (périodique or fin de cycle), in the official layout of `@livret/pdf`, rendered from
 * the frozen JSON only: validated again, so only a real frozen bilan is printed, and the same version always gives
 * the same bytes. Used by the families' portal and the staff pages.
 *
 * Rendering is CPU work (about 0.1 s a bilan): it runs on a worker thread of the bundled server, never on the
 * thread that serves the live documents, one at a time, with a bounded line; and since a version always prints
 * the same bytes, the files are kept by content hash (a family opening its bilan twice costs one render).
 */
import { bilanFileName, parseFrozenBilan } from '@livret/pdf';
import { RenderPool } from '../editions/render-pool.js';
import { AppError } from '../errors.js';

/** Renders waiting beyond this are refused (the server is saturated: the user retries). */
const MAX_WAITING = 32;
/** Bytes of rendered PDFs kept in memory. */
const CACHE_BYTES = 64 * 1024 * 1024;

let pool: RenderPool | undefined;
const cache = new Map<string, Uint8Array>(); // hash -> bytes, oldest first
let cachedBytes = 0;

/** Renders a stored frozen bilan with its hash; the file name says who and which bilan. */
export async function renderBilanPdf(
  content: unknown,
  meta: { hash: string },
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const bilan = parseFrozenBilan(content);
  const fileName = bilanFileName(bilan);
  const cached = cache.get(meta.hash);
  if (cached) {
    cache.delete(meta.hash); // most recently used last
    cache.set(meta.hash, cached);
    return { bytes: cached, fileName };
  }
  pool ??= new RenderPool(1, { unref: true });
  if (pool.waiting >= MAX_WAITING) {
    throw new AppError(
      'rate_limited',
      'Le serveur prépare beaucoup de documents : réessayez dans un instant.',
    );
  }
  const [file] = await pool.run({
    kind: 'render',
    items: [{ content, hash: meta.hash }],
    mode: 'separate',
    title: fileName,
    author: 'Livret',
  });
  const bytes = file!.bytes;
  remember(meta.hash, bytes);
  return { bytes, fileName };
}

function remember(hash: string, bytes: Uint8Array): void {
  cache.set(hash, bytes);
  cachedBytes += bytes.byteLength;
  for (const [oldest, old] of cache) {
    if (cachedBytes <= CACHE_BYTES) break;
    cache.delete(oldest);
    cachedBytes -= old.byteLength;
  }
}
