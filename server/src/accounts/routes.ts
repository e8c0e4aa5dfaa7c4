/** /api/accounts (the direction's accounts of its school, password reset) and /api/setup (first installation). */
import { Hono } from 'hono';
import { requireActor, requireDirection } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { input } from '../http/validate.js';
import { InstallSchema } from './schemas.js';
import { listSchoolAccounts, resetPassword } from './service.js';
import { installFirstSchool, setupNeeded } from './setup.js';

export const accountRoutes = new Hono<AppEnv>()
  .use(requireActor, requireDirection)
  .get('/', async (c) => c.json(await listSchoolAccounts(c.var.services.database.db, c.var.actor)))
  .post('/:accountId/password-reset', async (c) => {
    const { database, now, rooms } = c.var.services;
    const reset = await resetPassword(database.db, c.var.actor, c.req.param('accountId'), now());
    const closed = new Set(reset.closedSessions);
    await rooms.disconnect((session) => closed.has(session.sessionKey ?? ''), 'Mot de passe réinitialisé.');
    return c.json({ temporaryPassword: reset.temporaryPassword, closedSessions: closed.size });
  });

export const setupRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json({ needed: await setupNeeded(c.var.services.database.db) }))
  .post(
    '/',
    input(
      'json',
      InstallSchema,
      'Vérifiez le formulaire : chaque champ est obligatoire, l’UAI a 7 chiffres et une lettre.',
    ),
    async (c) => {
      const { database, now } = c.var.services;
      return c.json(await installFirstSchool(database.db, c.req.valid('json'), now()), 201);
    },
  );
