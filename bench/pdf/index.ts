/**
 * PDF benchmark (issue 4): bilans per second for one student and for a 600-student collège (two printed pages
 * each), and peak memory, beside the floor measured in the same run: pdfmake rendering a one-page document with
 * one table, with the same fonts. Each phase runs in its own child process, so its peak memory (max RSS) is its
 * own. The school is printed as one document on one thread (the reference), then the two ways an édition prints it,
 * chunks of 25 students spread over a worker thread per core: one document per chunk merged into one PDF (the PDF
 * édition), and one PDF per student (the zip édition).
 * Target: the 600-student school in under 60 s on a 2-core machine.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { bilanDocument, bilansDocument, type DocumentDefinition, FONT_FAMILY, renderPdf } from '@livret/pdf';
import { sampleHash, schoolBilans } from '@livret/pdf/testing';
import { PDFDocument } from 'pdf-lib';
import { type RenderTask, runMergeTask, runRenderTask } from '../../server/src/editions/render-task.js';

const STUDENTS = Number(process.env.STUDENTS ?? 600);
const REPEAT = 40;
const self = fileURLToPath(import.meta.url);

type Phase = 'floor' | 'one' | 'merged' | 'parallel' | 'parallel-merged';
interface Figures {
  phase: Phase;
  /** Milliseconds per document (floor, one) or for the whole school. */
  ms: number;
  coldMs?: number;
  bilans: number;
  pages?: number;
  bytes: number;
  maxRssMb: number;
  threads: number;
}

const mb = (kb: number) => Math.round(kb / 1024);
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
/** Pages of a pdfkit file (no object streams): a look at the bytes is enough. */
const pageCount = (bytes: Uint8Array) =>
  Buffer.from(bytes)
    .toString('latin1')
    .match(/\/Type \/Page\b/g)?.length ?? 0;

/** The floor: a one-page document with one table, as small as pdfmake documents get. */
function floorDocument(): DocumentDefinition {
  const at = new Date('2026-11-27T17:30:00Z');
  return {
    info: {
      title: 'floor',
      author: 'bench',
      subject: '',
      keywords: '',
      creator: 'bench',
      producer: 'bench',
      creationDate: at,
      modDate: at,
    },
    pageSize: 'A4',
    pageMargins: [28, 28, 28, 28],
    styles: {},
    defaultStyle: { font: FONT_FAMILY, fontSize: 8 },
    content: [
      {
        table: {
          widths: ['*', '*'],
          body: [
            ['Discipline', 'Appréciation'],
            ['Français', 'Très bon trimestre.'],
          ],
        },
      },
    ],
  };
}

async function repeat(
  render: () => Promise<Uint8Array>,
): Promise<{ ms: number; coldMs: number; bytes: Uint8Array }> {
  let start = performance.now();
  let bytes = await render();
  const coldMs = performance.now() - start;
  const times: number[] = [];
  for (let i = 0; i < REPEAT; i++) {
    start = performance.now();
    bytes = await render();
    times.push(performance.now() - start);
  }
  return { ms: median(times), coldMs, bytes };
}

/**
 * The édition's way: chunks of 25 students on a worker thread per core, one PDF each (zip) or one document per
 * chunk (merged after, in a worker too).
 */
