/**
 * The heavy jobs of a server (LSU imports, PDF éditions) wait their turn here: one at a time per school, and at
 * most `concurrency` at once in the process, so fifty éditions started together cost one édition's memory and
 * threads, not fifty. A waiting job is told its place in its school's line (and told again every
 * `heartbeatMs`, so its row shows it is alive). The line is per process: a job cut off by a stop is marked
 * failed at the next start (its row says so), never resumed twice.
 */
import { AppError } from '../errors.js';

/** One job waiting or running. */
interface Job {
  schoolId: string;
  run: () => Promise<void>;
  onWait: (position: number) => void | Promise<void>;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface JobQueueOptions {
  /** Jobs running at once in the process (the machine's cores are shared with the live documents). */
  concurrency?: number;
  /** Jobs a school may have waiting; beyond, `assertRoomFor` refuses a new one. */
  maxWaitingPerSchool?: number;
  heartbeatMs?: number;
}

export class JobQueue {
  readonly #concurrency: number;
  readonly #maxWaiting: number;
  #waiting: Job[] = [];
  /** Schools with a job running. */
  #running = new Set<string>();
  #heartbeat: NodeJS.Timeout;

  constructor(options: JobQueueOptions = {}) {
    this.#concurrency = options.concurrency ?? 2;
    this.#maxWaiting = options.maxWaitingPerSchool ?? 5;
    this.#heartbeat = setInterval(() => this.#tellPositions(), options.heartbeatMs ?? 60_000);
    this.#heartbeat.unref();
  }

  /**
   * Runs `run` when the school's earlier jobs are over and a slot is free; resolves or rejects with it.
   * @example await queue.enqueue(schoolId, () => runImport(…), (n) => say(`En attente (${n} avant)`));
   */
  enqueue(
    schoolId: string,
    run: () => Promise<void>,
    onWait: (position: number) => void | Promise<void> = () => {},
  ): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.#waiting.push({ schoolId, run, onWait, resolve, reject });
      this.#next();
    });
  }

  /** Throws a French 429 when the school already has `maxWaitingPerSchool` jobs waiting (call before `enqueue`). */
  assertRoomFor(schoolId: string): void {
    if (this.#waiting.filter((job) => job.schoolId === schoolId).length < this.#maxWaiting) return;
    throw new AppError(
      'rate_limited',
      'Trop d’imports et d’éditions en attente pour cet établissement : réessayez quand les précédents seront terminés.',
    );
  }

  /** Stops the heartbeat (tests, shutdown); running jobs go on. */
  close(): void {
    clearInterval(this.#heartbeat);
  }

  #next(): void {
    while (this.#running.size < this.#concurrency) {
      const index = this.#waiting.findIndex((job) => !this.#running.has(job.schoolId));
      if (index < 0) break;
      const [job] = this.#waiting.splice(index, 1) as [Job];
      this.#running.add(job.schoolId);
      job
        .run()
        .then(job.resolve, job.reject)
        .finally(() => {
          this.#running.delete(job.schoolId);
          this.#next();
        });
    }
    this.#tellPositions();
  }

  /** Each waiting job learns how many jobs of its school are before it (the running one included). */
  #tellPositions(): void {
    const ahead = new Map<string, number>();
    for (const job of this.#waiting) {
      const before = ahead.get(job.schoolId) ?? (this.#running.has(job.schoolId) ? 1 : 0);
      Promise.resolve()
        .then(() => job.onWait(before))
        .catch(() => {}); // a failed progress write must not stop the line
      ahead.set(job.schoolId, before + 1);
    }
  }
}

/** What a waiting job shows: how many imports or éditions of the school run or wait before it. */
export function waitingStep(ahead: number): string {
  return ahead <= 1
    ? 'En attente : un import ou une édition de l’établissement est en cours'
    : `En attente : ${ahead} imports ou éditions de l’établissement avant celui-ci`;
}

const queues = new WeakMap<object, JobQueue>();

/**
 * The job queue of one running server, keyed by its services (so tests and servers in one process do not
 * share lines).
 */
export function jobQueueOf(owner: object): JobQueue {
  let queue = queues.get(owner);
  if (!queue) {
    queue = new JobQueue();
    queues.set(owner, queue);
  }
  return queue;
}
