/** The classes an actor can open, and the workspace (everything the live page needs besides the document). */

import { classDocName } from '@livret/domain/doc';
import { and, asc, eq, inArray, or } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { requireClassScope } from '../access/class-scope.js';
import { documentReadOnly } from '../access/sync-session.js';
import type { Db } from '../db/client.js';
import {
  bilanStates,
  bilanVersions,
  classes,
  classPrincipals,
  periods,
  schools,
  teachingServices,
} from '../db/schema.js';
import type { Services } from '../env.js';
import { loadClassContext } from './context.js';
import { rightsOf, writerOf } from './rights.js';
import { suggestionsOf } from './suggestions.js';

/** Classes visible to the actor: all of its schools' for direction, CPE and psy-EN; its own for teachers. */
export async function listClasses(db: Db, actor: Actor) {
  const wide = actor.roles.filter((r) => r.role !== 'enseignant').map((r) => r.schoolId);
  const taught = db
    .select({ id: teachingServices.classId })
    .from(teachingServices)
    .where(eq(teachingServices.accountId, actor.accountId));
  const led = db
    .select({ id: classPrincipals.classId })
    .from(classPrincipals)
    .where(eq(classPrincipals.accountId, actor.accountId));
  const schoolIds = actor.roles.map((r) => r.schoolId);
  if (schoolIds.length === 0) return [];
  const rows = await db
    .select({ klass: classes, school: schools })
    .from(classes)
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(
      and(
        inArray(classes.schoolId, schoolIds),
        or(
          wide.length ? inArray(classes.schoolId, wide) : undefined,
          inArray(classes.id, taught),
          inArray(classes.id, led),
        ),
      ),
    )
    .orderBy(asc(schools.name), asc(classes.code));
  const yearIds = [...new Set(rows.map((r) => r.klass.schoolYearId))];
  const yearPeriods = yearIds.length
    ? await db
        .select()
        .from(periods)
        .where(inArray(periods.schoolYearId, yearIds))
        .orderBy(asc(periods.indice))
    : [];
  return rows.map(({ klass, school }) => ({
    id: klass.id,
    label: klass.label,
    niveaux: klass.niveaux,
    schoolId: school.id,
    schoolName: school.name,
    schoolKind: school.kind,
    periods: yearPeriods
      .filter((p) => p.schoolYearId === klass.schoolYearId)
      .map((p) => ({ id: p.id, label: p.label, indice: p.indice })),
  }));
}

/** The live workspace of a class for a period. */
export async function loadWorkspace(services: Services, actor: Actor, classId: string, periodId: string) {
  const db = services.database.db;
  const scope = await requireClassScope(db, actor, classId);
  const context = await loadClassContext(db, classId, periodId);
  const writer = writerOf(scope, context);
  const states = context.students.length
    ? await db
        .select({
          studentId: bilanStates.studentId,
          status: bilanStates.status,
          version: bilanVersions.version,
        })
        .from(bilanStates)
        .leftJoin(bilanVersions, eq(bilanVersions.id, bilanStates.currentVersionId))
        .where(
          and(
            eq(bilanStates.periodId, periodId),
            inArray(
              bilanStates.studentId,
              context.students.map((s) => s.id),
            ),
          ),
        )
    : [];
  return {
    docName: classDocName(classId, periodId),
    school: context.school,
    class: context.class,
    period: context.period,
    periods: context.periods,
    // With the students' identity, what the browser needs to draft each bilan and show its completeness live.
    millesime: context.millesime,
    settings: context.settings,
    students: context.students,
    disciplines: context.disciplines,
    suggestions: suggestionsOf(context),
    rights: rightsOf(writer, context),
    // The writer itself (sets and maps as lists), and the document's read-only reason: the browser asks the
    // domain's write rule exactly what the sync endpoint asks.
    writer: {
      roles: writer.roles,
      taughtDisciplineIds: [...writer.taughtDisciplineIds],
      groupStudentIds: Object.fromEntries(
        [...(writer.groupStudentIds ?? new Map())].map(([disciplineId, ids]) => [disciplineId, [...ids]]),
      ),
      isPrincipal: writer.isPrincipal,
      schoolKind: writer.schoolKind,
    },
    readOnly: documentReadOnly(context, services.now()) ?? null,
    bilans: Object.fromEntries(states.map((s) => [s.studentId, { status: s.status, version: s.version }])),
  };
}
