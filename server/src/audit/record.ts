/**
 * The audit log's one writer: who did what, when, in which school. Entries are append-only in the database
 * (migration `append_only`); an entry about a student also lands in its school's journal by itself (trigger
 * `audit_log_school`), which is how the RGPD question «who saw this minor's record?» gets its answer.
 */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog, bilanVersions, guardianLinks, staffRoles, students } from '../db/schema.js';

/** Every action the log knows, by kind (the journal's filter). */
export const AUDIT_KINDS = {
  connexion: ['auth.sign-in', 'auth.sign-in-failed'],
  compte: ['account.password-change', 'account.password-reset', 'setup.install'],
  consultation: ['bilan.view', 'bilan.pdf', 'edition.download'],
  edition: ['edition.create'],
  export: ['export.lsu'],
  bilan: ['bilan.lock', 'bilan.unlock', 'bilan.visa', 'bilan.import-editeurs'],
} as const;

export type AuditKind = keyof typeof AUDIT_KINDS;
export type AuditAction = (typeof AUDIT_KINDS)[AuditKind][number];

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface AuditEntry {
  action: AuditAction;
  /** The thing acted on: an account, a bilan version, an édition… (its id), or a login for a failed sign-in. */
  subject: string;
  actorId?: string | null;
  /** Omit for an entry about a student (`details.studentId`): the database finds its school. */
  schoolId?: string | null;
  details?: Record<string, unknown>;
}

/** Appends one entry. */
export async function recordAudit(db: Db | Tx, at: Date, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    at,
    action: entry.action,
    subject: entry.subject,
    actorId: entry.actorId ?? null,
    schoolId: entry.schoolId ?? null,
    details: entry.details ?? {},
  });
}

/** Appends the entry once in the journal of each school of an account (staff roles, or its children's schools). */
export async function recordAuditForAccount(
  db: Db | Tx,
  at: Date,
  accountId: string,
  entry: Omit<AuditEntry, 'schoolId'>,
): Promise<void> {
  const schools = await schoolsOfAccount(db, accountId);
  // An account in no school yet still leaves its trace (readable in the database).
  for (const schoolId of schools.length > 0 ? schools : [null])
    await recordAudit(db, at, { ...entry, schoolId });
}

/** Appends an entry about a frozen bilan version (its student, so its school, comes from the version). */
export async function recordBilanAudit(
  db: Db,
  at: Date,
  entry: Omit<AuditEntry, 'subject' | 'schoolId'> & { versionId: string },
): Promise<void> {
  const [version] = await db
    .select({ studentId: bilanVersions.studentId, periodId: bilanVersions.periodId })
    .from(bilanVersions)
    .where(eq(bilanVersions.id, entry.versionId));
  await recordAudit(db, at, {
    action: entry.action,
    actorId: entry.actorId,
    subject: entry.versionId,
    details: { ...version, ...entry.details },
  });
}

/** The schools an account belongs to: where it has a staff role, or where its children are enrolled. */
export async function schoolsOfAccount(db: Db | Tx, accountId: string): Promise<string[]> {
  const staff = await db
    .selectDistinct({ schoolId: staffRoles.schoolId })
    .from(staffRoles)
    .where(eq(staffRoles.accountId, accountId));
  const family = await db
    .selectDistinct({ schoolId: students.schoolId })
    .from(guardianLinks)
    .innerJoin(students, eq(students.id, guardianLinks.studentId))
    .where(eq(guardianLinks.accountId, accountId));
  return [...new Set([...staff, ...family].map((r) => r.schoolId))];
}
