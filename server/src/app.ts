/**
 * The HTTP application, one request pipeline for everything: security headers and the client's identity on every
 * response, then for /api no caching, the same-origin check and body limits before the capabilities' sub-apps,
 * and otherwise the web build with its SPA fallback. Tests call `createApp(services).request(...)` with no port;
 * server.ts serves it beside the sync endpoint.
 */
import { Hono } from 'hono';
import { accountRoutes, setupRoutes } from './accounts/routes.js';
import { auditRoutes } from './audit/routes.js';
import { authRoutes, meRoutes } from './auth/routes.js';
import { bilanRoutes } from './bilans/routes.js';
import { classRoutes } from './classes/routes.js';
import { editionRoutes } from './editions/routes.js';
import type { AppEnv, Services } from './env.js';
import { notFound, onError } from './errors.js';
import { exportRoutes } from './exports/routes.js';
import { familyRoutes } from './family/routes.js';
import { apiBodyLimit } from './http/body-limit.js';
import { clientInfo } from './http/client.js';
import { healthRoutes } from './http/health.js';
import { noStore, sameOrigin, securityHeaders, wellFormedUrl } from './http/security.js';
import { siteCsp, staticSite } from './http/static-site.js';
import { importRoutes } from './imports/routes.js';

export interface AppOptions {
  /** Folder of the web build (apps/web/build); without it, the API only. */
  webRoot?: string;
  /** Behind a reverse proxy: take the client's address and protocol from X-Forwarded-For / -Proto. */
  trustProxy?: boolean;
  /** How long /api/health waits for the database. */
  healthTimeoutMs?: number;
}

/** Uploads set their own body limit after checking who sends them (imports/routes.ts). */
const UPLOADS = ['POST /api/imports'];

/** Builds the application with its services (database, rooms, clock). */
export function createApp(services: Services, options: AppOptions = {}) {
  const api = new Hono<AppEnv>()
    .route('/health', healthRoutes(options.healthTimeoutMs))
    .route('/auth', authRoutes)
    .route('/me', meRoutes)
    .route('/classes', classRoutes) // its guard covers the bilan routes mounted after it
    .route('/classes', bilanRoutes)
    .route('/family', familyRoutes)
    .route('/imports', importRoutes)
    .route('/exports', exportRoutes)
    .route('/editions', editionRoutes)
    .route('/accounts', accountRoutes)
    .route('/setup', setupRoutes)
    .route('/audit', auditRoutes);

  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('services', services);
      await next();
    })
    .use(clientInfo({ trustProxy: options.trustProxy ?? false }))
    .use(securityHeaders({ contentSecurityPolicy: siteCsp(options.webRoot) }), wellFormedUrl)
    .use('/api/*', noStore, sameOrigin, apiBodyLimit(UPLOADS))
    .route('/api', api)
    .onError(onError);
  // Registered after the typed routes, so `AppType` only describes the API.
  app.all('/api/*', () => {
    throw notFound('Adresse inconnue.');
  });
  if (options.webRoot) app.use(staticSite(options.webRoot));
  return app;
}

/** The API's type, for the typed client (`hc<AppType>`) of the web app and the e2e suite. */
export type AppType = ReturnType<typeof createApp>;
