/** /api/exports: the locked bilans as an LSU file (direction only). */
import { Hono } from 'hono';
import { z } from 'zod';
import { directionSchoolOf } from '../accounts/service.js';
import { recordAudit } from '../audit/record.js';
import { requireActor, requireStaff } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { input } from '../http/validate.js';
import { exportLsu } from './service.js';

/** `?classId&periodId`: both, one, or neither (the whole school); an empty value means absent. */
const ExportQuery = z.object({
  classId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
  periodId: z
    .string()
    .max(64)
    .optional()
    .transform((v) => v || undefined),
});

export const exportRoutes = new Hono<AppEnv>()
  .use(requireActor, requireStaff)
  .get('/lsu', input('query', ExportQuery, 'Classe ou période non valide.'), async (c) => {
    const scope = c.req.valid('query');
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
