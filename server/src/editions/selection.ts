/**
 * Which bilans an édition prints: the current locked versions of a class and period, of a period for the whole
 * school, or of the whole school's current year with the latest bilan de fin de cycle of each student — in the
 * order of the printed pile (class, student, period, fin de cycle last).
 */
import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { bilanStates, bilanVersions, classes, periods, schools, schoolYears } from '../db/schema.js';
import type { Services } from '../env.js';
import { notFound } from '../errors.js';

/** A stored bilan to print. */
export interface SelectedBilan {
  content: unknown;
  hash: string;
}

/** The bilans of a scope, what the scope is called, and the school. */
export interface Selection {
  school: { id: string; name: string; uai: string };
  classId: string | null;
  periodId: string | null;
  /** «3e A — Trimestre 1», «Trimestre 1 — tout l'établissement», «Tout l'établissement, 2026-2027». */
  label: string;
  bilans: SelectedBilan[];
}

interface SortKey {
  classCode: string;
  lastName: string;
  firstName: string;
  studentId: string;
  order: number;
}

function sortKey(content: unknown, order: number): SortKey {
  const c = content as {
    class: { code: string };
    student: { id: string; lastName: string; firstName: string };
  };
  return {
    classCode: c.class.code,
    lastName: c.student.lastName,
    firstName: c.student.firstName,
    studentId: c.student.id,
    order,
  };
}

const byPile = (a: SortKey, b: SortKey) =>
  a.classCode.localeCompare(b.classCode, 'fr') ||
  a.lastName.localeCompare(b.lastName, 'fr') ||
  a.firstName.localeCompare(b.firstName, 'fr') ||
  a.studentId.localeCompare(b.studentId) ||
  a.order - b.order;

/** Selects the bilans of a scope of the school's current year; not_found for a class or period not of it. */
export async function selectBilans(
  services: Services,
  schoolId: string,
  scope: { classId?: string; periodId?: string },
): Promise<Selection> {
  const db = services.database.db;
  const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
  const [year] = await db
    .select()
    .from(schoolYears)
    .where(eq(schoolYears.schoolId, schoolId))
    .orderBy(desc(schoolYears.millesime))
    .limit(1);
  if (!school || !year) throw notFound('Établissement introuvable.');
  const yearClasses = await db.select().from(classes).where(eq(classes.schoolYearId, year.id));
  const klass = scope.classId ? yearClasses.find((c) => c.id === scope.classId) : undefined;
  if (scope.classId && !klass) throw notFound('Classe introuvable.');
  const [period] = scope.periodId
    ? await db
        .select()
        .from(periods)
        .where(and(eq(periods.id, scope.periodId), eq(periods.schoolYearId, year.id)))
    : [];
  if (scope.periodId && !period) throw notFound('Période introuvable.');
  const classIds = klass ? [klass.id] : yearClasses.map((c) => c.id);
  if (classIds.length === 0) throw notFound('Aucune classe cette année.');

  const periodic = await db
    .select({ content: bilanVersions.content, hash: bilanVersions.contentHash, indice: periods.indice })
    .from(bilanStates)
    .innerJoin(bilanVersions, eq(bilanVersions.id, bilanStates.currentVersionId))
    .innerJoin(periods, eq(periods.id, bilanStates.periodId))
    .where(
      and(
        eq(bilanStates.status, 'locked'),
        inArray(bilanVersions.classId, classIds),
        ...(period ? [eq(bilanStates.periodId, period.id)] : []),
      ),
    );
  const cycles = period
    ? []
    : await db
        .selectDistinctOn([bilanVersions.studentId], {
          content: bilanVersions.content,
          hash: bilanVersions.contentHash,
        })
        .from(bilanVersions)
        .where(
          and(
            eq(bilanVersions.kind, 'fin-de-cycle'),
            isNull(bilanVersions.periodId),
            inArray(bilanVersions.classId, classIds),
          ),
        )
        .orderBy(bilanVersions.studentId, desc(bilanVersions.version));
  const keyed = [
    ...periodic.map((p) => ({
      key: sortKey(p.content, p.indice),
      bilan: { content: p.content, hash: p.hash },
    })),
    ...cycles.map((c) => ({ key: sortKey(c.content, 100), bilan: { content: c.content, hash: c.hash } })),
  ].sort((a, b) => byPile(a.key, b.key));
  const everyone = "tout l'établissement";
  const label = klass
    ? `${klass.label} — ${period ? period.label : `année ${year.millesime}-${year.millesime + 1}`}`
    : period
      ? `${period.label} — ${everyone}`
      : `Tout l'établissement, ${year.millesime}-${year.millesime + 1}`;
  return {
    school: { id: school.id, name: school.name, uai: school.uai },
    classId: klass?.id ?? null,
    periodId: period?.id ?? null,
    label,
    bilans: keyed.map((k) => k.bilan),
  };
}
