/**
 * Reading a large LSU file takes seconds of CPU (XSD validation, parse, records). Done on the main thread, it
 * would stall every WebSocket of the school meanwhile, the conseil de classe included; so the bundled server
 * reads in a worker thread (dist/import-reader.js). From the TypeScript sources (tests), it reads in-thread.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import {
  bilansOfCollegeFile,
  bilansOfEcoleFile,
  type Degre,
  type ImportedBilan,
  type LsuIssue,
  readLsuFile,
} from '@livret/lsu-xml';

export type ReadBilansResult =
  | { ok: true; etablissement: string; bilans: ImportedBilan[] }
  | { ok: false; issues: LsuIssue[] };

/** Reads a file's bilans (the work a worker does). */
export function readBilans(bytes: Uint8Array, degre: Degre): ReadBilansResult {
  const read = readLsuFile(bytes, { degre });
  if (!read.ok) return read;
  const bilans = read.file.degre === '2D' ? bilansOfCollegeFile(read.file) : bilansOfEcoleFile(read.file);
  return { ok: true, etablissement: read.file.entete.etablissement, bilans };
}

/** The bundled worker, beside the bundle that imports this module (absent when running from sources). */
const workerFile = new URL('./import-reader.js', import.meta.url);
const hasWorker = workerFile.protocol === 'file:' && existsSync(fileURLToPath(workerFile));

/** Reads a file's bilans off the main thread when the bundled worker is there, in-thread otherwise. */
export function readBilansOffThread(bytes: Uint8Array, degre: Degre): Promise<ReadBilansResult> {
  if (!hasWorker) return Promise.resolve(readBilans(bytes, degre));
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: { bytes, degre } });
    worker.once('message', (result: ReadBilansResult) => {
      resolve(result);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`import reader exited with code ${code}`));
    });
  });
}