async function parallel(
  items: RenderTask['items'],
  mode: RenderTask['mode'],
): Promise<{ bytes: number; files: number; threads: number; pages: number }> {
  const threads = availableParallelism();
  const chunks: RenderTask['items'][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  const workers = Array.from({ length: threads }, () => new Worker(self, { workerData: { worker: true } }));
  const results: Uint8Array[][] = [];
  const queue = chunks.map((chunk, index) => ({ chunk, index }));
  await Promise.all(
    workers.map(async (worker) => {
      for (let next = queue.shift(); next; next = queue.shift()) {
        const task: RenderTask = { kind: 'render', items: next.chunk, mode, title: 'bench', author: 'bench' };
        results[next.index] = await new Promise<Uint8Array[]>((resolve, reject) => {
          const fail = (error: Error) => reject(error);
          worker.once('error', fail);
          worker.once('message', (message: Uint8Array[]) => {
            worker.off('error', fail);
            resolve(message);
          });
          worker.postMessage(task);
        });
      }
      await worker.terminate();
    }),
  );
  let files = results.flat();
  if (mode === 'merged') {
    const date = new Date('2026-11-27T17:30:00Z').toISOString();
    // In a worker, as the édition does: the main thread only waits.
    const worker = new Worker(self, { workerData: { worker: true } });
    files = await new Promise<Uint8Array[]>((resolve, reject) => {
      worker.once('error', reject);
      worker.once('message', resolve);
      worker.postMessage({ kind: 'merge', parts: files, title: 'bench', author: 'bench', date });
    });
    await worker.terminate();
  }
  let pages = 0;
  for (const file of files) pages += (await PDFDocument.load(file)).getPageCount();
  return { bytes: files.reduce((sum, f) => sum + f.byteLength, 0), files: files.length, threads, pages };
}

async function runPhase(phase: Phase): Promise<Figures> {
  const bilans = schoolBilans(phase === 'floor' || phase === 'one' ? 1 : STUDENTS);
  const items = bilans.map((bilan) => ({ bilan, hash: sampleHash }));
  let figures: Omit<Figures, 'maxRssMb'>;
  if (phase === 'floor' || phase === 'one') {
    const document = phase === 'floor' ? floorDocument : () => bilanDocument(items[0]!);
    const { ms, coldMs, bytes } = await repeat(() => renderPdf(document()));
    figures = { phase, ms, coldMs, bilans: 1, pages: pageCount(bytes), bytes: bytes.byteLength, threads: 1 };
  } else if (phase === 'merged') {
    const start = performance.now();
    const bytes = await renderPdf(bilansDocument(items, { title: 'bench', author: 'bench' }));
    figures = {
      phase,
      ms: performance.now() - start,
      bilans: items.length,
      pages: pageCount(bytes),
      bytes: bytes.byteLength,
      threads: 1,
    };
  } else {
    const start = performance.now();
    const stored = items.map(({ bilan, hash }) => ({ content: JSON.parse(JSON.stringify(bilan)), hash }));
    const result = await parallel(stored, phase === 'parallel' ? 'separate' : 'merged');
    figures = {
      phase,
      ms: performance.now() - start,
      bilans: stored.length,
      pages: result.pages,
      bytes: result.bytes,
      threads: result.threads,
    };
  }
  return { ...figures, maxRssMb: mb(process.resourceUsage().maxRSS) };
}

function child(phase: Phase): Figures {
  const run = spawnSync(process.execPath, ['--expose-gc', self, phase], {
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`${phase} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').pop()!) as Figures;
}

const rate = (bilans: number, ms: number) => `${(bilans / (ms / 1000)).toFixed(1).padStart(6)} /s`;
const seconds = (ms: number) =>
  (ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${ms.toFixed(1)} ms`).padStart(9);

if (!isMainThread && (workerData as { worker?: boolean })?.worker) {
  parentPort?.on('message', async (task: RenderTask | Parameters<typeof runMergeTask>[0]) => {
    const files = task.kind === 'merge' ? await runMergeTask(task) : await runRenderTask(task, () => {});
    parentPort?.postMessage(files.map((f) => f.bytes));
  });
} else if (process.argv[2]) {
  console.log(JSON.stringify(await runPhase(process.argv[2] as Phase)));
} else {
  console.log(
    `PDF benchmark: ${STUDENTS} collège students, two printed pages each (Node ${process.version}, ${availableParallelism()} cores)\n`,
  );
  const floor = child('floor');
  console.log(
    `floor: pdfmake, one page, one table         ${seconds(floor.ms)} per doc  ${rate(1, floor.ms)}   first ${seconds(floor.coldMs!)}   peak RSS ${floor.maxRssMb} MiB`,
  );
  const one = child('one');
  console.log(
    `one student (${one.pages} pages)                      ${seconds(one.ms)} per bilan ${rate(1, one.ms)}   first ${seconds(one.coldMs!)}   peak RSS ${one.maxRssMb} MiB   ${(one.ms / floor.ms).toFixed(1)}× the floor`,
  );
  const merged = child('merged');
  console.log(
    `${STUDENTS} students, one PDF, one thread         ${seconds(merged.ms)}           ${rate(merged.bilans, merged.ms)}   ${merged.pages} pages, ${(merged.bytes / 1048576).toFixed(1)} MiB   peak RSS ${merged.maxRssMb} MiB`,
  );
  const parMerged = child('parallel-merged');
  console.log(
    `${STUDENTS} students, one PDF, ${parMerged.threads} threads + merge ${seconds(parMerged.ms)}           ${rate(parMerged.bilans, parMerged.ms)}   ${parMerged.pages} pages, ${(parMerged.bytes / 1048576).toFixed(1)} MiB   peak RSS ${parMerged.maxRssMb} MiB   (the PDF édition)`,
  );
  const par = child('parallel');
  console.log(
    `${STUDENTS} students, a PDF each, ${par.threads} threads       ${seconds(par.ms)}           ${rate(par.bilans, par.ms)}   ${par.bilans} files, ${(par.bytes / 1048576).toFixed(1)} MiB   peak RSS ${par.maxRssMb} MiB   (the zip édition, before zipping)`,
  );
  const slowest = Math.max(parMerged.ms, par.ms);
  console.log(
    `\ntarget: ${STUDENTS} students under 60 s — ${slowest < 60_000 ? 'met' : 'NOT met'} by both éditions (slowest ${seconds(slowest).trim()})`,
  );
}
