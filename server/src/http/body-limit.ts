/**
 * Request body limits, enforced before a handler reads a byte: a declared Content-Length over the limit is
 * refused at once, a chunked body as soon as it passes it. The refusal goes through the one error translator.
 */
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';

/** The limit of JSON bodies (sign-in, lock, unlock, édition): far above what they need. */
export const JSON_BODY_LIMIT = 64 * 1024;

/** Refuses a body over `maxSize` bytes with a 413 and the given French message. */
export function limitBody(maxSize: number, message: string) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new AppError('too_large', message);
    },
  });
}

/**
 * `JSON_BODY_LIMIT` on every request but the uploads (`METHOD /path`), which check who is sending first and set
 * their own limit (see imports/routes.ts).
 */
export function apiBodyLimit(uploads: readonly string[]) {
  const limit = limitBody(JSON_BODY_LIMIT, 'La requête est trop volumineuse (64 Ko au plus).');
  const exempt = new Set(uploads);
  return createMiddleware<AppEnv>(async (c, next) =>
    exempt.has(`${c.req.method} ${c.req.path}`) ? next() : limit(c, next),
  );
}
