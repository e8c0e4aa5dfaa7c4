/** /api/family: the portal of the families (published bilans, PDF, visa). */
import { Hono } from 'hono';
import { recordBilanAudit } from '../audit/record.js';
import { requireActor, requireFamily } from '../auth/middleware.js';
import { renderBilanPdf } from '../bilans/pdf.js';
import type { AppEnv } from '../env.js';
import { acknowledgeBilan, getFamilyBilan, listFamilyBilans } from './service.js';

export const familyRoutes = new Hono<AppEnv>()
  .use(requireActor, requireFamily)
  .get('/bilans', async (c) => c.json(await listFamilyBilans(c.var.services.database.db, c.var.actor)))
  .get('/bilans/:versionId', async (c) => {
    const { database, now } = c.var.services;
    const bilan = await getFamilyBilan(database.db, c.var.actor, c.req.param('versionId'));
    // Reading a minor's bilan on screen is seeing it, as much as downloading its PDF (RGPD: who saw it).
    await recordBilanAudit(database.db, now(), {
      action: 'bilan.view',
      actorId: c.var.actor.accountId,
      versionId: bilan.versionId,
      details: { portal: 'famille' },
    });
    return c.json(bilan);
  })
  .get('/bilans/:versionId/pdf', async (c) => {
    const bilan = await getFamilyBilan(c.var.services.database.db, c.var.actor, c.req.param('versionId'));
    const pdf = await renderBilanPdf(bilan.content, { hash: bilan.hash });
    const { database, now } = c.var.services;
    await recordBilanAudit(database.db, now(), {
      action: 'bilan.pdf',
      actorId: c.var.actor.accountId,
      versionId: bilan.versionId,
      details: { portal: 'famille' },
    });
    return c.body(new Uint8Array(pdf.bytes), 200, {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${pdf.fileName}"`,
    });
  })
  .post('/bilans/:versionId/visa', async (c) => {
    const { database, now } = c.var.services;
    return c.json(await acknowledgeBilan(database.db, c.var.actor, c.req.param('versionId'), now()));
  });
