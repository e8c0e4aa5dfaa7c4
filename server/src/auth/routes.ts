/** /api/auth: sign in, sign out; /api/me lives here too. */

import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { loadActor } from '../access/actor.js';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';
import { clientOf } from '../http/client.js';
import { requireActor } from './middleware.js';
import { signIn } from './service.js';
import { closeSession, SESSION_COOKIE, SESSION_DAYS, sessionKeyOf } from './sessions.js';

const LoginBody = z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(500) });

export const authRoutes = new Hono<AppEnv>()
  .post('/login', async (c) => {
    const body = LoginBody.safeParse(await c.req.json());
    if (!body.success) throw new AppError('invalid', 'Identifiant et mot de passe sont obligatoires.');
    const { database, now } = c.var.services;
    const { address, tls } = clientOf(c);
    const { token, accountId } = await signIn(database.db, { ...body.data, address }, now());
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: tls,
      maxAge: SESSION_DAYS * 86_400,
    });
    const actor = await loadActor(database.db, accountId);
    return c.json({ account: actor ? publicAccount(actor) : null });
  })
  .post('/logout', async (c) => {
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      await closeSession(c.var.services.database.db, token);
      // Live documents opened with this session close too: signing out ends every access at once.
      const key = sessionKeyOf(token);
      await c.var.services.rooms.disconnect((session) => session.sessionKey === key, 'Session terminée.');
    }
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.json({ ok: true });
  });

export const meRoutes = new Hono<AppEnv>().get('/', requireActor, (c) => {
  const actor = c.var.actor;
  return c.json({ account: publicAccount(actor), roles: actor.roles });
});

function publicAccount(actor: import('../access/actor.js').Actor) {
  const { accountId: id, login, kind, civilite, firstName, lastName } = actor;
  return { id, login, kind, civilite, firstName, lastName };
}
