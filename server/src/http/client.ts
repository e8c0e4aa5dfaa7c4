/**
 * Who is on the other end of a request: the client's address (login rate limit, audit) and whether the request
 * came over TLS (the session cookie's `Secure`, HSTS). Behind a reverse proxy the socket is the proxy's, so with
 * `trustProxy` both come from the headers the proxy sets; without it those headers are ignored, since any client
 * can send them.
 */
import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.js';

export interface Client {
  /** The client's IP address, or 'unknown' (app.request() in tests has no socket). */
  address: string;
  /** True when the browser reached us over HTTPS (directly, or through the trusted proxy). */
  tls: boolean;
}

/** Sets `c.var.client` for the rest of the request. */
export function clientInfo(options: { trustProxy: boolean }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    c.set('client', readClient(c, options.trustProxy));
    await next();
  });
}

/** The request's client, as `clientInfo` read it (without the middleware: the socket alone). */
export function clientOf(c: Context<AppEnv>): Client {
  return c.var.client ?? readClient(c, false);
}

function readClient(c: Context, trustProxy: boolean): Client {
  const socket = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming?.socket;
  // The Node adapter builds the URL's scheme from the socket (https on a TLS socket); the URL may be unparsable.
  const direct: Client = {
    address: socket?.remoteAddress ?? 'unknown',
    tls: c.req.url.startsWith('https:'),
  };
  if (!trustProxy) return direct;
  // The last hop of each header is the one our proxy wrote; earlier ones come from the client.
  const forwardedFor = lastHop(c.req.header('x-forwarded-for'));
  const forwardedProto = lastHop(c.req.header('x-forwarded-proto'))?.toLowerCase();
  return {
    address: forwardedFor || direct.address,
    tls: forwardedProto ? forwardedProto === 'https' : direct.tls,
  };
}

function lastHop(header: string | undefined): string | undefined {
  const hops = header?.split(',');
  return hops?.[hops.length - 1]?.trim() || undefined;
}
