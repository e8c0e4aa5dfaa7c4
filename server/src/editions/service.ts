/**
 * Éditions as the API sees them (direction only): start one (the job runs off the request path), follow it,
 * cancel it, download its file; and one student's bilan as PDF for the staff pages.
 */
import { personName } from '@livret/domain';
import { and, desc, eq, getTableColumns, isNotNull, lt, sql } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { isUuid } from '../access/class-scope.js';
import { accounts, bilanStates, bilanVersions, classes, editions, periods } from '../db/schema.js';
import type { Services } from '../env.js';
import { AppError, notFound } from '../errors.js';
import { directedSchoolId } from '../imports/service.js';
import { jobQueueOf, waitingStep } from '../jobs/job-queue.js';
import { runEdition } from './run-edition.js';
import type { EditionJob, StartEdition } from './schemas.js';
import { selectBilans } from './selection.js';

/** A running édition whose row has not moved for this long was cut off (a server stop): shown as failed. */
const STALE_MS = 5 * 60_000;
/** Files of éditions are kept this long. */
const KEEP_FILES_MS = 7 * 24 * 3600_000;

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Starts an édition; resolves with its id at once. `done` resolves when the job is over (tests await it).
 * @example const { id } = await startEdition(services, actor, { classId, periodId, format: 'pdf' });
 */
export async function startEdition(
  services: Services,
  actor: Actor,
  input: StartEdition,
): Promise<{ id: string; done: Promise<void> }> {
  const schoolId = directedSchoolId(actor);
  const selection = await selectBilans(services, schoolId, input);
  if (selection.bilans.length === 0) throw notFound('Aucun bilan verrouillé à éditer pour ce choix.');
  const db = services.database.db;
  const now = services.now();
  const queue = jobQueueOf(services);
  queue.assertRoomFor(schoolId);
  await purgeOldFiles(services, schoolId);
  const [row] = await db
    .insert(editions)
    .values({
      schoolId,
      createdBy: actor.accountId,
      classId: selection.classId,
      periodId: selection.periodId,
      format: input.format,
      status: 'running',
      total: selection.bilans.length,
      step: 'En attente',
      fileName: `bilans-${slug(selection.label)}.${input.format}`,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: editions.id });
  const id = row!.id;
  // Off the request path, in the school's line of heavy jobs (one at a time; at most two in the process).
  const done = queue.enqueue(
    schoolId,
    () =>
      runEdition(services, {
        editionId: id,
        format: input.format,
        bilans: selection.bilans,
        title: `Bilans — ${selection.label}`,
        author: selection.school.name,
      }),
    async (ahead) => {
      await db
        .update(editions)
        .set({ step: waitingStep(ahead), updatedAt: services.now() })
        .where(and(eq(editions.id, id), eq(editions.status, 'running')));
    },
  );
  return { id, done };
}

/** Deletes the files of the school's éditions older than a week (the rows stay, as a history). */
async function purgeOldFiles(services: Services, schoolId: string): Promise<void> {
  const before = new Date(services.now().getTime() - KEEP_FILES_MS);
  await services.database.db
    .update(editions)
    .set({ file: null })
    .where(and(eq(editions.schoolId, schoolId), lt(editions.createdAt, before), isNotNull(editions.file)));
}

const { file: _file, ...columns } = getTableColumns(editions);

function selectJobs(services: Services) {
  return services.database.db
    .select({
      job: columns,
      size: sql<number | null>`octet_length(${editions.file})`,
      by: { firstName: accounts.firstName, lastName: accounts.lastName },
      classLabel: classes.label,
      periodLabel: periods.label,
    })
    .from(editions)
    .innerJoin(accounts, eq(accounts.id, editions.createdBy))
    .leftJoin(classes, eq(classes.id, editions.classId))
    .leftJoin(periods, eq(periods.id, editions.periodId))
    .$dynamic();
}

type JobRow = Awaited<ReturnType<ReturnType<typeof selectJobs>['execute']>>[number];

function scopeLabel(classLabel: string | null, periodLabel: string | null): string {
  if (classLabel) return periodLabel ? `${classLabel} — ${periodLabel}` : `${classLabel} — toute l’année`;
  return periodLabel ? `${periodLabel} — tout l’établissement` : 'Tout l’établissement';
}

