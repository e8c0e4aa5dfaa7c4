/** Worker entry (bundled as dist/import-reader.js): reads one LSU file and posts its bilans back. */
import { parentPort, workerData } from 'node:worker_threads';
import { readBilans } from './read-off-thread.js';

const { bytes, degre } = workerData as { bytes: Uint8Array; degre: '1D' | '2D' };
parentPort?.postMessage(readBilans(bytes, degre));
