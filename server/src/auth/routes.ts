/** /api/auth: sign in, sign out, change one's password; /api/me lives here too. */

import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { loadActor } from '../access/actor.js';
import type { AppEnv } from '../env.js';
import { clientOf } from '../http/client.js';
import { input } from '../http/validate.js';
import { requireSession } from './middleware.js';
import { changePassword, signIn } from './service.js';
import { closeSession, readSession, SESSION_COOKIE, SESSION_HOURS, sessionKeyOf } from './sessions.js';

const LoginBody = z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(500) });
const PasswordBody = z.object({ current: z.string().min(1).max(500), next: z.string().max(10_000) });

export const authRoutes = new Hono<AppEnv>()
  .post('/login', input('json', LoginBody, 'Identifiant et mot de passe sont obligatoires.'), async (c) => {
    const { database, now } = c.var.services;
    const { address, tls } = clientOf(c);
    const { token, accountId } = await signIn(database.db, { ...c.req.valid('json'), address }, now());
    setCookie(c, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: tls,
      maxAge: SESSION_HOURS * 3_600,
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
  })
  .post(
    '/password',
    requireSession,
    input('json', PasswordBody, 'Saisissez le mot de passe actuel et le nouveau.'),
    async (c) => {
      const { database, now, rooms } = c.var.services;
      const sessionKey = sessionKeyOf(getCookie(c, SESSION_COOKIE) ?? '');
      const change = { accountId: c.var.actor.accountId, sessionKey, ...c.req.valid('json') };
      const closed = new Set(await changePassword(database.db, change, now()));
      // The other sessions end everywhere, their open documents included.
      await rooms.disconnect((session) => closed.has(session.sessionKey ?? ''), 'Mot de passe changé.');
      return c.json({ ok: true, closedSessions: closed.size });
    },
  );

export const meRoutes = new Hono<AppEnv>().get('/', requireSession, async (c) => {
  const actor = c.var.actor;
  const { database, now } = c.var.services;
  const session = await readSession(database.db, getCookie(c, SESSION_COOKIE), now());
  return c.json({
    account: publicAccount(actor),
    roles: actor.roles,
    mustChangePassword: session?.mustChangePassword ?? false,
  });
});

function publicAccount(actor: import('../access/actor.js').Actor) {
  const { accountId: id, login, kind, civilite, firstName, lastName } = actor;
  return { id, login, kind, civilite, firstName, lastName };
}
