/**
 * Access to one class, answered in one place for HTTP routes and the sync endpoint: which roles the actor
 * holds in the class's school, which disciplines it teaches there, whether it is the professeur principal.
 */

import type { StaffRole } from '@livret/domain';
import { canLock } from '@livret/domain';
import { and, eq, inArray, isNotNull, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  classes,
  classPrincipals,
  enrolments,
  groupMembers,
  schools,
  teachingServices,
} from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';
import type { Actor } from './actor.js';

export interface ClassScope {
  classId: string;
  schoolId: string;
  schoolKind: '1D' | '2D';
  schoolYearId: string;
  roles: StaffRole[];
  /** Disciplines the actor teaches to this class (directly or through a group of its students). */
  taughtDisciplineIds: Set<string>;
  /** Disciplines taught to groups only: the students of the class in those groups (see the domain Writer). */
  groupStudentIds: Map<string, Set<string>>;
  isPrincipal: boolean;
}

/** The actor's scope on a class, or undefined when it has none (not found and forbidden look alike). */
export async function findClassScope(db: Db, actor: Actor, classId: string): Promise<ClassScope | undefined> {
  if (actor.kind !== 'staff' || !isUuid(classId)) return undefined;
  const [row] = await db
    .select({
      id: classes.id,
      schoolId: classes.schoolId,
      schoolYearId: classes.schoolYearId,
      kind: schools.kind,
    })
    .from(classes)
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .where(eq(classes.id, classId));
  if (!row) return undefined;
  const roles = actor.roles.filter((r) => r.schoolId === row.schoolId).map((r) => r.role);
  if (roles.length === 0) return undefined;
  const studentsOfClass = db
    .select({ id: enrolments.studentId })
    .from(enrolments)
    .where(eq(enrolments.classId, classId));
  const groupsOfClass = db
    .selectDistinct({ id: groupMembers.groupId })
    .from(groupMembers)
    .where(inArray(groupMembers.studentId, studentsOfClass));
  const services = await db
    .select({ disciplineId: teachingServices.disciplineId, groupId: teachingServices.groupId })
    .from(teachingServices)
    .where(
      and(
        eq(teachingServices.accountId, actor.accountId),
        or(
          eq(teachingServices.classId, classId),
          and(isNotNull(teachingServices.groupId), inArray(teachingServices.groupId, groupsOfClass)),
        ),
      ),
    );
  const [principal] = await db
    .select({ accountId: classPrincipals.accountId })
    .from(classPrincipals)
    .where(and(eq(classPrincipals.classId, classId), eq(classPrincipals.accountId, actor.accountId)));
  const groupStudentIds = await groupOnlyStudents(db, classId, services);
  const scope: ClassScope = {
    classId,
    schoolId: row.schoolId,
    schoolKind: row.kind as ClassScope['schoolKind'],
    schoolYearId: row.schoolYearId,
    roles,
    taughtDisciplineIds: new Set(services.map((s) => s.disciplineId)),
    groupStudentIds,
    isPrincipal: Boolean(principal),
  };
  // An enseignant sees only the classes it teaches or leads; other roles see every class of their school.
  const onlyTeacher = roles.every((r) => r === 'enseignant');
  if (onlyTeacher && scope.taughtDisciplineIds.size === 0 && !scope.isPrincipal) return undefined;
  return scope;
}

/**
 * For each discipline the actor teaches to groups of this class and not to the whole class: the students of
 * the class who are in those groups. A group teacher writes their cells only.
 */
async function groupOnlyStudents(
  db: Db,
  classId: string,
  services: { disciplineId: string; groupId: string | null }[],
): Promise<Map<string, Set<string>>> {
  const wholeClass = new Set(services.filter((s) => s.groupId === null).map((s) => s.disciplineId));
  const byGroup = services.filter((s) => s.groupId !== null && !wholeClass.has(s.disciplineId));
  const out = new Map<string, Set<string>>();
  if (byGroup.length === 0) return out;
  const members = await db
    .select({ groupId: groupMembers.groupId, studentId: groupMembers.studentId })
    .from(groupMembers)
    .innerJoin(enrolments, eq(enrolments.studentId, groupMembers.studentId))
    .where(
      and(
        eq(enrolments.classId, classId),
        inArray(
          groupMembers.groupId,
          byGroup.map((s) => s.groupId!),
        ),
      ),
    );
  for (const service of byGroup) {
    const students = out.get(service.disciplineId) ?? new Set<string>();
    for (const m of members) if (m.groupId === service.groupId) students.add(m.studentId);
    out.set(service.disciplineId, students);
  }
  return out;
}

/** Same, but throws 404 when the class is out of reach. */
export async function requireClassScope(db: Db, actor: Actor, classId: string): Promise<ClassScope> {
  const scope = await findClassScope(db, actor, classId);
  if (!scope) throw notFound('Classe introuvable.');
  return scope;
}

/** Only the head of the school (chef d'établissement, adjoint, directeur) may lock and unlock. */
export function requireDirection(scope: ClassScope): void {
  if (!canLock({ roles: scope.roles })) {
    throw forbidden(
      'Seul le chef d’établissement ou le directeur peut verrouiller ou déverrouiller un bilan.',
    );
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids in URLs are checked before they reach SQL (a malformed uuid would be a 500 in Postgres). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
