/**
 * LSU export: the locked bilans of a class and period, of a period for the whole school, or of the whole school
 * (every current locked version, and the bilans de fin de cycle), as one file in the official format. The file is
 * checked against the official XSD before it leaves: an export that would not validate is an error, never a
 * download.
 */
import type { FrozenBilanFinCycle, FrozenBilanPeriodique } from '@livret/domain';
import {
  collegeFileFromFrozen,
  ecoleFileFromFrozen,
  validateAgainstSchema,
  writeLsuFile,
} from '@livret/lsu-xml';
import { eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { isUuid } from '../access/class-scope.js';
import { accounts, schools, students } from '../db/schema.js';
import { selectBilans } from '../editions/selection.js';
import type { Services } from '../env.js';
import { AppError, notFound } from '../errors.js';
import { directedSchoolId } from '../imports/service.js';

export interface ExportScope {
  classId?: string;
  periodId?: string;
}

/** Builds the LSU file of the scope; throws not_found when nothing locked is in it. */
export async function exportLsu(
  services: Services,
  actor: Actor,
  scope: ExportScope,
): Promise<{ xml: string; fileName: string; warnings: string[] }> {
  const db = services.database.db;
  const schoolId = directedSchoolId(actor);
  for (const id of [scope.classId, scope.periodId])
    if (id !== undefined && !isUuid(id)) throw notFound('Classe ou période introuvable.');
  // The same selection as an édition: current locked versions, and the bilans de fin de cycle for a whole year.
  const selection = await selectBilans(services, schoolId, scope);
  const contents = selection.bilans.map((b) => b.content as { format: string });
  const bilans = contents.filter((c) => c.format === 'livret/bilan-periodique') as FrozenBilanPeriodique[];
  const finsDeCycle = contents.filter((c) => c.format === 'livret/bilan-fin-cycle') as FrozenBilanFinCycle[];
  if (bilans.length === 0 && finsDeCycle.length === 0) {
    throw notFound('Aucun bilan verrouillé à exporter pour ce choix.');
  }
  const [school] = await db.select().from(schools).where(eq(schools.id, schoolId));
  const kind = school!.kind as '1D' | '2D';

  let result: ReturnType<typeof collegeFileFromFrozen> | ReturnType<typeof ecoleFileFromFrozen>;
  if (kind === '2D') {
    const studentIds = [...new Set([...bilans, ...finsDeCycle].map((b) => b.student.id))];
    const idBe = new Map(
      (
        await db
          .select({ id: students.id, idBe: students.idBe })
          .from(students)
          .where(inArray(students.id, studentIds))
      ).map((s) => [s.id, s.idBe ?? undefined]),
    );
    const teacherIds = [
      ...new Set(bilans.flatMap((b) => b.disciplines.flatMap((d) => d.teachers.map((t) => t.id)))),
    ].filter(isUuid);
    const idSts = new Map(
      teacherIds.length
        ? (
            await db
              .select({ id: accounts.id, idSts: accounts.idSts })
              .from(accounts)
              .where(inArray(accounts.id, teacherIds))
          ).map((a) => [a.id, a.idSts ?? undefined])
        : [],
    );
    result = collegeFileFromFrozen({
      uai: school!.uai,
      idBe: (id) => idBe.get(id),
      idSts: (id) => idSts.get(id) ?? (id.startsWith('sts:') ? Number(id.slice(4)) : undefined),
      bilans,
      cycles: finsDeCycle,
    });
  } else {
    result = ecoleFileFromFrozen({ uai: school!.uai, bilans, cycles: finsDeCycle });
  }
  if (result.file.donnees.bilansPeriodiques.length === 0 && result.file.donnees.bilansCycle.length === 0) {
    throw new AppError('conflict', `Aucun bilan ne peut être exporté : ${result.warnings.join(' ')}`);
  }
  const xml = writeLsuFile(result.file);
  const checked = validateAgainstSchema(xml, kind);
  if (!checked.ok) {
    throw new AppError(
      'conflict',
      'Le fichier produit ne respecte pas le schéma officiel ; l’export est annulé.',
      checked.issues,
    );
  }
  const millesime = (contents[0] as { millesime?: number }).millesime ?? '';
  const fileName = `lsu-${school!.uai}-${millesime}${scope.classId ? '-classe' : ''}${scope.periodId ? '-periode' : ''}.xml`;
  return { xml, fileName, warnings: result.warnings };
}
