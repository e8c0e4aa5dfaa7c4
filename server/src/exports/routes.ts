/** /api/exports: the locked bilans as an LSU file (direction only). */
import { Hono } from 'hono';
import { directionSchoolOf } from '../accounts/service.js';
import { recordAudit } from '../audit/record.js';
import { requireActor, requireStaff } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { exportLsu } from './service.js';

export const exportRoutes = new Hono<AppEnv>().use(requireActor, requireStaff).get('/lsu', async (c) => {
  const scope = {
    classId: c.req.query('classId') || undefined,
    periodId: c.req.query('periodId') || undefined,
  };
  const { xml, fileName, warnings } = await exportLsu(c.var.services, c.var.actor, scope);
  const { database, now } = c.var.services;
  await recordAudit(database.db, now(), {
    action: 'export.lsu',
    actorId: c.var.actor.accountId,
    subject: fileName,
    schoolId: directionSchoolOf(c.var.actor),
    details: { ...scope, fileName, leftOut: warnings.length },
  });
  return c.body(xml, 200, {
    'Content-Type': 'application/xml; charset=utf-8',
    'Content-Disposition': `attachment; filename="${fileName}"`,
    // Bilans left out (and why), for the UI to show; URI-encoded because headers are Latin-1.
    'X-Export-Warnings': encodeURIComponent(JSON.stringify(warnings)),
  });
});
