/**
 * The web hardening every response gets: security headers (CSP, no framing, no referrer, HSTS over TLS), and for
 * the API: no caching (personal data, PDFs) and state-changing requests only from our own pages.
 */
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';
import { clientOf } from './client.js';

/** The policy of API-only responses (JSON, PDF, zip): nothing to run, nothing to embed. */
export const API_ONLY_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * Security headers on every response. `contentSecurityPolicy` is the site's policy (see `siteCsp`); HSTS only
 * when the request came over TLS, since a browser ignores it over plain HTTP and a wrong one locks users out.
 */
export function securityHeaders(options: { contentSecurityPolicy: string }) {
  const headers = secureHeaders({
    contentSecurityPolicy: directivesOf(options.contentSecurityPolicy),
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: false,
  });
  return createMiddleware<AppEnv>(async (c, next) => {
    await headers(c, next);
    if (clientOf(c).tls) c.header('Strict-Transport-Security', 'max-age=31536000');
  });
}

/** API responses are never stored by a browser or a shared cache. */
export const noStore = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  c.header('Cache-Control', 'no-store');
});

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Cross-site request forgery: a state-changing request must come from a page of our own host. Browsers send
 * `Origin` on such requests (and `Sec-Fetch-Site` when they do not); a request with neither is not a browser's
 * (curl, tests) and carries no ambient cookie to abuse, so it passes.
 */
export const sameOrigin = createMiddleware<AppEnv>(async (c, next) => {
  if (STATE_CHANGING.has(c.req.method)) {
    const origin = c.req.header('origin');
    const site = c.req.header('sec-fetch-site');
    const host = new URL(c.req.url).host;
    const allowed =
      origin !== undefined
        ? hostOf(origin) === host
        : site === undefined || site === 'same-origin' || site === 'none';
    if (!allowed)
      throw new AppError('forbidden', 'Requête refusée : elle ne provient pas d’une page de Livret.');
  }
  await next();
});

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined; // "null" (sandboxed frame, file://) or garbage
  }
}

/** "default-src 'self'; img-src 'self' data:" → { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'] }. */
function directivesOf(policy: string): Record<string, string[]> {
  const directives: Record<string, string[]> = {};
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives[name] = values;
  }
  return directives;
}
