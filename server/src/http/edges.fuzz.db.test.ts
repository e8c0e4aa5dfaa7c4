/**
 * The real server on a port, attacked over raw TCP (node:net, loopback only) with what a browser never sends:
 * broken percent-encoding, traversal in every spelling, absurd headers and cookies, lying Content-Length, invalid
 * HTTP, malformed WebSocket upgrades and garbage frames on an authenticated socket, then a seeded random mutation
 * of valid requests. Whatever happens to each request, the process keeps answering /api/health and no file
 * outside the web root ever leaves it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../seed/index.js';
import { type RunningServer, startServer } from '../server.js';

const SECRET = 'TOP-SECRET-outside-the-web-root';
const INDEX = `<!doctype html><html><head><meta http-equiv="content-security-policy" content="default-src 'self'"></head><body>livret</body></html>`;

let dir: string;
let server: RunningServer;
let port: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'livret-fuzz-'));
  const root = join(dir, 'build');
  mkdirSync(join(root, '_app', 'immutable'), { recursive: true });
  writeFileSync(join(root, 'index.html'), INDEX);
  writeFileSync(join(root, '_app', 'immutable', 'app.js'), 'export {}');
  // Siblings the old `startsWith(base)` check used to serve: build-x/ and files beside the root.
  mkdirSync(join(dir, 'build-x'));
  writeFileSync(join(dir, 'build-x', 'secret.txt'), SECRET);
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  server = await startServer({
    port: 0,
    host: '127.0.0.1',
    dataDir: join(dir, 'pglite'),
    webRoot: root,
    seed: true,
  });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Writes raw bytes to the server and collects what comes back until it closes or goes quiet. */
function raw(bytes: string | Buffer, quietMs = 400): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    let timer = setTimeout(() => socket.destroy(), quietMs);
    const done = () => {
      clearTimeout(timer);
      resolve(Buffer.concat(chunks).toString('latin1'));
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      clearTimeout(timer);
      timer = setTimeout(() => socket.destroy(), quietMs);
    });
    socket.on('error', () => {});
    socket.on('close', done);
    socket.write(bytes);
  });
}

