/** /api/imports: LSU imports (menu Bilans > Import), direction only. */
import { Hono } from 'hono';
import { requireActor, requireStaff } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';
import { ImportModeSchema } from './schemas.js';
import { getImport, listImports, startImport } from './service.js';

export const importRoutes = new Hono<AppEnv>()
  .use(requireActor, requireStaff)
  .get('/', async (c) => c.json(await listImports(c.var.services, c.var.actor)))
  .get('/:id', async (c) => c.json(await getImport(c.var.services, c.var.actor, c.req.param('id'))))
  .post('/', async (c) => {
    const body = await c.req.parseBody();
    const mode = ImportModeSchema.safeParse(body.mode);
    if (!mode.success)
      throw new AppError('invalid', 'Choisissez le mode d’import : Sconet-Notes ou Éditeurs.');
    if (!(body.file instanceof File)) throw new AppError('invalid', 'Joignez un fichier XML au format LSU.');
    const bytes = new Uint8Array(await body.file.arrayBuffer());
    const { id } = await startImport(c.var.services, c.var.actor, {
      fileName: body.file.name,
      mode: mode.data,
      bytes,
    });
    return c.json({ id }, 202);
  });
