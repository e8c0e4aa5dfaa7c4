/**
 * Typed errors and their one translator. Services throw an AppError; `onError` turns it into
 * `{ code, message }` with the right status (French message for users) and logs anything else as a 500.
 */
import type { ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'locked'
  | 'visa'
  | 'conflict'
  | 'incomplete'
  | 'rate_limited'
  | 'too_large'
  | 'integrity';

const statusOf: Record<ErrorCode, ContentfulStatusCode> = {
  invalid: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  locked: 409,
  visa: 409,
  conflict: 409,
  incomplete: 422,
  rate_limited: 429,
  too_large: 413,
  // A stored record failed its hash check: the server's fault, not the user's.
  integrity: 500,
};

/** An expected failure, with a message the user can read. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get status(): ContentfulStatusCode {
    return statusOf[this.code];
  }
}

/** Shorthands for the common cases. */
export const notFound = (what = 'Ressource introuvable.') => new AppError('not_found', what);
export const forbidden = (why = 'Vous n’avez pas accès à cette ressource.') => new AppError('forbidden', why);

export const onError: ErrorHandler = (error, c) => {
  if (error instanceof AppError) {
    return c.json({ code: error.code, message: error.message, details: error.details }, error.status);
  }
  // A body that is not JSON (ours, or Hono's validator's «Malformed JSON»): the client's mistake, said in French.
  if (error instanceof SyntaxError || (error instanceof HTTPException && error.status === 400)) {
    return c.json({ code: 'invalid', message: 'Requête illisible (JSON attendu).' }, 400);
  }
  // The client went away while its body was being read: nobody is left to answer, and it is not our fault.
  if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') {
    return c.json({ code: 'invalid', message: 'Requête interrompue.' }, 400);
  }
  console.error(error);
  return c.json({ code: 'internal', message: 'Erreur interne du serveur.' }, 500);
};
