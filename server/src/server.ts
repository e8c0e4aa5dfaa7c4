/**
 * One Node HTTP server for everything on the same port, so a browser needs one origin and one cookie: requests go
 * to the Hono app (API and web build, see app.ts), WebSocket upgrades on /sync/ to the y-websocket endpoint.
 */
import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { getRequestListener } from '@hono/node-server';
import { authenticateSync } from './access/sync-session.js';
import { issueSetupCode } from './accounts/setup.js';
import { createApp } from './app.js';
import { startHousekeeping } from './auth/housekeeping.js';
import { type Database, migrate, openDatabase } from './db/client.js';
import type { Services } from './env.js';
import { failInterruptedImports } from './imports/service.js';
import { demoWanted, seedDemoSchool } from './seed/index.js';
import { Rooms } from './sync/rooms.js';
import { compactDocument, postgresUpdateLog } from './sync/update-log.js';
import { attachSyncEndpoint } from './sync/websocket.js';

export interface ServerOptions {
  port: number;
  host?: string;
  /** PostgreSQL URL; without it the embedded PGlite database in `dataDir`. */
  databaseUrl?: string;
  /** The tables' owner, who runs the migrations (default `databaseUrl`); the server runs as `livret_app`. */
  databaseOwnerUrl?: string;
  dataDir?: string;
  /** Folder of the web build (apps/web/build); absent folder = API only. */
  webRoot?: string;
  /** Behind a TLS reverse proxy: trust its X-Forwarded-For and X-Forwarded-Proto (see http/client.ts). */
  trustProxy?: boolean;
  /** Seed the demo school; by default only on the embedded PGlite or with LIVRET_DEMO=1 (seed/index.ts). */
  seed?: boolean;
  now?: () => Date;
}

export interface RunningServer {
  url: string;
  database: Database;
  services: Services;
  /** True when the database runs the demo school (seeded now or before). */
  demo: boolean;
  /** The one-time code of the first installation, when the database has no account yet (printed by main.ts). */
  setupCode?: string;
  close(): Promise<void>;
}

/** Opens the database, applies the migrations, seeds the demo when empty and wanted, and listens. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const database = await openDatabase({
    url: options.databaseUrl,
    ownerUrl: options.databaseOwnerUrl,
    dataDir: options.dataDir,
  });
  await migrate(database);
  const now = options.now ?? (() => new Date());
  const demo = options.seed ?? demoWanted(database.engine);
  if (demo) await seedDemoSchool(database.db, { now: now() });
  const setupCode = demo ? undefined : await issueSetupCode(database.db, now());
  const housekeeping = await startHousekeeping(database.db, now);
  await failInterruptedImports(database.db, now());

  const rooms = new Rooms({
    log: postgresUpdateLog(database.db),
    compact: async (docName) => {
      await compactDocument(database.db, docName);
    },
    now: () => now().getTime(),
  });
  const services: Services = { database, rooms, now };
  const app = createApp(services, {
    webRoot: options.webRoot && existsSync(options.webRoot) ? options.webRoot : undefined,
    trustProxy: options.trustProxy,
  });
  const server: Server = createServer(getRequestListener(app.fetch));
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
    demo,
    setupCode,
    async close() {
      housekeeping.stop();
      await sync.close();
      rooms.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await database.close();
    },
  };
}
