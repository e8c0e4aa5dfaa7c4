/**
 * What an import matches a file against: the school's current year, its periods, classes (with their
 * settings), enrolled students, disciplines, staff and teaching services, loaded once per import. The matchers
 * follow the identifiers of the format first (id-be, INE, id-sts, subject code) and fall back to names.
 */
import type { ImportedStudent, ImportedTeacher } from '@livret/lsu-xml';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  accounts,
  classes,
  classSettings,
  disciplines,
  enrolments,
  periods,
  schools,
  schoolYears,
  staffRoles,
  students,
  teachingServices,
} from '../db/schema.js';
import { AppError } from '../errors.js';
import { reportName, samePerson } from './identity.js';

/** Case, accents and spacing do not tell two names apart. */
export const normalName = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .toLowerCase();

type TeacherAccount = typeof accounts.$inferSelect;

/** How the report names a file's student identifier. */
const idLabel = (student: ImportedStudent) =>
  student.idBe !== undefined ? `identifiant ${student.idBe} (id-be)` : `INE ${student.ine}`;

export type SchoolDirectory = Awaited<ReturnType<typeof loadSchoolDirectory>>;

/** Loads the school's directory for its latest school year. */
export async function loadSchoolDirectory(db: Db, schoolId: string) {
  const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
  if (!school) throw new AppError('not_found', 'Établissement introuvable.');
  const [year] = await db
    .select()
    .from(schoolYears)
    .where(eq(schoolYears.schoolId, schoolId))
    .orderBy(desc(schoolYears.millesime))
    .limit(1);
  if (!year)
    throw new AppError('invalid', 'Aucune année scolaire n’est paramétrée : créez d’abord les périodes.');
  const yearPeriods = await db.select().from(periods).where(eq(periods.schoolYearId, year.id));
  if (yearPeriods.length === 0) {
    throw new AppError('invalid', 'Aucune période n’est paramétrée : créez les périodes avant tout import.');
  }
  const classRows = await db
    .select({ klass: classes, settings: classSettings })
    .from(classes)
    .leftJoin(classSettings, eq(classSettings.classId, classes.id))
    .where(eq(classes.schoolYearId, year.id));
  const classIds = classRows.map((c) => c.klass.id);
  const enrolled = classIds.length
    ? await db
        .select({ student: students, classId: enrolments.classId, niveau: enrolments.niveau })
        .from(enrolments)
        .innerJoin(students, eq(students.id, enrolments.studentId))
        .where(inArray(enrolments.classId, classIds))
    : [];
  const schoolStudents = await db.select().from(students).where(eq(students.schoolId, schoolId));
  const schoolDisciplines = await db.select().from(disciplines).where(eq(disciplines.schoolId, schoolId));
  const staff = await db
    .selectDistinct({ account: accounts, role: staffRoles.role })
    .from(staffRoles)
    .innerJoin(accounts, eq(accounts.id, staffRoles.accountId))
    .where(eq(staffRoles.schoolId, schoolId));
  const services = classIds.length
    ? await db
        .select()
        .from(teachingServices)
        .where(and(inArray(teachingServices.classId, classIds)))
    : [];

  const classById = new Map(
    classRows.map((c) => [
      c.klass.id,
      {
        ...c.klass,
        settings: c.settings ?? {
          dataSource: 'manuelle',
          positioning: 'notes-sans-moyenne',
          showSocle: false,
        },
      },
    ]),
  );
  const enrolmentOf = new Map(enrolled.map((e) => [e.student.id, e]));
  const byIdBe = new Map(schoolStudents.filter((s) => s.idBe !== null).map((s) => [s.idBe, s]));
  const byIne = new Map(schoolStudents.map((s) => [s.ine, s]));
  const studentKey = (last: string, first: string) => `${normalName(last)}|${normalName(first)}`;
  const byName = new Map<string, (typeof schoolStudents)[number][]>();
  for (const s of schoolStudents) {
    const key = studentKey(s.lastName, s.firstName);
    byName.set(key, [...(byName.get(key) ?? []), s]);
  }
  const teachers: TeacherAccount[] = staff.map((s) => s.account);
  const teacherKey = (last: string, first: string) => `${normalName(last)}|${normalName(first)}`;
  const servicesKey = new Set(services.map((s) => `${s.accountId}|${s.disciplineId}|${s.classId}`));

  return {
    school,
    millesime: year.millesime,
    periods: yearPeriods.sort((a, b) => a.indice - b.indice),
    classById,
    disciplineByCode: new Map(schoolDisciplines.map((d) => [d.code, d])),
    direction: staff.filter((s) => s.role === 'direction').map((s) => s.account),
    /**
     * The student of a file and its class this year (undefined when it is not enrolled), or, when the file's
     * identifier and names designate two different students, the conflict, in French (never a guess).
     */
    findStudent(student: ImportedStudent) {
      const located = (found: (typeof schoolStudents)[number]) => {
        const enrolment = enrolmentOf.get(found.id);
        return { student: found, enrolment, klass: enrolment ? classById.get(enrolment.classId) : undefined };
      };
      const byId =
        (student.idBe !== undefined && byIdBe.get(student.idBe)) ||
        (student.ine && byIne.get(student.ine)) ||
        undefined;
      if (byId) {
        if (samePerson(student, byId)) return located(byId);
        return {
          conflict: `Identité incohérente : le fichier nomme ${reportName(student)} avec l’${idLabel(student)}, qui est dans l’établissement celui de ${reportName(byId)}. Bilan rejeté pour ne pas l’attribuer à un autre élève ; corrigez le fichier.`,
        };
      }
      if (!student.lastName && !student.firstName) return undefined;
      const named = byName.get(studentKey(student.lastName, student.firstName)) ?? [];
      const found =
        named.length <= 1
          ? named[0]
          : named.find((s) => classById.get(enrolmentOf.get(s.id)?.classId ?? '')?.code === student.division);
      if (!found) return undefined;
      // Found by name: an identifier of the file that is not this student's own is a conflict too.
      const own = student.idBe !== undefined ? found.idBe : student.ine ? found.ine : null;
      if (own !== null && own !== (student.idBe ?? student.ine)) {
        return {
          conflict: `Identité incohérente : le fichier donne à ${reportName(student)} l’${idLabel(student)}, mais l’élève de ce nom a dans l’établissement l’identifiant ${own}. Bilan rejeté ; vérifiez de quel élève il s’agit.`,
        };
      }
      return located(found);
    },
    /**
     * The account of a file's teacher: by id-sts, whose names must then be the account's (else the conflict,
     * in French), or by name.
     */
    findTeacher(teacher: ImportedTeacher): TeacherAccount | { conflict: string } | undefined {
      const byId = teacher.idSts !== undefined ? teachers.find((t) => t.idSts === teacher.idSts) : undefined;
      if (byId) {
        if (samePerson(teacher, byId)) return byId;
        return {
          conflict: `Identité incohérente : le fichier nomme l’enseignant ${reportName(teacher)} avec l’identifiant STS ${teacher.idSts}, qui est dans l’établissement celui de ${reportName(byId)}. Bilan rejeté pour ne pas l’attribuer à un autre enseignant ; corrigez le fichier.`,
        };
      }
      return teachers.find(
        (t) => teacherKey(t.lastName, t.firstName) === teacherKey(teacher.lastName, teacher.firstName),
      );
    },
    /** Whether the account has a teaching service for this discipline in this class. */
    teaches(accountId: string, disciplineId: string, classId: string) {
      return servicesKey.has(`${accountId}|${disciplineId}|${classId}`);
    },
    /** The class's disciplines with their teachers, in report order (as freeze sees them). */
    teachersOf(disciplineId: string, classId: string) {
      return services
        .filter((s) => s.disciplineId === disciplineId && s.classId === classId)
        .map((s) => teachers.find((t) => t.id === s.accountId))
        .filter((t): t is (typeof teachers)[number] => !!t);
    },
  };
}
