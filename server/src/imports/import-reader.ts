/** Worker entry (bundled as dist/import-reader.js): one reading task on one LSU file, posted back. */
import { parentPort, workerData } from 'node:worker_threads';
import { type ReaderTask, runReaderTask } from './read-off-thread.js';

const { bytes, degre, task } = workerData as { bytes: Uint8Array; degre: '1D' | '2D'; task: ReaderTask };
parentPort?.postMessage(runReaderTask(bytes, degre, task));
