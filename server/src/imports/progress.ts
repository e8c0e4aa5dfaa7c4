/**
 * Progress of the imports running in this process, for the progress bar. It is only a view: the import's row
 * in the database says whether it runs, is done or failed, and holds the report.
 */
const running = new Map<string, { progress: number; step: string }>();

/** Sets (or, with null, clears) the progress of a running import. */
export function setProgress(importId: string, value: { progress: number; step: string } | null): void {
  if (value) running.set(importId, value);
  else running.delete(importId);
}

/** The progress of a running import, when it runs in this process. */
export function progressOf(importId: string): { progress: number; step: string } | undefined {
  return running.get(importId);
}
