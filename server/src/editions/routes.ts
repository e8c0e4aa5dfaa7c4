/** /api/editions: PDF éditions of the locked bilans (direction only). */
import { Hono } from 'hono';
import { directionSchoolOf } from '../accounts/service.js';
import { recordAudit, recordBilanAudit } from '../audit/record.js';
import { requireActor, requireStaff } from '../auth/middleware.js';
import { renderBilanPdf } from '../bilans/pdf.js';
import type { AppEnv } from '../env.js';
import { input } from '../http/validate.js';
import { StartEditionSchema } from './schemas.js';
import {
  cancelEdition,
  editionFile,
  getEdition,
  listEditions,
  lockedVersionToPrint,
  startEdition,
  versionToPrint,
} from './service.js';

const attachment = (fileName: string) => `attachment; filename="${fileName}"`;

export const editionRoutes = new Hono<AppEnv>()
  .use(requireActor, requireStaff)
  .get('/', async (c) => c.json(await listEditions(c.var.services, c.var.actor)))
  .post(
    '/',
    input('json', StartEditionSchema, 'Choisissez une classe, une période et un format (PDF ou zip).'),
    async (c) => {
      const body = c.req.valid('json');
      const { id } = await startEdition(c.var.services, c.var.actor, body);
      await recordAudit(c.var.services.database.db, c.var.services.now(), {
        action: 'edition.create',
        actorId: c.var.actor.accountId,
        subject: id,
        schoolId: directionSchoolOf(c.var.actor),
        details: { ...body },
      });
      return c.json({ id }, 202);
    },
  )
  .get('/:id', async (c) => c.json(await getEdition(c.var.services, c.var.actor, c.req.param('id'))))
  .post('/:id/cancel', async (c) =>
    c.json(await cancelEdition(c.var.services, c.var.actor, c.req.param('id'))),
  )
  .get('/:id/file', async (c) => {
    const file = await editionFile(c.var.services, c.var.actor, c.req.param('id'));
    await recordAudit(c.var.services.database.db, c.var.services.now(), {
      action: 'edition.download',
      actorId: c.var.actor.accountId,
      subject: c.req.param('id'),
      schoolId: directionSchoolOf(c.var.actor),
      details: { fileName: file.fileName },
    });
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': attachment(file.fileName),
    });
  })
  .get('/students/:studentId/periods/:periodId/pdf', async (c) => {
    const { studentId, periodId } = c.req.param();
    const { content, hash } = await lockedVersionToPrint(c.var.services, c.var.actor, studentId, periodId);
    const pdf = await renderBilanPdf(content, { hash });
    await recordAudit(c.var.services.database.db, c.var.services.now(), {
      action: 'bilan.pdf',
      actorId: c.var.actor.accountId,
      subject: studentId,
      details: { studentId, periodId, hash, portal: 'direction' },
    });
    return c.body(new Uint8Array(pdf.bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(pdf.fileName),
    });
  })
  .get('/versions/:versionId/pdf', async (c) => {
    const { content, hash } = await versionToPrint(c.var.services, c.var.actor, c.req.param('versionId'));
    const pdf = await renderBilanPdf(content, { hash });
    await recordBilanAudit(c.var.services.database.db, c.var.services.now(), {
      action: 'bilan.pdf',
      actorId: c.var.actor.accountId,
      versionId: c.req.param('versionId'),
      details: { portal: 'direction' },
    });
    return c.body(new Uint8Array(pdf.bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(pdf.fileName),
    });
  });
