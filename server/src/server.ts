/**
 * One Node HTTP server for everything: the API (Hono), the web app (static SvelteKit build, SPA fallback)
 * and the y-websocket endpoint on the same port, so a browser needs one origin and one cookie.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app.js';
import { authenticateSync } from './classes/sync-session.js';
import { type Database, migrate, openDatabase } from './db/client.js';
import type { Services } from './env.js';
import { failInterruptedImports } from './imports/service.js';
import { seedDemoSchool } from './seed/index.js';
import { Rooms } from './sync/rooms.js';
import { compactDocument, postgresUpdateLog } from './sync/update-log.js';
import { attachSyncEndpoint } from './sync/websocket.js';

export interface ServerOptions {
  port: number;
  host?: string;
  /** PostgreSQL URL; without it the embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  dataDir?: string;
  /** Folder of the web build (apps/web/build); absent folder = API only. */
  webRoot?: string;
  seed?: boolean;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  database: Database;
  services: Services;
  close(): Promise<void>;
}

/** Opens the database, applies the migrations, seeds the demo when empty, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const database = await openDatabase({ url: options.databaseUrl, dataDir: options.dataDir });
  await migrate(database);
  const now = options.now ?? (() => new Date());
  if (options.seed !== false) await seedDemoSchool(database.db, { now: now() });
  await failInterruptedImports(database.db, now());

  const rooms = new Rooms({
    log: postgresUpdateLog(database.db),
    compact: async (docName) => {
      await compactDocument(database.db, docName);
    },
  });
  const services: Services = { database, rooms, now };
  const app = createApp(services);
  const api = getRequestListener(app.fetch);
  const web = options.webRoot && existsSync(options.webRoot) ? staticSite(options.webRoot) : undefined;

  const server: Server = createServer((req, res) => {
    const path = req.url ?? '/';
    if (path.startsWith('/api/') || path === '/api' || !web) return api(req, res);
    return web(req, res);
  });
  const sync = attachSyncEndpoint(server, {
    rooms,
    authenticate: (request, docName) => authenticateSync(services, request, docName),
  });
  await new Promise<void>((done) => server.listen(options.port, options.host ?? '0.0.0.0', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    database,
    services,
    async close() {
      await sync.close();
      rooms.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await database.close();
    },
  };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

/** Serves the SPA: files as they are, anything else falls back to index.html (client-side routing). */
function staticSite(root: string) {
  const base = resolve(root);
  return async (req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const wanted = normalize(join(base, decodeURIComponent(url.pathname)));
    const inside = wanted.startsWith(base);
    let file = inside && existsSync(wanted) && extname(wanted) ? wanted : join(base, 'index.html');
    if (!existsSync(file)) file = join(base, 'index.html');
    try {
      const body = await readFile(file);
      const immutable = file.includes(`${join(base, '_app', 'immutable')}`);
      res.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  };
}
