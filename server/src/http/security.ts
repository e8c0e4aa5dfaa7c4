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

/**
 * A Host header that makes no URL (`127...0.0.1`, spaces) is refused at once: the Node adapter builds the
 * request's URL from it, and reading the body would throw deep inside a handler.
 */
export const wellFormedUrl = createMiddleware<AppEnv>(async (c, next) => {
  if (!URL.canParse(c.req.url)) throw new AppError('invalid', 'Requête invalide (adresse illisible).');
  await next();
});

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
    const host = hostOf(c.req.url); // the Host header, as the Node adapter put it in the URL
    const allowed =
      origin !== undefined
        ? host !== undefined && hostOf(origin) === host
        : site === undefined || site === 'same-origin' || site === 'none';
    if (!allowed)
      throw new AppError('forbidden', 'Requête refusée : elle ne provient pas d’une page de Livret.');
  }
  await next();
});

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined; // "null" (sandboxed frame, file://), or a garbage Host header
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
