/** `requireActor`: every API route but sign-in goes through it. */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { loadActor } from '../access/actor.js';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';
import { SESSION_COOKIE, sessionAccount } from './sessions.js';

export const requireActor = createMiddleware<AppEnv>(async (c, next) => {
  const { database, now } = c.var.services;
  const accountId = await sessionAccount(database.db, getCookie(c, SESSION_COOKIE), now());
  const actor = accountId ? await loadActor(database.db, accountId) : undefined;
  if (!actor) throw new AppError('unauthorized', 'Veuillez vous connecter.');
  c.set('actor', actor);
  await next();
});

/** Only staff accounts past this point. */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.actor.kind !== 'staff')
    throw new AppError('forbidden', 'Réservé aux personnels de l’établissement.');
  await next();
});

/** Only family accounts past this point. */
export const requireFamily = createMiddleware<AppEnv>(async (c, next) => {
  if (c.var.actor.kind !== 'family') throw new AppError('forbidden', 'Réservé aux familles.');
  await next();
});
