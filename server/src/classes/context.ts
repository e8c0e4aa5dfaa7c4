/**
 * Everything about a class and a period that the live document does not hold: the school, the period, the
 * setting, the students, the disciplines with their teachers. The workspace page and freeze both read it.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import { isUuid } from '../access/class-scope.js';
import type { Db } from '../db/client.js';
import {
  accounts,
  classes,
  classSettings,
  disciplines,
  enrolments,
  groupMembers,
  periods,
  schools,
  schoolYears,
  students,
  teachingServices,
} from '../db/schema.js';
import { notFound } from '../errors.js';

export interface Teacher {
  id: string;
  civilite: string | null;
  lastName: string;
  firstName: string;
}

export interface ClassContext {
  school: { id: string; uai: string; name: string; kind: '1D' | '2D'; academie: string; city: string | null };
  millesime: number;
  class: { id: string; code: string; label: string; niveaux: string[] };
  period: { id: string; indice: number; count: number; label: string; startsOn: string; endsOn: string };
  periods: { id: string; indice: number; label: string }[];
  settings: { dataSource: string; positioning: string; showSocle: boolean };
  students: {
    id: string;
    ine: string;
    lastName: string;
    firstName: string;
    birthDate: string;
    sex: string;
    niveau: string;
  }[];
  disciplines: { id: string; code: string; label: string; teachers: Teacher[] }[];
}

/** Loads the context of a class for one of its periods; 404 when the period is not the class's. */
export async function loadClassContext(db: Db, classId: string, periodId: string): Promise<ClassContext> {
  if (!isUuid(classId) || !isUuid(periodId)) throw notFound('Classe ou période introuvable.');
  const [row] = await db
    .select({ klass: classes, school: schools, year: schoolYears })
    .from(classes)
    .innerJoin(schools, eq(schools.id, classes.schoolId))
    .innerJoin(schoolYears, eq(schoolYears.id, classes.schoolYearId))
    .where(eq(classes.id, classId));
  if (!row) throw notFound('Classe introuvable.');
  const yearPeriods = await db
    .select()
    .from(periods)
    .where(eq(periods.schoolYearId, row.year.id))
    .orderBy(asc(periods.indice));
  const period = yearPeriods.find((p) => p.id === periodId);
  if (!period) throw notFound('Cette période n’existe pas pour cette classe.');
  const [settings] = await db.select().from(classSettings).where(eq(classSettings.classId, classId));

  const enrolled = await db
    .select({ student: students, niveau: enrolments.niveau })
    .from(enrolments)
    .innerJoin(students, eq(students.id, enrolments.studentId))
    .where(eq(enrolments.classId, classId))
    .orderBy(asc(students.lastName), asc(students.firstName));
  const studentIds = enrolled.map((e) => e.student.id);
  const groupIds = studentIds.length
    ? (
        await db
          .selectDistinct({ id: groupMembers.groupId })
          .from(groupMembers)
          .where(inArray(groupMembers.studentId, studentIds))
      ).map((g) => g.id)
    : [];
  const services = await db
    .select({ discipline: disciplines, teacher: accounts })
    .from(teachingServices)
    .innerJoin(disciplines, eq(disciplines.id, teachingServices.disciplineId))
    .innerJoin(accounts, eq(accounts.id, teachingServices.accountId))
    .where(eq(teachingServices.classId, classId))
    .orderBy(asc(disciplines.rank), asc(disciplines.label));
  const groupServices = groupIds.length
    ? await db
        .select({ discipline: disciplines, teacher: accounts })
        .from(teachingServices)
        .innerJoin(disciplines, eq(disciplines.id, teachingServices.disciplineId))
        .innerJoin(accounts, eq(accounts.id, teachingServices.accountId))
        .where(inArray(teachingServices.groupId, groupIds))
    : [];

  const byDiscipline = new Map<string, ClassContext['disciplines'][number] & { rank: number }>();
  for (const { discipline, teacher } of [...services, ...groupServices]) {
    const entry = byDiscipline.get(discipline.id) ?? {
      id: discipline.id,
      code: discipline.code,
      label: discipline.label,
      rank: discipline.rank,
      teachers: [],
    };
    if (!entry.teachers.some((t) => t.id === teacher.id)) {
      entry.teachers.push({
        id: teacher.id,
        civilite: teacher.civilite,
        lastName: teacher.lastName,
        firstName: teacher.firstName,
      });
    }
    byDiscipline.set(discipline.id, entry);
  }
  const niveaux = row.klass.niveaux;
  return {
    school: {
      id: row.school.id,
      uai: row.school.uai,
      name: row.school.name,
      kind: row.school.kind as '1D' | '2D',
      academie: row.school.academie,
      city: row.school.city,
    },
    millesime: row.year.millesime,
    class: { id: row.klass.id, code: row.klass.code, label: row.klass.label, niveaux },
    period: {
      id: period.id,
      indice: period.indice,
      count: period.count,
      label: period.label,
      startsOn: String(period.startsOn),
      endsOn: String(period.endsOn),
    },
    periods: yearPeriods.map((p) => ({ id: p.id, indice: p.indice, label: p.label })),
    settings: {
      dataSource: settings?.dataSource ?? 'manuelle',
      positioning: settings?.positioning ?? 'objectifs',
      showSocle: settings?.showSocle ?? false,
    },
    students: enrolled.map(({ student, niveau }) => ({
      id: student.id,
      ine: student.ine,
      lastName: student.lastName,
      firstName: student.firstName,
      birthDate: String(student.birthDate),
      sex: student.sex,
      niveau: niveau ?? niveaux[0] ?? '',
    })),
    disciplines: [...byDiscipline.values()]
      .sort((a, b) => a.rank - b.rank || a.label.localeCompare(b.label, 'fr'))
      .map(({ rank: _rank, ...d }) => d),
  };
}
