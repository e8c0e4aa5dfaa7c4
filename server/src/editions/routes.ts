/** /api/editions: PDF éditions of the locked bilans (direction only). */
import { Hono } from 'hono';
import { requireActor, requireStaff } from '../auth/middleware.js';
import { renderBilanPdf } from '../bilans/pdf.js';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';
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
  .post('/', async (c) => {
    const input = StartEditionSchema.safeParse(await c.req.json().catch(() => null));
    if (!input.success)
      throw new AppError('invalid', 'Choisissez une classe, une période et un format (PDF ou zip).');
    const { id } = await startEdition(c.var.services, c.var.actor, input.data);
    return c.json({ id }, 202);
  })
  .get('/:id', async (c) => c.json(await getEdition(c.var.services, c.var.actor, c.req.param('id'))))
  .post('/:id/cancel', async (c) =>
    c.json(await cancelEdition(c.var.services, c.var.actor, c.req.param('id'))),
  )
  .get('/:id/file', async (c) => {
    const file = await editionFile(c.var.services, c.var.actor, c.req.param('id'));
    return c.body(new Uint8Array(file.bytes), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': attachment(file.fileName),
    });
  })
  .get('/students/:studentId/periods/:periodId/pdf', async (c) => {
    const { studentId, periodId } = c.req.param();
    const { content, hash } = await lockedVersionToPrint(c.var.services, c.var.actor, studentId, periodId);
    const pdf = await renderBilanPdf(content, { hash });
    return c.body(new Uint8Array(pdf.bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(pdf.fileName),
    });
  })
  .get('/versions/:versionId/pdf', async (c) => {
    const { content, hash } = await versionToPrint(c.var.services, c.var.actor, c.req.param('versionId'));
    const pdf = await renderBilanPdf(content, { hash });
    return c.body(new Uint8Array(pdf.bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': attachment(pdf.fileName),
    });
  });
