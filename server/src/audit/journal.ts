/** The journal of a school, as its direction reads it: newest first, by pages, filtered by kind. */
import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { directionSchoolOf } from '../accounts/service.js';
import type { Db } from '../db/client.js';
import { accounts, auditLog, students } from '../db/schema.js';
import { AUDIT_KINDS, type AuditKind } from './record.js';

export const JOURNAL_PAGE = 50;

export interface JournalEntry {
  id: number;
  at: string;
  action: string;
  subject: string;
  details: Record<string, unknown>;
  actor: { id: string; login: string; firstName: string; lastName: string } | null;
  student: { id: string; firstName: string; lastName: string } | null;
}

export interface JournalPage {
  entries: JournalEntry[];
  /** Pass as `before` for the next (older) page; null on the last one. */
  next: number | null;
}

/** One page of the actor's school's journal, older than `before` (an entry id) when given, of one kind or student. */
export async function readJournal(
  db: Db,
  actor: Actor,
  query: { kind?: AuditKind; studentId?: string; before?: number; limit?: number },
): Promise<JournalPage> {
  const schoolId = directionSchoolOf(actor);
  const limit = Math.min(query.limit ?? JOURNAL_PAGE, 200);
  const rows = await db
    .select({
      entry: auditLog,
      actor: {
        id: accounts.id,
        login: accounts.login,
        firstName: accounts.firstName,
        lastName: accounts.lastName,
      },
    })
    .from(auditLog)
    .leftJoin(accounts, eq(accounts.id, auditLog.actorId))
    .where(
      and(
        eq(auditLog.schoolId, schoolId),
        query.kind ? inArray(auditLog.action, [...AUDIT_KINDS[query.kind]]) : undefined,
        query.studentId ? sql`${auditLog.details}->>'studentId' = ${query.studentId}` : undefined,
        query.before ? lt(auditLog.id, query.before) : undefined,
      ),
    )
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const studentIds = [
    ...new Set(page.map((r) => (r.entry.details as { studentId?: unknown }).studentId).filter(isString)),
  ];
  const named = studentIds.length
    ? await db
        .select({ id: students.id, firstName: students.firstName, lastName: students.lastName })
        .from(students)
        .where(and(inArray(students.id, studentIds), eq(students.schoolId, schoolId)))
    : [];
  const studentOf = new Map(named.map((s) => [s.id, s]));
  return {
    entries: page.map(({ entry, actor: who }) => {
      const details = entry.details as Record<string, unknown>;
      return {
        id: entry.id,
        at: entry.at.toISOString(),
        action: entry.action,
        subject: entry.subject,
        details,
        actor: who?.id ? who : null,
        student: isString(details.studentId) ? (studentOf.get(details.studentId) ?? null) : null,
      };
    }),
    next: rows.length > limit ? (page.at(-1)?.entry.id ?? null) : null,
  };
}

function isString(value: unknown): value is string {
  return typeof value === 'string';
}
