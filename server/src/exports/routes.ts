/** /api/exports: the locked bilans as an LSU file (direction only). */
import { Hono } from 'hono';
import { requireActor, requireStaff } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { exportLsu } from './service.js';

export const exportRoutes = new Hono<AppEnv>().use(requireActor, requireStaff).get('/lsu', async (c) => {
  const { xml, fileName, warnings } = await exportLsu(c.var.services, c.var.actor, {
    classId: c.req.query('classId') || undefined,
    periodId: c.req.query('periodId') || undefined,
  });
  return c.body(xml, 200, {
    'Content-Type': 'application/xml; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    // Bilans left out (and why), for the UI to show; URI-encoded because headers are Latin-1.
    'X-Export-Warnings': encodeURIComponent(JSON.stringify(warnings)),
  });
});
