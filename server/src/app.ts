/**
 * The HTTP application: mounts each capability's sub-app under /api. Tests call `createApp(services)
 * .request(...)` with no port; main.ts serves it together with the web build and the sync endpoint.
 */
import { Hono } from 'hono';
import { authRoutes, meRoutes } from './auth/routes.js';
import { classRoutes } from './classes/routes.js';
import { editionRoutes } from './editions/routes.js';
import type { AppEnv, Services } from './env.js';
import { onError } from './errors.js';
import { exportRoutes } from './exports/routes.js';
import { familyRoutes } from './family/routes.js';
import { importRoutes } from './imports/routes.js';

/** Builds the API with its services (database, rooms, clock). */
export function createApp(services: Services) {
  const api = new Hono<AppEnv>()
    .get('/health', (c) => c.json({ status: 'ok', engine: services.database.engine }))
    .route('/auth', authRoutes)
    .route('/me', meRoutes)
    .route('/classes', classRoutes)
    .route('/family', familyRoutes)
    .route('/imports', importRoutes)
    .route('/exports', exportRoutes)
    .route('/editions', editionRoutes);

  return new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('services', services);
      await next();
    })
    .route('/api', api)
    .onError(onError);
}

/** The API's type, for the typed client (`hc<AppType>`) of the web app and the e2e suite. */
export type AppType = ReturnType<typeof createApp>;
