/**
 * Reading a large LSU file takes seconds of CPU (XSD validation, parse, records). Done on the main thread, it
 * would stall every WebSocket of the school meanwhile, the conseil de classe included; so the bundled server
 * reads in worker threads (dist/import-reader.js), two at once: one validates against the XSD while the other
 * parses the records, and the records are only used once the schema said yes (the two take about as long, and
 * the machine has two cores). From the TypeScript sources (tests), it reads in-thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { LsuFile } from '@livret/lsu-xml';
import {
  bilansOfCollegeFile,
  bilansOfEcoleFile,
  type Degre,
  decodeLsuText,
  type ImportedBilan,
  type LsuIssue,
  type ReadResult,
  readLsuFile,
  readLsuRecords,
  validateAgainstSchema,
} from '@livret/lsu-xml';

export type ReadBilansResult =
  | { ok: true; etablissement: string; bilans: ImportedBilan[] }
  | { ok: false; issues: LsuIssue[] };

/** What one worker does: validate against the XSD, or read the records into bilans. */
export type ReaderTask = 'validate' | 'read';

const bilansOf = (read: ReadResult<LsuFile>): ReadBilansResult => {
  if (!read.ok) return read;
  const bilans = read.file.degre === '2D' ? bilansOfCollegeFile(read.file) : bilansOfEcoleFile(read.file);
  return { ok: true, etablissement: read.file.entete.etablissement, bilans };
};

/** One worker's task (also the in-thread path, as 'all'). */
export function runReaderTask(
  bytes: Uint8Array,
  degre: Degre,
  task: ReaderTask | 'all',
): ReadBilansResult | { ok: true } {
  if (task === 'all') return bilansOf(readLsuFile(bytes, { degre }));
  if (task === 'read') return bilansOf(readLsuRecords(bytes, { degre }));
  // The same first look as readLsuFile (size, encoding, no DOCTYPE) before libxml2 sees the bytes.
  const decoded = decodeLsuText(bytes);
  if (!decoded.ok) return decoded;
  const checked = validateAgainstSchema(decoded.utf8, degre);
  return checked.ok ? { ok: true } : checked;
}

/** The bundled worker, beside the bundle that imports this module (absent when running from sources). */
const workerFile = new URL('./import-reader.js', import.meta.url);
const hasWorker = workerFile.protocol === 'file:' && existsSync(fileURLToPath(workerFile));

function inWorker<T>(
  bytes: Uint8Array,
  degre: Degre,
  task: ReaderTask,
): { result: Promise<T>; stop(): void } {
  const worker = new Worker(workerFile, { workerData: { bytes, degre, task } });
  let stopped = false;
  const result = new Promise<T>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0 && !stopped) reject(new Error(`import reader (${task}) exited with code ${code}`));
    });
  }).finally(() => void worker.terminate());
  return {
    result,
    stop() {
      // A stopped reading is nobody's answer any more: its end must not surface as an unhandled rejection.
      stopped = true;
      result.catch(() => {});
      void worker.terminate();
    },
  };
}

/** Reads a file's bilans, off the main thread when the bundled worker is there. */
export async function readBilansOffThread(bytes: Uint8Array, degre: Degre): Promise<ReadBilansResult> {
  if (!hasWorker) return runReaderTask(bytes, degre, 'all') as ReadBilansResult;
  const validation = inWorker<ReadBilansResult | { ok: true }>(bytes, degre, 'validate');
  const reading = inWorker<ReadBilansResult>(bytes, degre, 'read');
  let checked: ReadBilansResult | { ok: true };
  try {
    checked = await validation.result;
  } catch (error) {
    reading.stop();
    throw error;
  }
  if (!checked.ok) {
    reading.stop();
    return checked;
  }
  return reading.result;
}
