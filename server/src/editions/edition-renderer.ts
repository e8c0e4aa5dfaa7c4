/**
 * Worker entry (bundled as dist/edition-renderer.js): renders the tasks the pool sends, one at a time, and posts
 * progress and files back (the files' buffers are transferred, not copied).
 */
import { parentPort } from 'node:worker_threads';
import { type MergeTask, type RenderTask, runTask } from './render-task.js';

parentPort?.on('message', async ({ id, task }: { id: number; task: RenderTask | MergeTask }) => {
  try {
    let last = 0;
    const rendered = await runTask(task, (fraction) => {
      // A message per page would cost more than it tells: one per percent at most.
      if (fraction - last >= 0.01 || fraction === 1) {
        last = fraction;
        parentPort?.postMessage({ id, type: 'progress', fraction });
      }
    });
    // Each file gets a buffer of its own, so that it can be transferred.
    const files = rendered.map((f) => ({ name: f.name, bytes: f.bytes.slice() }));
    parentPort?.postMessage(
      { id, type: 'done', files },
      files.map((f) => f.bytes.buffer as ArrayBuffer),
    );
  } catch (error) {
    parentPort?.postMessage({ id, type: 'error', message: (error as Error).message });
  }
});
