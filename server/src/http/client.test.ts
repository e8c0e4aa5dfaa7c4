import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from '../env.js';
import { clientInfo, clientOf } from './client.js';

/** A tiny app answering with what `clientOf` sees, on a fake socket from 10.0.0.9 (the proxy, when there is one). */
function probe(trustProxy: boolean) {
  const app = new Hono<AppEnv>().use(clientInfo({ trustProxy })).get('/', (c) => c.json(clientOf(c)));
  return async (headers: Record<string, string> = {}, url = 'http://livret.test/') => {
    const response = await app.request(
      url,
      { headers },
      { incoming: { socket: { remoteAddress: '10.0.0.9' } } },
    );
    return response.json();
  };
}

describe('clientOf', () => {
  it('ignores forwarding headers unless the proxy is trusted', async () => {
    const direct = probe(false);
    expect(await direct({ 'x-forwarded-for': '203.0.113.7', 'x-forwarded-proto': 'https' })).toEqual({
      address: '10.0.0.9',
      tls: false,
    });
    expect(await direct({}, 'https://livret.test/')).toEqual({ address: '10.0.0.9', tls: true });
  });

  it('behind a trusted proxy, takes the last hop of X-Forwarded-For and X-Forwarded-Proto', async () => {
    const proxied = probe(true);
    // A client can prepend whatever it likes; the last entry is the one our proxy appended.
    expect(
      await proxied({ 'x-forwarded-for': '198.51.100.1, 203.0.113.7', 'x-forwarded-proto': 'http, HTTPS' }),
    ).toEqual({ address: '203.0.113.7', tls: true });
    expect(await proxied({ 'x-forwarded-proto': 'http' })).toEqual({ address: '10.0.0.9', tls: false });
    expect(await proxied({ 'x-forwarded-for': ' , ' })).toEqual({ address: '10.0.0.9', tls: false });
  });

  it('says unknown when there is no socket (app.request in tests)', async () => {
    const app = new Hono<AppEnv>().get('/', (c) => c.json(clientOf(c)));
    expect(await (await app.request('/')).json()).toEqual({ address: 'unknown', tls: false });
  });
});
