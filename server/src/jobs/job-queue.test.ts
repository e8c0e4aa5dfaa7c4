import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { JobQueue } from './job-queue.js';

/** A job that runs until the test releases it, recording when it starts. */
function gate(log: string[], name: string) {
  let release!: () => void;
  const released = new Promise<void>((resolve) => {
    release = resolve;
  });
  return {
    run: async () => {
      log.push(`start ${name}`);
      await released;
      log.push(`end ${name}`);
    },
    release: () => release(),
  };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('JobQueue', () => {
  it('runs one job at a time per school, at most `concurrency` in all, in order', async () => {
    const queue = new JobQueue({ concurrency: 2 });
    const log: string[] = [];
    const a1 = gate(log, 'a1');
    const a2 = gate(log, 'a2');
    const b1 = gate(log, 'b1');
    const c1 = gate(log, 'c1');
    const positions: Record<string, number[]> = { a2: [], c1: [] };
    const done = [
      queue.enqueue('a', a1.run),
      queue.enqueue('a', a2.run, (n) => void positions.a2!.push(n)),
      queue.enqueue('b', b1.run),
      queue.enqueue('c', c1.run, (n) => void positions.c1!.push(n)),
    ];
    await tick();
    expect(log).toEqual(['start a1', 'start b1']); // a2 waits for a1, c1 for a free slot
    a1.release();
    await done[0];
    await tick();
    expect(log).toEqual(['start a1', 'start b1', 'end a1', 'start a2']);
    b1.release();
    a2.release();
    c1.release();
    await Promise.all(done);
    expect(log.filter((l) => l.startsWith('start'))).toEqual([
      'start a1',
      'start b1',
      'start a2',
      'start c1',
    ]);
    expect(positions.a2![0]).toBe(1); // one job of its school (running) before it
    expect(positions.c1![0]).toBe(0); // nothing of its school before it: waiting for a slot only
    queue.close();
  });

  it('refuses a new job when the school already has its fill waiting, with a French message', async () => {
    const queue = new JobQueue({ concurrency: 1, maxWaitingPerSchool: 2 });
    const log: string[] = [];
    const running = gate(log, 'running');
    const first = queue.enqueue('a', running.run);
    const waiting = [queue.enqueue('a', async () => {}), queue.enqueue('a', async () => {})];
    expect(() => queue.assertRoomFor('a')).toThrow(AppError);
    expect(() => queue.assertRoomFor('b')).not.toThrow();
    running.release();
    await Promise.all([first, ...waiting]);
    expect(() => queue.assertRoomFor('a')).not.toThrow();
    queue.close();
  });

  it('a failed job rejects its own promise and the line goes on', async () => {
    const queue = new JobQueue({ concurrency: 1 });
    const failed = queue.enqueue('a', async () => {
      throw new Error('boom');
    });
    const next = queue.enqueue('a', async () => {});
    await expect(failed).rejects.toThrow('boom');
    await expect(next).resolves.toBeUndefined();
    queue.close();
  });
});