function jobOf(services: Services, row: JobRow): EditionJob {
  const { job } = row;
  const stale = job.status === 'running' && services.now().getTime() - job.updatedAt.getTime() > STALE_MS;
  const status = stale ? 'failed' : (job.status as EditionJob['status']);
  return {
    id: job.id,
    format: job.format as EditionJob['format'],
    status,
    progress: job.progress,
    step: stale ? 'Interrompue' : job.status === 'cancelled' ? 'Annulée' : job.step,
    total: job.total,
    scope: scopeLabel(row.classLabel, row.periodLabel),
    fileName: job.fileName,
    size: row.size === null ? null : Number(row.size),
    error: stale ? 'L’édition a été interrompue (arrêt du serveur) ; relancez-la.' : job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    createdBy: personName(row.by),
  };
}

/** The school's éditions, newest first. */
export async function listEditions(services: Services, actor: Actor): Promise<EditionJob[]> {
  const schoolId = directedSchoolId(actor);
  const rows = await selectJobs(services)
    .where(eq(editions.schoolId, schoolId))
    .orderBy(desc(editions.createdAt))
    .limit(50);
  return rows.map((row) => jobOf(services, row));
}

/** One édition of the actor's school. */
export async function getEdition(services: Services, actor: Actor, id: string): Promise<EditionJob> {
  const schoolId = directedSchoolId(actor);
  if (!isUuid(id)) throw notFound('Édition introuvable.');
  const [row] = await selectJobs(services).where(and(eq(editions.id, id), eq(editions.schoolId, schoolId)));
  if (!row) throw notFound('Édition introuvable.');
  return jobOf(services, row);
}

/** Cancels a running édition (the job stops at its next step); an édition already over is left as it is. */
export async function cancelEdition(services: Services, actor: Actor, id: string): Promise<EditionJob> {
  const job = await getEdition(services, actor, id);
  if (job.status === 'running') {
    const now = services.now();
    await services.database.db
      .update(editions)
      .set({ status: 'cancelled', step: 'Annulée', updatedAt: now, finishedAt: now })
      .where(and(eq(editions.id, id), eq(editions.status, 'running')));
  }
  return getEdition(services, actor, id);
}

/** The file of a finished édition. */
export async function editionFile(
  services: Services,
  actor: Actor,
  id: string,
): Promise<{ bytes: Uint8Array; fileName: string; contentType: string }> {
  const job = await getEdition(services, actor, id);
  await purgeOldFiles(services, directedSchoolId(actor));
  const [row] = await services.database.db
    .select({ file: editions.file })
    .from(editions)
    .where(eq(editions.id, job.id));
  if (job.status !== 'done' || !row?.file)
    throw new AppError('conflict', 'Le fichier de cette édition n’est pas (ou plus) disponible.');
  return {
    bytes: row.file,
    fileName: job.fileName,
    contentType: job.format === 'pdf' ? 'application/pdf' : 'application/zip',
  };
}

/** One frozen version of the actor's school, to print on its own (staff pages). */
export async function versionToPrint(
  services: Services,
  actor: Actor,
  versionId: string,
): Promise<{ content: unknown; hash: string }> {
  const schoolId = directedSchoolId(actor);
  if (!isUuid(versionId)) throw notFound('Bilan introuvable.');
  const [row] = await services.database.db
    .select({ content: bilanVersions.content, hash: bilanVersions.contentHash, schoolId: classes.schoolId })
    .from(bilanVersions)
    .innerJoin(classes, eq(classes.id, bilanVersions.classId))
    .where(eq(bilanVersions.id, versionId));
  if (!row || row.schoolId !== schoolId) throw notFound('Bilan introuvable.');
  return { content: row.content, hash: row.hash };
}

/** The current locked version of a student's bilan for a period, of the actor's school (the workspace's «PDF»). */
export async function lockedVersionToPrint(
  services: Services,
  actor: Actor,
  studentId: string,
  periodId: string,
): Promise<{ content: unknown; hash: string }> {
  const schoolId = directedSchoolId(actor);
  if (!isUuid(studentId) || !isUuid(periodId)) throw notFound('Bilan introuvable.');
  const [row] = await services.database.db
    .select({ content: bilanVersions.content, hash: bilanVersions.contentHash, schoolId: classes.schoolId })
    .from(bilanStates)
    .innerJoin(bilanVersions, eq(bilanVersions.id, bilanStates.currentVersionId))
    .innerJoin(classes, eq(classes.id, bilanVersions.classId))
    .where(
      and(
        eq(bilanStates.studentId, studentId),
        eq(bilanStates.periodId, periodId),
        eq(bilanStates.status, 'locked'),
      ),
    );
  if (!row || row.schoolId !== schoolId)
    throw notFound('Aucun bilan verrouillé pour cet élève et cette période.');
  return { content: row.content, hash: row.hash };
}
