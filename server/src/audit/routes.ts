/** /api/audit: the school's journal (direction only). */
import { Hono } from 'hono';
import { z } from 'zod';
import { requireActor, requireDirection } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { AppError } from '../errors.js';
import { readJournal } from './journal.js';
import { AUDIT_KINDS, type AuditKind } from './record.js';

const JournalQuery = z.object({
  kind: z.enum(Object.keys(AUDIT_KINDS) as [AuditKind, ...AuditKind[]]).optional(),
  /** «Who saw this minor's record?»: the entries about one student. */
  studentId: z.string().uuid().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

export const auditRoutes = new Hono<AppEnv>().use(requireActor, requireDirection).get('/', async (c) => {
  const query = JournalQuery.safeParse(c.req.query());
  if (!query.success) throw new AppError('invalid', 'Filtre du journal inconnu.');
  return c.json(await readJournal(c.var.services.database.db, c.var.actor, query.data));
});
