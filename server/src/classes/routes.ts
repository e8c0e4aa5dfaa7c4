/** /api/classes: my classes and the live workspace of a class and period (its bilans: bilans/routes.ts). */
import { Hono } from 'hono';
import { requireActor, requireStaff } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { listClasses, loadWorkspace } from './service.js';

export const classRoutes = new Hono<AppEnv>()
  .use(requireActor, requireStaff)
  .get('/', async (c) => c.json(await listClasses(c.var.services.database.db, c.var.actor)))
  .get('/:classId/periods/:periodId/workspace', async (c) => {
    const { classId, periodId } = c.req.param();
    return c.json(await loadWorkspace(c.var.services, c.var.actor, classId, periodId));
  });
