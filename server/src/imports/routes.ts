/** /api/imports: LSU imports (menu Bilans > Import), direction only. */
import { DEFAULT_MAX_BYTES } from '@livret/lsu-xml';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { requireActor, requireStaff } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';
import { limitBody } from '../http/body-limit.js';
import { ImportModeSchema } from './schemas.js';
import { directedSchoolId, getImport, listImports, startImport } from './service.js';

/** Only the direction may upload: checked before a byte of the (up to 50 Mo) body is read. */
const requireDirection = createMiddleware<AppEnv>(async (c, next) => {
  directedSchoolId(c.var.actor);
  await next();
});

export const importRoutes = new Hono<AppEnv>()
  .use(requireActor, requireStaff)
  .get('/', async (c) => c.json(await listImports(c.var.services, c.var.actor)))
  .get('/:id', async (c) => c.json(await getImport(c.var.services, c.var.actor, c.req.param('id'))))
  .post(
    '/',
    requireDirection,
    // The file's own limit, plus room for the form around it: a larger upload is refused before it is read.
    limitBody(
      DEFAULT_MAX_BYTES + 64 * 1024,
      `Le fichier est trop volumineux (${DEFAULT_MAX_BYTES / 1048576} Mo au plus).`,
    ),
    async (c) => {
      const body = await c.req.parseBody();
      const mode = ImportModeSchema.safeParse(body.mode);
      if (!mode.success)
        throw new AppError('invalid', 'Choisissez le mode d’import : Sconet-Notes ou Éditeurs.');
      if (!(body.file instanceof File))
        throw new AppError('invalid', 'Joignez un fichier XML au format LSU.');
      const bytes = new Uint8Array(await body.file.arrayBuffer());
      const { id } = await startImport(c.var.services, c.var.actor, {
        fileName: body.file.name,
        mode: mode.data,
        bytes,
      });
      return c.json({ id }, 202);
    },
  );
