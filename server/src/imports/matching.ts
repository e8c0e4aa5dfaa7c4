/**
 * Matching one imported bilan to the school: its student (enrolled this year), its period, its rows' disciplines
 * and teachers. The outcome says whether the bilan can be integrated, why not, and what the team should know
 * (the rules of the domain reference §10: a period mismatch or an unknown subject warns, a student not enrolled
 * rejects, teachers without a teaching service warn that they cannot see the bilan).
 */
import type { Teacher } from '@livret/domain';
import type { ImportedBilan, ImportedRow, ImportedTeacher } from '@livret/lsu-xml';
import type { SchoolDirectory } from './directory.js';

export interface MatchedRow {
  /** The school's discipline id, or `code:<code>` for a subject the school does not know. */
  disciplineId: string;
  known: boolean;
  code: string;
  label: string;
  teachers: Teacher[];
  source: ImportedRow;
}

type Found = Extract<ReturnType<SchoolDirectory['findStudent']>, { student: unknown }>;

export interface Match {
  student: Found['student'];
  niveau: string;
  klass: NonNullable<Found['klass']>;
  period: SchoolDirectory['periods'][number] | null;
  rows: MatchedRow[];
}

export type MatchResult =
  | { ok: true; match: Match; warnings: string[] }
  | { ok: false; reasons: string[]; warnings: string[] };

const teacherName = (t: { civilite: string | null; lastName: string; firstName: string }) =>
  [t.civilite, t.firstName, t.lastName].filter(Boolean).join(' ');

/** Matches one bilan; `fileWarnings` collects the warnings about the file as a whole (said once). */
export function matchBilan(
  directory: SchoolDirectory,
  bilan: ImportedBilan,
  fileWarnings: Set<string>,
): MatchResult {
  const warnings = [...bilan.warnings];
  const found = directory.findStudent(bilan.student);
  if (found && 'conflict' in found) return { ok: false, reasons: [found.conflict], warnings };
  if (!found) {
    return {
      ok: false,
      reasons: ['Élève inconnu de l’établissement (ni l’identifiant ni le nom ne correspondent).'],
      warnings,
    };
  }
  if (!found.enrolment || !found.klass) {
    return {
      ok: false,
      reasons: [
        `Élève non inscrit dans l’établissement pour l’année ${directory.millesime}-${directory.millesime + 1}.`,
      ],
      warnings,
    };
  }
  const millesime = bilan.kind === 'periodique' ? bilan.period.millesime : bilan.millesime;
  if (millesime !== directory.millesime) {
    return {
      ok: false,
      reasons: [
        `Bilan de l’année ${millesime}-${millesime + 1} : seuls les bilans de l’année en cours (${directory.millesime}-${directory.millesime + 1}) peuvent être importés.`,
      ],
      warnings,
    };
  }
  if (
    bilan.student.division &&
    normal(bilan.student.division) !== normal(found.klass.code) &&
    normal(bilan.student.division) !== normal(found.klass.label)
  ) {
    warnings.push(
      `Division « ${bilan.student.division} » du fichier ; l’élève est inscrit en ${found.klass.label}.`,
    );
  }

  let period: Match['period'] = null;
  const rows: MatchedRow[] = [];
  if (bilan.kind === 'periodique') {
    const { indice, count } = bilan.period;
    if (count !== directory.periods.length) {
      fileWarnings.add(
        `Le fichier découpe l’année en ${count} périodes, l’établissement en ${directory.periods.length} : les bilans sont rattachés à la période de même numéro.`,
      );
    }
    period = directory.periods.find((p) => p.indice === indice) ?? null;
    if (!period) {
      return { ok: false, reasons: [`Période ${indice} inconnue de l’établissement.`], warnings };
    }
    const blind: string[] = [];
    const conflicts = new Set<string>();
    for (const row of bilan.rows) {
      // The school's code first, then the national one (a file may code EPS `100A00`, national `100100`).
      const discipline =
        directory.disciplineByCode.get(row.code) ??
        (row.codeNational ? directory.disciplineByCode.get(row.codeNational) : undefined);
      if (!discipline) {
        fileWarnings.add(
          `Matière inconnue de l’établissement : ${row.code} (${row.label}) ; importée quand même.`,
        );
      }
      const disciplineId = discipline?.id ?? `code:${row.code}`;
      const teachers: Teacher[] =
        directory.school.kind === '1D' && discipline
          ? directory.teachersOf(discipline.id, found.klass.id).map(asTeacher)
          : row.teachers.map((t) => {
              const looked = directory.findTeacher(t);
              if (looked && 'conflict' in looked) conflicts.add(looked.conflict);
              const account = looked && !('conflict' in looked) ? looked : undefined;
              if (!account || !discipline || !directory.teaches(account.id, discipline.id, found.klass!.id)) {
                blind.push(`${teacherName(t)} (${discipline?.label ?? row.label})`);
              }
              return account ? asTeacher(account) : externalTeacher(t);
            });
      rows.push({
        disciplineId,
        known: !!discipline,
        code: discipline?.code ?? row.code,
        label: discipline?.label ?? row.label,
        teachers,
        source: row,
      });
    }
    if (conflicts.size > 0) return { ok: false, reasons: [...conflicts], warnings };
    if (blind.length > 0) {
      warnings.push(
        `Ces enseignants ne peuvent consulter le bilan de l'élève : ${[...new Set(blind)].join(', ')}.`,
      );
    }
  }
  return {
    ok: true,
    match: { student: found.student, niveau: found.enrolment.niveau, klass: found.klass, period, rows },
    warnings,
  };
}

const normal = (text: string) => text.replace(/\s+/g, '').toLowerCase();

function asTeacher(account: {
  id: string;
  civilite: string | null;
  lastName: string;
  firstName: string;
}): Teacher {
  return {
    id: account.id,
    civilite: account.civilite,
    lastName: account.lastName,
    firstName: account.firstName,
  };
}

/** A teacher the school does not know keeps the file's name, under an id that says where it came from. */
function externalTeacher(t: ImportedTeacher): Teacher {
  return {
    id: t.idSts === undefined ? `lsu:${t.lastName}|${t.firstName}` : `sts:${t.idSts}`,
    civilite: t.civilite,
    lastName: t.lastName || 'Inconnu',
    firstName: t.firstName || '—',
  };
}
