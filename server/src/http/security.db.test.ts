import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { DEMO_PASSWORD } from '../seed/index.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';

const LOGIN = JSON.stringify({ login: 'direction@college.demo', password: DEMO_PASSWORD });

describe.each(testEngines())('web hardening of the API on %s', (engine) => {
  let t: TestApp;
  let proxied: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestApp(engine);
    proxied = createApp(t.services, { trustProxy: true });
  });
  afterAll(async () => t.close());

  const post = (
    app: ReturnType<typeof createApp>,
    path: string,
    headers: Record<string, string>,
    body = '{}',
  ) =>
    app.request(`http://livret.test${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  it('refuses a state-changing request from another site, in French', async () => {
    for (const headers of [
      { origin: 'https://evil.test' },
      { origin: 'null' },
      { origin: 'http://livret.test.evil.test' },
      { 'sec-fetch-site': 'cross-site' },
      { 'sec-fetch-site': 'same-site' },
    ] as Record<string, string>[]) {
      const response = await post(t.app, '/api/auth/logout', headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
      expect(await response.json()).toMatchObject({
        code: 'forbidden',
        message: 'Requête refusée : elle ne provient pas d’une page de Livret.',
      });
    }
    // Reading is not state-changing: a cross-site GET is not refused by this check.
    const read = await t.app.request('http://livret.test/api/health', {
      headers: { origin: 'https://evil.test' },
    });
    expect(read.status).toBe(200);
  });

  it('lets our own pages, typed URLs and non-browser clients through', async () => {
    for (const headers of [
      { origin: 'http://livret.test' },
      { 'sec-fetch-site': 'same-origin' },
      { 'sec-fetch-site': 'none' },
      {},
    ] as Record<string, string>[]) {
      expect((await post(t.app, '/api/auth/logout', headers)).status, JSON.stringify(headers)).toBe(200);
    }
  });

  it('sends security headers and no-store on every API response, errors included', async () => {
    for (const response of [
      await t.app.request('/api/health'),
      await t.app.request('/api/me'),
      await t.app.request('/api/nowhere'),
      await post(t.app, '/api/auth/logout', { origin: 'https://evil.test' }),
    ]) {
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('content-security-policy')).toBe(
        "default-src 'none'; frame-ancestors 'none'",
      );
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('sends HSTS and a Secure cookie only when the request came over TLS', async () => {
    const overTls = await post(proxied, '/api/auth/login', { 'x-forwarded-proto': 'https' }, LOGIN);
    expect(overTls.status).toBe(200);
    expect(overTls.headers.get('strict-transport-security')).toBe('max-age=31536000');
    expect(overTls.headers.get('set-cookie')).toMatch(/; Secure/);

    // The same header from a client that is not behind our proxy proves nothing.
    const spoofed = await post(t.app, '/api/auth/login', { 'x-forwarded-proto': 'https' }, LOGIN);
    expect(spoofed.status).toBe(200);
    expect(spoofed.headers.get('strict-transport-security')).toBeNull();
    expect(spoofed.headers.get('set-cookie')).not.toMatch(/Secure/);
  });
});
