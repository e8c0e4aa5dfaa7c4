/**
 * The report says a thing once: a warning that several students' lines would repeat word for word («Ces
 * enseignants ne peuvent consulter le bilan de l'élève : …») becomes one line of the file's warnings with how
 * many students it concerns, and leaves their lines. What concerns one student stays on that student's line.
 */
import type { ImportReport } from './schemas.js';

/** Moves the warnings repeated on several students' lines to one line each of `report.warnings`. */
export function groupRepeatedWarnings(report: ImportReport): void {
  const concerned = new Map<string, number>();
  for (const student of report.students) {
    student.warnings = [...new Set(student.warnings)];
    for (const warning of student.warnings) concerned.set(warning, (concerned.get(warning) ?? 0) + 1);
  }
  const repeated = new Set([...concerned].filter(([, count]) => count > 1).map(([warning]) => warning));
  if (repeated.size === 0) return;
  for (const student of report.students) {
    student.warnings = student.warnings.filter((warning) => !repeated.has(warning));
  }
  for (const warning of repeated) {
    report.warnings.push(`${warning.replace(/\.$/, '')} (${concerned.get(warning)} élèves).`);
  }
}
