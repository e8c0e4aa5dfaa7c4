/** /api/audit: the school's journal (direction only). */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireActor, requireDirection } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { input } from '../http/validate.js';
import { readJournal } from './journal.js';
import { AUDIT_KINDS, type AuditKind } from './record.js';

const JournalQuery = z.object({
  kind: z.enum(Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]]).optional(),
  /** «Who saw this minor's record?»: the entries about one student. */
  studentId: z.string().uuid().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const auditRoutes = new Hono<AppEnv>()
  .use(requireActor, requireDirection)
  .get('/', input('query', JournalQuery, 'Filtre du journal inconnu.'), async (c) =>
    c.json(await readJournal(c.var.services.database.db, c.var.actor, c.req.valid('query'))),
  );
