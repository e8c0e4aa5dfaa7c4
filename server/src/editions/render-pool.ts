/**
 * Rendering PDFs is CPU work (tens of milliseconds a page): done on the main thread it would stall every live
 * document of the school. The bundled server renders in worker threads (dist/edition-renderer.js), one per core,
 * so an édition uses both cores of the machine; from the TypeScript sources (tests) it renders in-thread.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { type MergeTask, type RenderedFile, type RenderTask, runTask } from './render-task.js';

/** The bundled worker, beside the bundle that imports this module (absent when running from sources). */
const workerFile = new URL('./edition-renderer.js', import.meta.url);
const hasWorker = workerFile.protocol === 'file:' && existsSync(fileURLToPath(workerFile));

type Message =
  | { id: number; type: 'progress'; fraction: number }
  | { id: number; type: 'done'; files: RenderedFile[] }
  | { id: number; type: 'error'; message: string };

interface Pending {
  task: RenderTask | MergeTask;
  onProgress: (fraction: number) => void;
  resolve: (files: RenderedFile[]) => void;
  reject: (error: Error) => void;
}

/**
 * A pool of render workers for one édition: tasks queue and each idle worker takes the next one. `close()` ends
 * the workers at once (a cancelled édition stops mid-page).
 * @example const pool = new RenderPool(); const files = await pool.run(task, onProgress); pool.close();
 */
export class RenderPool {
  readonly size: number;
  #workers: Worker[] = [];
  #idle: Worker[] = [];
  #queue: Pending[] = [];
  #running = new Map<number, Pending>();
  #nextId = 1;
  #closed = false;

  readonly #unref: boolean;

  /** `unref`: a long-lived pool whose idle workers do not keep the process alive. */
  constructor(size = availableParallelism(), options: { unref?: boolean } = {}) {
    this.size = hasWorker ? Math.max(1, Math.min(size, 8)) : 1;
    this.#unref = options.unref ?? false;
  }

  /** Tasks waiting for a worker. */
  get waiting(): number {
    return this.#queue.length;
  }

  /** Runs a task on the next free worker (in-thread without the bundle). */
  run(
    task: RenderTask | MergeTask,
    onProgress: (fraction: number) => void = () => {},
  ): Promise<RenderedFile[]> {
    if (this.#closed) return Promise.reject(new Error('pool closed'));
    if (!hasWorker) return runTask(task, onProgress);
    return new Promise((resolve, reject) => {
      this.#queue.push({ task, onProgress, resolve, reject });
      this.#dispatch();
    });
  }

  /** Ends every worker; tasks not finished are rejected. */
  close(): void {
    this.#closed = true;
    for (const worker of this.#workers) void worker.terminate();
    const error = new Error('pool closed');
    for (const pending of [...this.#running.values(), ...this.#queue]) pending.reject(error);
    this.#running.clear();
    this.#queue = [];
  }

  #dispatch(): void {
    while (this.#queue.length > 0) {
      const worker = this.#idle.pop() ?? this.#spawn();
      if (!worker) return;
      const pending = this.#queue.shift()!;
      const id = this.#nextId++;
      this.#running.set(id, pending);
      worker.postMessage({ id, task: pending.task });
    }
  }

  #spawn(): Worker | undefined {
    if (this.#workers.length >= this.size) return undefined;
    const worker = new Worker(workerFile);
    if (this.#unref) worker.unref();
    this.#workers.push(worker);
    worker.on('message', (message: Message) => {
      const pending = this.#running.get(message.id);
      if (!pending) return;
      if (message.type === 'progress') return pending.onProgress(message.fraction);
      this.#running.delete(message.id);
      if (message.type === 'done') pending.resolve(message.files);
      else pending.reject(new Error(message.message));
      this.#idle.push(worker);
      this.#dispatch();
    });
    worker.on('error', (error) => {
      if (this.#closed) return;
      for (const pending of this.#running.values()) pending.reject(error);
      this.#running.clear();
    });
    return worker;
  }
}
