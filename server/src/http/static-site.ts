/**
 * The web app: the SvelteKit build served by Hono's maintained static middleware (decoding, traversal and
 * ranges handled there), precompressed files (.br, .gz) when the browser accepts them, and index.html for any
 * other path, since the SPA routes on the client. Hashed files under `_app/immutable/` are cached for a year;
 * everything else is revalidated.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';
import { API_ONLY_CSP } from './security.js';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Serves `root` (an absolute or working-directory-relative folder), with the SPA fallback. */
export function staticSite(root: string) {
  const base = resolve(root);
  const files = serveStatic<AppEnv>({ root: base, precompressed: true });
  const fallback = serveStatic<AppEnv>({ path: join(base, 'index.html'), precompressed: true });
  return createMiddleware<AppEnv>(async (c, next) => {
    const since = c.req.header('if-modified-since');
    const served = await files(c, async () => {});
    if (served) {
      return answer(served, c.req.path.startsWith('/_app/immutable/') ? IMMUTABLE : 'no-cache', since);
    }
    // A missing build asset (an old chunk after a deploy) is a 404, not the page: the client then reloads.
    if (c.req.path.startsWith('/_app/')) return next();
    const page = await fallback(c, async () => {});
    return page ? answer(page, 'no-cache', since) : next();
  });
}

/** Sets the cache policy; `no-cache` means "ask first", so an unchanged file is answered 304 without its bytes. */
async function answer(
  response: Response,
  cacheControl: string,
  since: string | undefined,
): Promise<Response> {
  response.headers.set('Cache-Control', cacheControl);
  const modified = Date.parse(response.headers.get('last-modified') ?? '');
  if (response.status !== 200 || !since || !(Date.parse(since) >= modified)) return response;
  await response.body?.cancel(); // closes the file
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  headers.delete('content-encoding');
  return new Response(null, { status: 304, headers });
}

/**
 * The site's Content-Security-Policy: the one SvelteKit wrote into index.html (`kit.csp`, with the hash of its
 * inline bootstrap script), plus what only a header can say (framing). Without a build, the API-only policy.
 */
export function siteCsp(root: string | undefined): string {
  const index = root ? join(resolve(root), 'index.html') : undefined;
  if (!index || !existsSync(index)) return API_ONLY_CSP;
  const meta = /<meta http-equiv="content-security-policy" content="([^"]*)"/i.exec(
    readFileSync(index, 'utf8'),
  );
  if (!meta?.[1]) throw new Error(`${index} has no Content-Security-Policy: build apps/web with kit.csp`);
  return `${meta[1]
    .replace(/&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/;\s*$/, '')}; frame-ancestors 'none'`;
}
