/**
 * The family portal: a family sees only the published, current versions of its own children's bilans.
 * Every query joins through guardian_links for the signed-in account, so an id that belongs to another
 * family is simply not found (the same answer as an id that does not exist).
 */
import { personName } from '@livret/domain';
import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { isUuid } from '../access/class-scope.js';
import { type BilanKey, chainHashOf, contentHashOf, stateOf } from '../bilans/versions.js';
import type { Db } from '../db/client.js';
import {
  auditLog,
  bilanStates,
  bilanVersions,
  classes,
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
  kind: 'periodique' | 'fin-de-cycle';
  /** The period's label, or «Bilan de fin de cycle N». */
  periodLabel: string;
  millesime: number;
  version: number;
  publishedAt: string;
  visa: { at: string } | null;
}

/**
 * The family's visible bilans: published, and still the current locked version of their bilan (of a period,
 * or the bilan de fin de cycle, which has none).
 */
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
      and(eq(bilanStates.currentVersionId, bilanVersions.id), eq(bilanStates.status, 'locked')),
    )
    .innerJoin(
      guardianLinks,
      and(eq(guardianLinks.studentId, bilanVersions.studentId), eq(guardianLinks.accountId, accountId)),
    )
    .innerJoin(students, eq(students.id, bilanVersions.studentId))
    .leftJoin(periods, eq(periods.id, bilanVersions.periodId))
    .innerJoin(classes, eq(classes.id, bilanVersions.classId))
    .innerJoin(schoolYears, eq(schoolYears.id, classes.schoolYearId))
    .innerJoin(schools, eq(schools.id, schoolYears.schoolId));
}

const labelOf = (r: { periodLabel: string | null; version: { content: unknown } }) =>
  r.periodLabel ?? `Bilan de fin de cycle ${(r.version.content as { cycle?: number }).cycle ?? ''}`.trim();

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
    studentName: personName(r.student),
    schoolName: r.schoolName,
    kind: r.version.kind as FamilyBilanSummary['kind'],
    periodLabel: labelOf(r),
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
  await requireIntact(db, row.version);
  const [visa] = await db
    .select({ at: visas.at })
    .from(visas)
    .where(and(eq(visas.bilanVersionId, versionId), eq(visas.accountId, actor.accountId)));
  return {
    versionId: row.version.id,
    kind: row.version.kind as FamilyBilanSummary['kind'],
    periodLabel: labelOf(row),
    version: row.version.version,
    content: row.version.content,
    hash: row.version.contentHash,
    frozenAt: row.version.frozenAt.toISOString(),
    visa: visa ? { at: visa.at.toISOString() } : null,
  };
}

/**
 * Serves a frozen version only if it is what was frozen: its content still has its hash, and its link in the
 * bilan's chain still follows the version before. Anything else was written around the application (the
 * database refuses it to the server), so it is logged for the operators and not shown.
 */
async function requireIntact(db: Db, version: typeof bilanVersions.$inferSelect): Promise<void> {
  const contentHash = contentHashOf(version.content);
  let intact =
    contentHash === version.contentHash &&
    chainHashOf(contentHash, version.previousHash) === version.chainHash;
  if (intact && version.version > 1) {
    const [previous] = await db
      .select({ chainHash: bilanVersions.chainHash })
      .from(bilanVersions)
      .where(
        and(
          eq(bilanVersions.studentId, version.studentId),
          version.periodId === null
            ? isNull(bilanVersions.periodId)
            : eq(bilanVersions.periodId, version.periodId),
          eq(bilanVersions.kind, version.kind),
          eq(bilanVersions.version, version.version - 1),
        ),
      );
    intact = previous?.chainHash === version.previousHash;
  }
  if (!intact) {
    console.error(
      `livret: integrity check failed for bilan version ${version.id} (student ${version.studentId}, version ${version.version}): not served; run the verify command`,
    );
    throw new AppError(
      'integrity',
      'Ce bilan ne peut pas être affiché : son intégrité n’a pas pu être vérifiée.',
    );
  }
}

/** Acknowledges (vise) a bilan. Idempotent: a second visa keeps the first date. */
export async function acknowledgeBilan(db: Db, actor: Actor, versionId: string, now: Date) {
  await getFamilyBilan(db, actor, versionId); // 404 unless it is this family's and visible
  return db.transaction(async (tx) => {
    // Serialise with unlock, which takes the same row lock before checking for a visa.
    const [version] = await tx.select().from(bilanVersions).where(eq(bilanVersions.id, versionId));
    if (!version) throw notFound('Bilan introuvable.');
    const [state] = await tx
      .select()
      .from(bilanStates)
      .where(stateOf(version as BilanKey))
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
