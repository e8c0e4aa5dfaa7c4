import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';

describe.each(testEngines())('accounts and sessions on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(engine);
  });
  afterAll(async () => t.close());

  it('reports the engine in the health route', async () => {
    expect((await t.call('GET', '/api/health')).body).toEqual({ status: 'ok', engine });
  });

  it('signs in with an HTTP-only SameSite cookie and signs out', async () => {
    const response = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'Direction@College.demo', password: 'livret-demo' }),
    });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/livret_session=/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    const cookie = setCookie.split(';')[0]!;
    const me = await t.call('GET', '/api/me', cookie);
    expect(me.body.account.login).toBe('direction@college.demo');
    expect(me.body.roles.map((r: { role: string }) => r.role)).toEqual(['direction']);
    await t.call('POST', '/api/auth/logout', cookie);
    expect((await t.call('GET', '/api/me', cookie)).status).toBe(401);
  });

  it('answers the same French error for an unknown login and a wrong password', async () => {
    const unknown = await t.call('POST', '/api/auth/login', undefined, {
      login: 'nobody@x.fr',
      password: 'x',
    });
    const wrong = await t.call('POST', '/api/auth/login', undefined, {
      login: 'cpe@college.demo',
      password: 'x',
    });
    expect(unknown).toEqual(wrong);
    expect(wrong.status).toBe(401);
    expect(wrong.body.message).toBe('Identifiant ou mot de passe incorrect.');
  });

  it('refuses accounts without a password and malformed bodies', async () => {
    const noPassword = await t.call('POST', '/api/auth/login', undefined, {
      login: 'hg@college.demo',
      password: 'livret-demo',
    });
    expect(noPassword.status).toBe(401);
    const bad = await t.call('POST', '/api/auth/login', undefined, { login: '' });
    expect(bad.status).toBe(400);
  });

  it('rate-limits repeated failures on a login from one address', async () => {
    const attempt = () =>
      t.call('POST', '/api/auth/login', undefined, { login: 'psyen@college.demo', password: 'faux' });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.body.message).toMatch(/Trop de tentatives/);
    const evenRight = await t.call('POST', '/api/auth/login', undefined, {
      login: 'psyen@college.demo',
      password: 'livret-demo',
    });
    expect(evenRight.status).toBe(429);
  });

  it('every API route but sign-in needs a session', async () => {
    for (const path of ['/api/me', '/api/classes', '/api/family/bilans']) {
      expect((await t.call('GET', path)).status).toBe(401);
    }
  });
});
