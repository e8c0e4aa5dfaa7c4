import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { sessionAccount, sessionKeyOf } from '../auth/sessions.js';
import type { SyncSession } from '../sync/room.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';

describe.each(testEngines())('passwords on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  const token = (cookie: string) => cookie.split('=')[1]!;
  /** The session keys whose sockets the next call closes. */
  function watchDisconnects(keys: string[]) {
    const spy = vi.spyOn(t.services.rooms, 'disconnect');
    return () => {
      const matches = spy.mock.calls.map(([match]) => match);
      spy.mockRestore();
      return keys.map((key) => matches.some((m) => m({ sessionKey: key } as SyncSession)));
    };
  }

  it('changes one’s own password: policy, current password, other sessions and sockets closed', async () => {
    const here = await t.signIn('prof.francais@college.demo');
    const there = await t.signIn('prof.francais@college.demo');
    const short = await t.call('POST', '/api/auth/password', here, { current: 'livret-demo', next: 'court' });
    expect(short.status).toBe(400);
    expect(short.body.message).toBe('Le mot de passe doit compter au moins 12 caractères.');
    const wrong = await t.call('POST', '/api/auth/password', here, {
      current: 'pas-le-bon',
      next: 'un mot de passe solide',
    });
    expect(wrong.body.message).toBe('Le mot de passe actuel est incorrect.');
    const closedSockets = watchDisconnects([sessionKeyOf(token(there)), sessionKeyOf(token(here))]);
    const ok = await t.call('POST', '/api/auth/password', here, {
      current: 'livret-demo',
      next: 'un mot de passe solide',
    });
    expect(ok.body).toEqual({ ok: true, closedSessions: 1 });
    expect(closedSockets()).toEqual([true, false]);
    expect((await t.call('GET', '/api/me', here)).status).toBe(200);
    expect((await t.call('GET', '/api/me', there)).status).toBe(401);
    await expect(t.signIn('prof.francais@college.demo')).rejects.toThrow(/401/);
    await t.signIn('prof.francais@college.demo', 'un mot de passe solide');
  });

  it('lists the accounts of the direction’s school only, to the direction only', async () => {
    const direction = await t.signIn('direction@college.demo');
    const list = await t.call('GET', '/api/accounts', direction);
    const logins = list.body.map((a: { login: string }) => a.login);
    expect(logins).toContain('cpe@college.demo');
    expect(logins).toContain('famille.martin@demo.fr');
    expect(logins).not.toContain('directeur@ecole.demo');
    expect(list.body.find((a: { login: string }) => a.login === 'cpe@college.demo').roles).toEqual(['cpe']);
    const teacher = await t.signIn('prof.maths@college.demo');
    expect((await t.call('GET', '/api/accounts', teacher)).status).toBe(403);
  });

  it('a reset gives a temporary password once, ends every session, and forces a change', async () => {
    const direction = await t.signIn('direction@college.demo');
    const accounts = (await t.call('GET', '/api/accounts', direction)).body as {
      id: string;
      login: string;
    }[];
    const cpe = accounts.find((a) => a.login === 'cpe@college.demo')!;
    const before = await t.signIn('cpe@college.demo');
    const reset = await t.call('POST', `/api/accounts/${cpe.id}/password-reset`, direction);
    expect(reset.status).toBe(200);
    const temporary: string = reset.body.temporaryPassword;
    expect(temporary).toMatch(/^[A-Za-z2-9]{4}(-[A-Za-z2-9]{4}){3}$/);
    expect(reset.body.closedSessions).toBe(1);
    expect((await t.call('GET', '/api/me', before)).status).toBe(401);
    await expect(t.signIn('cpe@college.demo')).rejects.toThrow(/401/);

    const after = await t.signIn('cpe@college.demo', temporary);
    const me = await t.call('GET', '/api/me', after);
    expect(me.body.mustChangePassword).toBe(true);
    const classes = await t.call('GET', '/api/classes', after);
    expect(classes.status).toBe(403);
    expect(classes.body.details).toEqual({ reason: 'password_change' });
    // The sync endpoint asks the same question: no live document before the change.
    const db = t.services.database.db;
    expect(await sessionAccount(db, token(after), t.services.now())).toBeUndefined();
    await t.call('POST', '/api/auth/password', after, {
      current: temporary,
      next: 'nouveau mot de passe cpe',
    });
    expect((await t.call('GET', '/api/me', after)).body.mustChangePassword).toBe(false);
    expect((await t.call('GET', '/api/classes', after)).status).toBe(200);
  });

  it('refuses a reset outside the direction’s school, of its own account, or by anyone else', async () => {
    const college = await t.signIn('direction@college.demo');
    const ecole = await t.signIn('directeur@ecole.demo');
    const ecoleAccounts = (await t.call('GET', '/api/accounts', ecole)).body as {
      id: string;
      login: string;
    }[];
    const ecoleTeacher = ecoleAccounts.find((a) => a.login === 'enseignant.ce2cm1@ecole.demo')!;
    expect((await t.call('POST', `/api/accounts/${ecoleTeacher.id}/password-reset`, college)).status).toBe(
      404,
    );
    const me = (await t.call('GET', '/api/me', college)).body.account.id;
    expect((await t.call('POST', `/api/accounts/${me}/password-reset`, college)).status).toBe(403);
    const cpe = await t.signIn('psyen@college.demo');
    expect((await t.call('POST', `/api/accounts/${me}/password-reset`, cpe)).status).toBe(403);
    expect((await t.call('POST', '/api/accounts/not-a-uuid/password-reset', college)).status).toBe(404);
  });
});
