/**
 * The family portal: a family sees only the published, current versions of its own children's bilans.
 * Every query joins through guardian_links for the signed-in account, so an id that belongs to another
 * family is simply not found (the same answer as an id that does not exist).
 */
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { isUuid } from '../access/class-scope.js';
import type { Db } from '../db/client.js';
import {
  auditLog,
  bilanStates,
  bilanVersions,
  guardianLinks,
  periods,
  publications,
  schools,
  schoolYears,
  students,
  visas,
} from '../db/schema.js';
import { AppError, notFound } from '../errors.js';

export interface FamilyBilanSummary {
  versionId: string;
  studentId: string;
  studentName: string;
  schoolName: string;
  periodLabel: string;
  millesime: number;
  version: number;
  publishedAt: string;
  visa: { at: string } | null;
}

/** The family's visible bilans: published, and still the current locked version of their period. */
function visibleBilans(db: Db, accountId: string) {
  return db
    .select({
      version: bilanVersions,
      student: students,
      periodLabel: periods.label,
      millesime: schoolYears.millesime,
      schoolName: schools.name,
      publishedAt: publications.publishedAt,
    })
    .from(bilanVersions)
    .innerJoin(publications, eq(publications.bilanVersionId, bilanVersions.id))
    .innerJoin(
      bilanStates,
      and(
        eq(bilanStates.studentId, bilanVersions.studentId),
        eq(bilanStates.periodId, bilanVersions.periodId),
        eq(bilanStates.currentVersionId, bilanVersions.id),
        eq(bilanStates.status, 'locked'),
      ),
    )
    .innerJoin(
      guardianLinks,
      and(eq(guardianLinks.studentId, bilanVersions.studentId), eq(guardianLinks.accountId, accountId)),
    )
    .innerJoin(students, eq(students.id, bilanVersions.studentId))
    .innerJoin(periods, eq(periods.id, bilanVersions.periodId))
    .innerJoin(schoolYears, eq(schoolYears.id, periods.schoolYearId))
    .innerJoin(schools, eq(schools.id, schoolYears.schoolId));
}

/** Lists the family's bilans, newest first. */
export async function listFamilyBilans(db: Db, actor: Actor): Promise<FamilyBilanSummary[]> {
  const rows = await visibleBilans(db, actor.accountId).orderBy(desc(publications.publishedAt));
  const visaRows = await db
    .select({ bilanVersionId: visas.bilanVersionId, at: visas.at })
    .from(visas)
    .where(eq(visas.accountId, actor.accountId));
  const visaOf = new Map(visaRows.map((v) => [v.bilanVersionId, v.at]));
  return rows.map((r) => ({
    versionId: r.version.id,
    studentId: r.student.id,
    studentName: `${r.student.firstName} ${r.student.lastName.toUpperCase()}`,
    schoolName: r.schoolName,
    periodLabel: r.periodLabel,
    millesime: r.millesime,
    version: r.version.version,
    publishedAt: r.publishedAt.toISOString(),
    visa: visaOf.has(r.version.id) ? { at: visaOf.get(r.version.id)!.toISOString() } : null,
  }));
}

/** One bilan of the family's, with its frozen content. 404 for anything else. */
export async function getFamilyBilan(db: Db, actor: Actor, versionId: string) {
  if (!isUuid(versionId)) throw notFound('Bilan introuvable.');
  const [row] = await visibleBilans(db, actor.accountId).where(eq(bilanVersions.id, versionId));
  if (!row) throw notFound('Bilan introuvable.');
  const [visa] = await db
    .select({ at: visas.at })
    .from(visas)
    .where(and(eq(visas.bilanVersionId, versionId), eq(visas.accountId, actor.accountId)));
  return {
    versionId: row.version.id,
    version: row.version.version,
    content: row.version.content,
    hash: row.version.contentHash,
    frozenAt: row.version.frozenAt.toISOString(),
    visa: visa ? { at: visa.at.toISOString() } : null,
  };
}

/** Acknowledges (vise) a bilan. Idempotent: a second visa keeps the first date. */
export async function acknowledgeBilan(db: Db, actor: Actor, versionId: string, now: Date) {
  await getFamilyBilan(db, actor, versionId); // 404 unless it is this family's and visible
  return db.transaction(async (tx) => {
    // Serialise with unlock, which takes the same row lock before checking for a visa.
    const [version] = await tx.select().from(bilanVersions).where(eq(bilanVersions.id, versionId));
    if (!version?.periodId) throw notFound('Bilan introuvable.');
    const [state] = await tx
      .select()
      .from(bilanStates)
      .where(and(eq(bilanStates.studentId, version.studentId), eq(bilanStates.periodId, version.periodId)))
      .for('update');
    if (state?.currentVersionId !== versionId || state.status !== 'locked') {
      throw new AppError('conflict', 'Ce bilan est en cours de modification par l’établissement.');
    }
    const inserted = await tx
      .insert(visas)
      .values({ bilanVersionId: versionId, accountId: actor.accountId, at: now })
      .onConflictDoNothing()
      .returning({ at: visas.at });
    if (inserted.length > 0) {
      await tx.insert(auditLog).values({
        at: now,
        actorId: actor.accountId,
        action: 'bilan.visa',
        subject: versionId,
        details: { studentId: version.studentId, periodId: version.periodId },
      });
    }
    const [visa] = await tx
      .select({ at: visas.at })
      .from(visas)
      .where(and(eq(visas.bilanVersionId, versionId), eq(visas.accountId, actor.accountId)));
    return { visa: { at: visa!.at.toISOString() } };
  });
}
