/** /api/auth: sign in, sign out, change one's password; /api/me lives here too. */

import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { loadActor } from '../access/actor.js';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';
import { clientOf } from '../http/client.js';
import { requireSession } from './middleware.js';
import { changePassword, signIn } from './service.js';
import { closeSession, readSession, SESSION_COOKIE, SESSION_HOURS, sessionKeyOf } from './sessions.js';

const LoginBody = z.object({ login: z.string().min(1).max(200), password: z.string().min(1).max(500) });
const PasswordBody = z.object({ current: z.string().min(1).max(500), next: z.string().max(10_000) });

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
  .post('/password', requireSession, async (c) => {
    const body = PasswordBody.safeParse(await c.req.json());
    if (!body.success) throw new AppError('invalid', 'Saisissez le mot de passe actuel et le nouveau.');
    const { database, now, rooms } = c.var.services;
    const sessionKey = sessionKeyOf(getCookie(c, SESSION_COOKIE) ?? '');
    const input = { accountId: c.var.actor.accountId, sessionKey, ...body.data };
    const closed = new Set(await changePassword(database.db, input, now()));
    // The other sessions end everywhere, their open documents included.
    await rooms.disconnect((session) => closed.has(session.sessionKey ?? ''), 'Mot de passe changé.');
    return c.json({ ok: true, closedSessions: closed.size });
  });

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
