/**
 * The work of one rendering task, in a worker thread of the bundled server or in-thread from the sources: frozen
 * bilans (as stored, validated again here) to PDF bytes, either one document for all of them or one per bilan.
 */
import {
  bilanDocument,
  bilanFileName,
  bilansDocument,
  mergePdfs,
  parseFrozenBilan,
  renderPdf,
} from '@livret/pdf';

/** A task: the stored bilans with their hashes, and how to print them. */
export interface RenderTask {
  kind: 'render';
  items: { content: unknown; hash: string }[];
  /** `merged`: one document (a section per student); `separate`: one document per bilan. */
  mode: 'merged' | 'separate';
  title: string;
  author: string;
}

/** A task: PDFs rendered in parts, to merge into one file (in order) dated `date` (ISO). */
export interface MergeTask {
  kind: 'merge';
  parts: Uint8Array[];
  title: string;
  author: string;
  date: string;
}

/** A file made by a task. */
export interface RenderedFile {
  name: string;
  bytes: Uint8Array;
}

/**
 * Runs a task. `onProgress` gets the fraction done (0–1): per bilan for `separate`, per page drawn for `merged`.
 * @example const [file] = await runRenderTask({ items, mode: 'merged', title, author }, () => {});
 */
export async function runRenderTask(
  task: RenderTask,
  onProgress: (fraction: number) => void,
): Promise<RenderedFile[]> {
  const items = task.items.map(({ content, hash }) => ({ bilan: parseFrozenBilan(content), hash }));
  if (task.mode === 'merged') {
    const bytes = await renderPdf(bilansDocument(items, { title: task.title, author: task.author }), {
      onProgress,
    });
    return [{ name: 'bilans.pdf', bytes }];
  }
  const files: RenderedFile[] = [];
  for (const item of items) {
    files.push({ name: bilanFileName(item.bilan), bytes: await renderPdf(bilanDocument(item)) });
    onProgress(files.length / items.length);
  }
  return files;
}

/**
 * Merges the parts of a PDF édition into one file.
 * @example const [file] = await runMergeTask({ kind: 'merge', parts, title, author, date });
 */
export async function runMergeTask(task: MergeTask): Promise<RenderedFile[]> {
  const info = { title: task.title, author: task.author, date: new Date(task.date) };
  return [{ name: 'bilans.pdf', bytes: await mergePdfs(task.parts, info) }];
}

/** Runs a task of either kind. */
export function runTask(task: RenderTask | MergeTask, onProgress: (fraction: number) => void) {
  return task.kind === 'merge' ? runMergeTask(task) : runRenderTask(task, onProgress);
}
