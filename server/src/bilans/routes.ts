/**
 * The bilans of a class and period, beside their service: lock, unlock and the preview before a lock. Mounted
 * under /api/classes after the class routes, whose guard (a signed-in staff member) covers every /api/classes
 * address: the same addresses as the workspace they act on, checked once per request.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../env.js';
import { input } from '../http/validate.js';
import { lockStudents, unlockStudent } from './lock.js';
import { previewBilan, previewBilanPdf } from './preview.js';

const LockBody = z.object({ studentIds: z.array(z.string()).min(1).max(2000) });
const UnlockBody = z.object({ reason: z.string().trim().min(3).max(1000) });

export const bilanRoutes = new Hono<AppEnv>()
  .post(
    '/:classId/periods/:periodId/lock',
    input('json', LockBody, 'Indiquez les élèves à verrouiller.'),
    async (c) => {
      const { classId, periodId } = c.req.param();
      return c.json(
        await lockStudents(c.var.services, c.var.actor, { classId, periodId, ...c.req.valid('json') }),
      );
    },
  )
  // A preview is the live state of the moment: never kept by a browser or a proxy.
  .get('/:classId/periods/:periodId/students/:studentId/preview', async (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json(await previewBilan(c.var.services, c.var.actor, c.req.param()));
  })
  .get('/:classId/periods/:periodId/students/:studentId/preview/pdf', async (c) => {
    const pdf = await previewBilanPdf(c.var.services, c.var.actor, c.req.param());
    return c.body(new Uint8Array(pdf.bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `inline; filename="${pdf.fileName}"`,
      'Cache-Control': 'no-store',
    });
  })
  .post(
    '/:classId/periods/:periodId/students/:studentId/unlock',
    input('json', UnlockBody, 'Le motif du déverrouillage est obligatoire.'),
    async (c) => {
      const { classId, periodId, studentId } = c.req.param();
      const unlock = { classId, periodId, studentId, ...c.req.valid('json') };
      return c.json(await unlockStudent(c.var.services, c.var.actor, unlock));
    },
  );
