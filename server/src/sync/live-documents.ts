/**
 * The one way the server changes live documents (a lock, an unlock, an import). Holding the queues of the
 * documents (in name order: two tasks never wait for each other), the task reads the documents, makes its
 * changes on the rooms' trial copies (the documents are untouched), and stores the resulting updates with its
 * own rows in ONE database transaction. Only when the task succeeds are the updates applied and broadcast; if
 * it fails, nothing changed anywhere.
 * @example
 * await withLiveDocuments(services, [docName], async (live) => {
 *   live.change(docName, (doc) => setLock(doc, studentId, info));
 *   await db.transaction(async (tx) => { await writeRows(tx); await live.store(tx); });
 * });
 */
import type * as Y from 'yjs';
import type { Db } from '../db/client.js';
import type { Services } from '../env.js';
import type { Room } from './room.js';
import { appendUpdateIn } from './update-log.js';

/** What a task sees of the documents it holds. */
export interface LiveDocuments {
  /** The current state of a held document, to read (never to write: use `change`). */
  doc(name: string): Y.Doc;
  /** Makes a change to a held document, to be stored by `store` and applied when the task succeeds. */
  change(name: string, change: (doc: Y.Doc) => void): void;
  /** Appends every change made so far to the update log, inside the caller's transaction. */
  store(tx: Db): Promise<void>;
}

/**
 * Runs `task` while holding the queues of the named documents; see the module comment.
 */
export async function withLiveDocuments<T>(
  services: Services,
  names: string[],
  task: (live: LiveDocuments) => Promise<T>,
): Promise<T> {
  const rooms = new Map<string, Room>();
  try {
    for (const name of [...new Set(names)].sort()) rooms.set(name, await services.rooms.get(name));
    const held = [...rooms.values()];
    const hold = async (index: number): Promise<T> => {
      const room = held[index];
      if (room) return room.exclusive(() => hold(index + 1));
      return runHolding(rooms, task);
    };
    return await hold(0);
  } finally {
    for (const room of rooms.values()) void services.rooms.released(room);
  }
}

async function runHolding<T>(rooms: Map<string, Room>, task: (live: LiveDocuments) => Promise<T>) {
  const updates = new Map<string, Uint8Array[]>();
  let stored = false;
  const roomOf = (name: string) => {
    const room = rooms.get(name);
    if (!room) throw new Error(`document ${name} is not held by this task`);
    return room;
  };
  const live: LiveDocuments = {
    doc: (name) => roomOf(name).doc,
    change(name, change) {
      const update = roomOf(name).prepareServerChange(change);
      if (update) updates.set(name, [...(updates.get(name) ?? []), update]);
    },
    async store(tx) {
      for (const [name, list] of updates) for (const update of list) await appendUpdateIn(tx, name, update);
      stored = true;
    },
  };
  let result: T;
  try {
    result = await task(live);
    // A change applied without being in the log would vanish at the next load: that is a bug of the caller.
    if (updates.size > 0 && !stored) throw new Error('live document changes were made but not stored');
  } catch (error) {
    for (const room of rooms.values()) room.discardServerChanges();
    throw error;
  }
  for (const [name, list] of updates) for (const update of list) roomOf(name).commitServerChange(update);
  return result;
}