const statusOf = (response: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(response)?.[1] ?? 0);
const get = (path: string, headers = '') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${headers}Connection: close\r\n\r\n`;
const upgrade = (path: string, headers = '', key = 'dGhlIHNhbXBsZSBub25jZQ==') =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
  `Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: ${key}\r\n${headers}\r\n`;

async function expectAlive(): Promise<void> {
  const response = await raw(get('/api/health'));
  expect(statusOf(response)).toBe(200);
  expect(response).toContain('"status":"ok"');
}

describe('the server at its edges', () => {
  it('serves the page for broken percent-encoding instead of crashing', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/%%30', '/%FF%FE', '/classes/%C0%AF', '/%00']) {
      const response = await raw(get(path));
      expect(statusOf(response), path).toBe(200);
      expect(response, path).toContain('livret');
    }
    expect(statusOf(await raw(get('/api/%E0%A4%A')))).toBe(404);
    await expectAlive();
  });

  it('never serves a file outside the web root, whatever the spelling', async () => {
    const paths = [
      '/../secret.txt',
      '/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/%2E%2E/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/.%2e/secret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '//..//secret.txt',
      '/_app/immutable/../../../secret.txt',
      '/_app/%2e%2e/%2e%2e/secret.txt',
      '/../build-x/secret.txt',
      '/%2e%2e/build-x/secret.txt',
      '/..%2fbuild-x%2fsecret.txt',
      '/build-x/secret.txt',
      '/%252e%252e/secret.txt',
      '/..%00/secret.txt',
      '../secret.txt',
      'http://127.0.0.1/../secret.txt',
      '*',
    ];
    for (const path of paths) {
      const response = await raw(get(path));
      expect(response, path).not.toContain(SECRET);
      expect(statusOf(response), path).toBeLessThan(500);
    }
    await expectAlive();
  });

  it('survives absurd headers and broken cookies', async () => {
    const requests = [
      get('/', `X-Long: ${'a'.repeat(20_000)}\r\n`),
      get('/', Array.from({ length: 3000 }, (_, i) => `X-${i}: ${i}\r\n`).join('')),
      get('/api/me', `Cookie: livret_session=%E0%A4%A; ===; ;;; livret_session=\r\n`),
      get('/api/me', `Cookie: ${';'.repeat(8000)}\r\n`),
      get('/api/me', `Cookie: livret_session=${'\u00ff'.repeat(300)}\r\n`),
      get('/api/me', 'Cookie: livret_session="unterminated\r\n'),
      'GET / HTTP/1.1\r\nHost: [::1\r\nConnection: close\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n',
      'GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n',
      'GET / HTTP/1.1\r\nConnection: close\r\n\r\n',
      get('/api/health', 'X-Forwarded-For: \u00ff\u00fe, , ,\r\nX-Forwarded-Proto: gopher\r\n'),
      `POST /api/auth/logout HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: ::::\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
      `POST /api/auth/logout HTTP/1.1\r\nHost: 127.0.0.1\r\nSec-Fetch-Site: \u00ff\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`,
    ];
    for (const request of requests) {
      const response = await raw(request);
      expect(statusOf(response), request.slice(0, 80)).not.toBe(500);
    }
    await expectAlive();
  });

  it('refuses lying and oversized bodies before reading them', async () => {
    // A client that leaves mid-body is not a server error: nothing is logged as one.
    const logged = vi.spyOn(console, 'error');
    const login = (headers: string, body: string) =>
      `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${headers}Connection: close\r\n\r\n${body}`;
    const huge = await raw(login('Content-Length: 99999999999\r\n', '{"login":"a"'));
    expect(statusOf(huge)).toBe(413);
    expect(huge).toContain('trop volumineuse');
    const chunked = await raw(
      login(
        'Transfer-Encoding: chunked\r\n',
        `10000\r\n${'a'.repeat(0x10000)}\r\n10000\r\n${'a'.repeat(0x10000)}\r\n0\r\n\r\n`,
      ),
    );
    expect(statusOf(chunked)).toBe(413);
    for (const request of [
      login('Content-Length: -1\r\n', '{}'),
      login('Content-Length: 1e3\r\n', '{}'),
      login('Content-Length: 5\r\nContent-Length: 6\r\n', '{}'),
      login('Content-Length: 2\r\nTransfer-Encoding: chunked\r\n', '{}'),
      login('Transfer-Encoding: chunked\r\n', 'zz\r\nnope\r\n'),
      login('Content-Length: 40\r\n', '{"login":'), // fewer bytes than announced: the socket just goes quiet
      login('Content-Length: 15\r\n', '{"login": nope}'),
    ]) {
      expect(statusOf(await raw(request)), request.slice(0, 120)).not.toBe(500);
    }
    expect(logged.mock.calls.flat().map(String).join('\n')).not.toMatch(/aborted|ECONNRESET/);
    logged.mockRestore();
    await expectAlive();
  });

  it('answers invalid HTTP with a 4xx or silence, never a crash', async () => {
    for (const request of [
      'GARBAGE\r\n\r\n',
      'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
      `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      'GET / HTTP/1.1\nHost: x\n\n',
      'GET\0/ HTTP/1.1\r\n\r\n',
      '\r\n\r\n\r\n',
      randomBytes(4096),
      Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01]), // a TLS ClientHello on the plain port
    ]) {
      expect(statusOf(await raw(request))).not.toBe(500);
    }
    await expectAlive();
  });

  it('answers malformed sync upgrades over HTTP, and survives garbage frames on a real socket', async () => {
    expect(statusOf(await raw(upgrade('/sync/%E0%A4%A')))).toBe(400);
    expect(statusOf(await raw(upgrade('/sync/')))).toBe(400);
    expect(statusOf(await raw(upgrade('/sync/%')))).toBe(400);
    expect(statusOf(await raw(upgrade('/nowhere')))).toBe(404);
    expect(statusOf(await raw(upgrade('//[')))).toBeGreaterThanOrEqual(400);
    expect(statusOf(await raw(upgrade('/sync/classes/x/periods/y')))).toBe(401);
    expect(statusOf(await raw(upgrade('/sync/x', 'Origin: https://evil.test\r\n')))).toBe(403);

    // A signed-in teacher on a document of his: first a bad handshake, then a good one followed by garbage.
    const signIn = await fetch(`${server.url.replace('localhost', '127.0.0.1')}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'direction@college.demo', password: DEMO_PASSWORD }),
    });
    const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0]!;
    const classes = (await (
      await fetch(`${server.url.replace('localhost', '127.0.0.1')}/api/classes`, { headers: { cookie } })
    ).json()) as Array<{ id: string; periods: Array<{ id: string }> }>;
    const docPath = `/sync/classes/${classes[0]!.id}/periods/${classes[0]!.periods[0]!.id}`;
    const withCookie = `Cookie: ${cookie}\r\n`;
    expect(statusOf(await raw(upgrade(docPath, withCookie, 'not a key')))).toBe(400);
    expect(statusOf(await raw(upgrade(docPath, withCookie, '')))).toBe(400);

    const frames = [
      Buffer.from([0x82, 0x05, 1, 2, 3, 4, 5]), // unmasked client frame: a protocol error
      Buffer.from([0x8f, 0x80, 0, 0, 0, 0]), // reserved opcode
      Buffer.from([0x82, 0xff, 0x7f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 1, 2, 3, 4]), // 2^63 bytes announced
      Buffer.concat([
        Buffer.from([0x82, 0x84, 9, 9, 9, 9]),
        Buffer.from([0xff ^ 9, 0xff ^ 9, 0xff ^ 9, 0xff ^ 9]),
      ]), // masked junk
      randomBytes(2048),
    ];
    for (const frame of frames) {
      const response = await raw(Buffer.concat([Buffer.from(upgrade(docPath, withCookie)), frame]), 600);
      expect(statusOf(response)).toBe(101);
    }
    await expectAlive();
  });

  it('survives a seeded random mutation of valid requests', async () => {
    let seed = 0x5eed;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const templates = [
      get('/classes/x?y=%20'),
      get('/_app/immutable/app.js', 'Accept-Encoding: br, gzip\r\nRange: bytes=0-3\r\n'),
      get('/api/me', 'Cookie: livret_session=abc\r\n'),
      upgrade('/sync/classes/a/periods/b'),
      'POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 13\r\nConnection: close\r\n\r\n{"login":"a"}',
    ];
    const alphabet = [
      '%',
      '%E0',
      '%2e',
      '..',
      '/',
      '\\',
      '\r\n',
      '\0',
      ':',
      ';',
      '"',
      '\u00ff',
      ' ',
      '%00',
      '=',
      '?',
      '#',
    ];
    for (let round = 0; round < 25; round++) {
      const batch = Array.from({ length: 8 }, () => {
        let request = templates[random(templates.length)]!;
        for (let edits = 1 + random(4); edits > 0; edits--) {
          const at = random(request.length);
          request =
            random(3) === 0
              ? request.slice(0, at) + request.slice(at + 1 + random(3))
              : request.slice(0, at) + alphabet[random(alphabet.length)] + request.slice(at);
        }
        return request;
      });
      const responses = await Promise.all(batch.map((request) => raw(request, 250)));
      for (const [i, response] of responses.entries()) {
        expect(response, JSON.stringify(batch[i])).not.toContain(SECRET);
        expect(statusOf(response), JSON.stringify(batch[i])).not.toBe(500);
      }
    }
    await expectAlive();
  });
});
