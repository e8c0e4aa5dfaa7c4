/**
 * The job of an édition, off the request path: renders the bilans in the worker pool (chunks of students spread
 * over the cores for a zip; one document for a merged PDF), writes its progress to the édition's row — where it
 * also learns that the user cancelled — and stores the file. Nothing is kept in this process that the row does
 * not say.
 */
import { and, eq } from 'drizzle-orm';
import { zipSync } from 'fflate';
import { editions } from '../db/schema.js';
import type { Services } from '../env.js';
import { RenderPool } from './render-pool.js';
import type { RenderedFile } from './render-task.js';
import type { SelectedBilan } from './selection.js';

export interface EditionRun {
  editionId: string;
  format: 'pdf' | 'zip';
  bilans: SelectedBilan[];
  title: string;
  author: string;
}

class Cancelled extends Error {}

/** Progress is written at most this often (ms): enough for a progress bar, little for the database. */
const WRITE_EVERY = 400;

/** The latest freezing date of the bilans: the date of the zip entries, so the same bilans give the same zip. */
function latestFrozenAt(bilans: readonly SelectedBilan[]): Date {
  const times = bilans.map((b) => Date.parse((b.content as { frozenAt: string }).frozenAt) || 0);
  return new Date(Math.max(Date.UTC(1980, 0, 2), ...times));
}

/** Zip of one PDF per bilan, in folders per class when there are several (stored: PDFs are compressed already). */
function zipOf(files: RenderedFile[], bilans: readonly SelectedBilan[]): Uint8Array {
  const mtime = latestFrozenAt(bilans);
  const entries: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  for (const file of files) {
    let name = file.name;
    for (let n = 2; entries[name]; n++) name = file.name.replace(/\.pdf$/, `-${n}.pdf`);
    entries[name] = [file.bytes, { level: 0, mtime }];
  }
  return zipSync(entries);
}

/**
 * Runs an édition to its end: done with its file, failed with a French message, or stopped when cancelled.
 * @example await runEdition(services, { editionId, format: 'zip', bilans, title, author });
 */
export async function runEdition(services: Services, run: EditionRun): Promise<void> {
  const db = services.database.db;
  const pool = new RenderPool();
  let lastWrite = 0;
  const write = async (progress: number, step: string, force = false) => {
    const now = services.now();
    if (!force && Date.now() - lastWrite < WRITE_EVERY) return;
    lastWrite = Date.now();
    const rows = await db
      .update(editions)
      .set({ progress: Math.min(1, progress), step, updatedAt: now })
      .where(and(eq(editions.id, run.editionId), eq(editions.status, 'running')))
      .returning({ id: editions.id });
    if (rows.length === 0) throw new Cancelled();
  };
  // Progress arrives from the workers as messages: the write (and the cancellation it may find) is chained.
  let chain = Promise.resolve();
  let stopped: unknown;
  const report = (progress: number, step: string) => {
    chain = chain
      .then(() => (stopped ? undefined : write(progress, step)))
      .catch((error) => {
        stopped ??= error;
        pool.close();
      });
  };
  try {
    const total = run.bilans.length;
    await write(0, `Mise en page de ${total} bilan${total > 1 ? 's' : ''}`, true);
    // Chunks of students spread over the cores: one PDF each (zip), or one document per chunk (merged after).
    const separate = run.format === 'zip';
    const size = Math.min(25, Math.max(1, Math.ceil(total / (pool.size * 6))));
    const done = new Map<number, number>();
    const chunks = Array.from({ length: Math.ceil(total / size) }, (_, i) =>
      run.bilans.slice(i * size, (i + 1) * size),
    );
    const parts = await Promise.all(
      chunks.map((items, i) =>
        pool.run(
          {
            kind: 'render',
            items,
            mode: separate ? 'separate' : 'merged',
            title: run.title,
            author: run.author,
          },
          (fraction) => {
            done.set(i, fraction * items.length);
            const count = Math.floor([...done.values()].reduce((a, b) => a + b, 0));
            report(
              (count / total) * (separate || chunks.length === 1 ? 1 : 0.95),
              `${count} bilan${count > 1 ? 's' : ''} sur ${total}`,
            );
          },
        ),
      ),
    );
    let files = parts.flat();
    if (!separate && files.length > 1) {
      report(0.95, 'Assemblage du PDF');
      const date = latestFrozenAt(run.bilans).toISOString();
      const merge = {
        kind: 'merge' as const,
        parts: files.map((f) => f.bytes),
        title: run.title,
        author: run.author,
        date,
      };
      files = await pool.run(merge);
    }
    await chain;
    if (stopped) throw stopped;
    const bytes = run.format === 'pdf' ? files[0]!.bytes : zipOf(files, run.bilans);
    await db
      .update(editions)
      .set({
        status: 'done',
        progress: 1,
        step: 'Terminé',
        file: bytes,
        updatedAt: services.now(),
        finishedAt: services.now(),
      })
      .where(and(eq(editions.id, run.editionId), eq(editions.status, 'running')));
  } catch (error) {
    if (stopped instanceof Cancelled || error instanceof Cancelled) return;
    console.error('edition failed', error);
    await db
      .update(editions)
      .set({
        status: 'failed',
        step: 'Échec',
        error: 'L’édition a échoué ; réessayez, et signalez-le si cela se reproduit.',
        updatedAt: services.now(),
        finishedAt: services.now(),
      })
      .where(and(eq(editions.id, run.editionId), eq(editions.status, 'running')));
  } finally {
    pool.close();
  }
}
