import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import type { Services } from '../env.js';
import { siteCsp } from './static-site.js';

const POLICY = "default-src 'self'; script-src 'self' 'sha256-abc='";
const INDEX = `<!doctype html><html><head><meta http-equiv="content-security-policy" content="${POLICY}"></head><body>app</body></html>`;
const SECRET = 'secret outside the web root';

let dir: string;
let app: ReturnType<typeof createApp>;

beforeAll(() => {
  // tmp/build is the web root; tmp/build-x and tmp/secret.txt sit beside it and must never be served.
  dir = mkdtempSync(join(tmpdir(), 'livret-static-'));
  const root = join(dir, 'build');
  mkdirSync(join(root, '_app', 'immutable'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, 'robots.txt'), 'User-agent: *');
  writeFileSync(join(root, '_app', 'immutable', 'entry.js'), 'console.log("entry")');
  writeFileSync(join(root, '_app', 'immutable', 'entry.js.br'), brotliCompressSync('console.log("entry")'));
  mkdirSync(join(dir, 'build-x'));
  writeFileSync(join(dir, 'build-x', 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  // The static site never touches the services.
  app = createApp({} as Services, { webRoot: root });
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the web build', () => {
  it('serves hashed assets for a year, compressed when the browser accepts it', async () => {
    const plain = await app.request('/_app/immutable/entry.js');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(plain.headers.get('content-type')).toMatch(/javascript/);
    expect(await plain.text()).toBe('console.log("entry")');

    const br = await app.request('/_app/immutable/entry.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
  });

  it('revalidates the other files and falls back to index.html for client-side routes', async () => {
    const robots = await app.request('/robots.txt');
    expect(robots.headers.get('cache-control')).toBe('no-cache');
    expect(await robots.text()).toBe('User-agent: *');

    const route = await app.request('/classes/3e-a/periode/1');
    expect(route.status).toBe(200);
    expect(route.headers.get('cache-control')).toBe('no-cache');
    expect(route.headers.get('content-type')).toMatch(/text\/html/);
    expect(await route.text()).toBe(INDEX);
  });

  it('answers an unchanged file 304, without its bytes', async () => {
    const first = await app.request('/classes/x', { headers: { 'accept-encoding': 'br' } });
    const lastModified = first.headers.get('last-modified')!;
    const again = await app.request('/classes/x', { headers: { 'if-modified-since': lastModified } });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('no-cache');
    expect(await again.text()).toBe('');
    const older = new Date(Date.parse(lastModified) - 60_000).toUTCString();
    const changed = await app.request('/classes/x', { headers: { 'if-modified-since': older } });
    expect(changed.status).toBe(200);
    expect(await changed.text()).toBe(INDEX);
    const garbage = await app.request('/robots.txt', { headers: { 'if-modified-since': 'yesterday' } });
    expect(garbage.status).toBe(200);
  });

  it('answers 404 for a missing build asset or API path, never the page', async () => {
    expect((await app.request('/_app/immutable/old-chunk.js')).status).toBe(404);
    const api = await app.request('/api/nowhere');
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'not_found' });
  });

  it('never serves a file outside its root, whatever the encoding', async () => {
    const attempts = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/../build-x/secret.txt',
      '/%2e%2e/build-x/secret.txt',
      '/_app/../../secret.txt',
      '/%E0%A4%A',
      '/%',
      '/%00',
    ];
    for (const path of attempts) {
      const response = await app.request(`http://localhost${path}`);
      expect(response.status, path).toBeLessThan(500);
      expect(await response.text(), path).not.toContain(SECRET);
    }
  });

  it('sends the build’s own policy with the framing rule as a header', async () => {
    const response = await app.request('/');
    expect(response.headers.get('content-security-policy')).toBe(`${POLICY}; frame-ancestors 'none'`);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('siteCsp', () => {
  it('refuses a build without a policy rather than serving the site without one', () => {
    const bare = mkdtempSync(join(tmpdir(), 'livret-bare-'));
    writeFileSync(join(bare, 'index.html'), '<!doctype html><script>boot()</script>');
    expect(() => siteCsp(bare)).toThrow(/kit.csp/);
    rmSync(bare, { recursive: true });
  });

  it('is the API-only policy without a build', () => {
    expect(siteCsp(undefined)).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});
