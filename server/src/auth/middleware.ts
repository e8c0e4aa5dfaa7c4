/**
 * `requireActor`: every API route but sign-in goes through it. `requireSession` also lets in an account whose
 * password was reset, for the few routes it may use before changing it (who am I, change my password).
 */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { loadActor } from '../access/actor.js';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';
import { readSession, SESSION_COOKIE } from './sessions.js';

function sessionMiddleware(allowPasswordChange: boolean) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const { database, now } = c.var.services;
    const session = await readSession(database.db, getCookie(c, SESSION_COOKIE), now());
    const actor = session ? await loadActor(database.db, session.accountId) : undefined;
    if (!session || !actor) throw new AppError('unauthorized', 'Veuillez vous connecter.');
    if (session.mustChangePassword && !allowPasswordChange) {
      throw new AppError('forbidden', 'Choisissez un nouveau mot de passe pour continuer.', {
        reason: 'password_change',
      });
    }
    c.set('actor', actor);
    await next();
  });
}

export const requireActor = sessionMiddleware(false);
export const requireSession = sessionMiddleware(true);

/** Only staff accounts past this point. */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.actor.kind !== 'staff')
    throw new AppError('forbidden', 'Réservé aux personnels de l’établissement.');
  await next();
});

/** Only the direction of a school past this point. */
export const requireDirection = createMiddleware<AppEnv>(async (c, next) => {
  if (!c.var.actor.roles.some((r) => r.role === 'direction'))
    throw new AppError('forbidden', 'Réservé à la direction de l’établissement.');
  await next();
});

/** Only family accounts past this point. */
export const requireFamily = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.actor.kind !== 'family') throw new AppError('forbidden', 'Réservé aux familles.');
  await next();
});
