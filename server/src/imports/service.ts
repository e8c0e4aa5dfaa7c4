/**
 * LSU imports as the API sees them: start one (direction only; the job runs off the request path), list the
 * school's imports and reopen one with its report. The work itself is in run-import.ts.
 */
import { personName } from '@livret/domain';
import { and, desc, eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { isUuid } from '../access/class-scope.js';
import type { Db } from '../db/client.js';
import { accounts, imports } from '../db/schema.js';
import type { Services } from '../env.js';
import { AppError, forbidden, notFound } from '../errors.js';
import { jobQueueOf, waitingStep } from '../jobs/job-queue.js';
import { progressOf, setProgress } from './progress.js';
import { runImport } from './run-import.js';
import { type ImportJob, type ImportMode, type ImportReport, ImportReportSchema } from './schemas.js';

/** The school whose direction the actor is part of (the first, when it heads several). */
export function directedSchoolId(actor: Actor): string {
  const role = actor.roles.find((r) => r.role === 'direction');
  if (!role)
    throw forbidden('Seul le chef d’établissement ou le directeur peut importer ou exporter des bilans.');
  return role.schoolId;
}

/**
 * Starts an import; resolves with its id at once. `done` resolves when the job is over (tests await it).
 * @example const { id } = await startImport(services, actor, { fileName, mode: 'editeurs', bytes });
 */
export async function startImport(
  services: Services,
  actor: Actor,
  input: { fileName: string; mode: ImportMode; bytes: Uint8Array },
): Promise<{ id: string; done: Promise<unknown> }> {
  const schoolId = directedSchoolId(actor);
  if (input.bytes.byteLength === 0) throw new AppError('invalid', 'Le fichier est vide.');
  const queue = jobQueueOf(services);
  queue.assertRoomFor(schoolId);
  const [row] = await services.database.db
    .insert(imports)
    .values({
      schoolId,
      createdBy: actor.accountId,
      mode: input.mode,
      fileName: input.fileName.slice(0, 200) || 'import.xml',
      status: 'running',
      createdAt: services.now(),
    })
    .returning({ id: imports.id });
  const id = row!.id;
  // Off the request path, in the school's line of heavy jobs: the answer does not wait for the import.
  const done = queue.enqueue(
    schoolId,
    async () => {
      await runImport(services, actor, { importId: id, schoolId, mode: input.mode, bytes: input.bytes });
    },
    (ahead) => setProgress(id, { progress: 0, step: waitingStep(ahead) }),
  );
  return { id, done };
}

/**
 * At start: an import still marked running was cut off by a stop of the server. Its transaction never committed
 * (nothing of it was written), so it is marked failed, with a report that says so.
 */
export async function failInterruptedImports(db: Db, now: Date): Promise<void> {
  const report: ImportReport = {
    summary: { integrated: 0, rejected: 0, warnings: 0 },
    warnings: [],
    fileIssues: [
      {
        element: 'fichier',
        reason: 'Le serveur s’est arrêté pendant cet import : rien n’a été enregistré. Relancez l’import.',
      },
    ],
    students: [],
  };
  await db
    .update(imports)
    .set({ status: 'failed', report, finishedAt: now })
    .where(eq(imports.status, 'running'));
}

/** The school's imports, newest first. */
export async function listImports(services: Services, actor: Actor): Promise<ImportJob[]> {
  const schoolId = directedSchoolId(actor);
  const rows = await selectJobs(services)
    .where(eq(imports.schoolId, schoolId))
    .orderBy(desc(imports.createdAt))
    .limit(100);
  return rows.map(jobOf);
}

/** One import of the actor's school, with its progress or its report. */
export async function getImport(services: Services, actor: Actor, id: string): Promise<ImportJob> {
  const schoolId = directedSchoolId(actor);
  if (!isUuid(id)) throw notFound('Import introuvable.');
  const [row] = await selectJobs(services).where(and(eq(imports.id, id), eq(imports.schoolId, schoolId)));
  if (!row) throw notFound('Import introuvable.');
  return jobOf(row);
}

function selectJobs(services: Services) {
  return services.database.db
    .select({ job: imports, by: { firstName: accounts.firstName, lastName: accounts.lastName } })
    .from(imports)
    .innerJoin(accounts, eq(accounts.id, imports.createdBy))
    .$dynamic();
}

function jobOf({
  job,
  by,
}: {
  job: typeof imports.$inferSelect;
  by: { firstName: string; lastName: string };
}): ImportJob {
  const running = job.status === 'running' ? progressOf(job.id) : undefined;
  return {
    id: job.id,
    fileName: job.fileName,
    mode: job.mode as ImportMode,
    status: job.status as ImportJob['status'],
    progress: job.status === 'running' ? (running?.progress ?? 0) : 1,
    step:
      job.status === 'running'
        ? (running?.step ?? 'En attente')
        : job.status === 'done'
          ? 'Terminé'
          : 'Échec',
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    createdBy: personName(by),
    report: job.report ? ImportReportSchema.parse(job.report) : null,
  };
}
