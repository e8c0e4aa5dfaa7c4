/**
 * The copies of class documents this browser keeps (IndexedDB databases named after the documents, and the
 * list of refused edits in localStorage): found by name, backed up during a recovery, removed on sign-out with
 * what the workspace needs offline (offline-cache.ts).
 */
import { parseClassDocName } from '@livret/domain/doc';
import { ACCOUNT_KEY, WORKSPACE_CACHE } from './offline-cache.js';

const BACKUP = '#reprise';
const REFUSED = 'livret:refus:';

/** The database that holds a copy being taken back after a refusal, until it has been. */
export function backupName(docName: string): string {
  return `${docName}${BACKUP}`;
}

/** The localStorage key of a document's refused edits. */
export function refusedKey(docName: string): string {
  return `${REFUSED}${docName}`;
}

function isClassCopy(name: string): boolean {
  return parseClassDocName(name.endsWith(BACKUP) ? name.slice(0, -BACKUP.length) : name) !== null;
}

/** The names of the IndexedDB databases of this origin (empty where the browser cannot list them). */
async function databaseNames(): Promise<string[]> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return [];
  const list = await indexedDB.databases();
  return list.map((d) => d.name).filter((n): n is string => typeof n === 'string');
}

/** True when the database exists (a backup left by an interrupted recovery). */
export async function databaseExists(name: string): Promise<boolean> {
  return (await databaseNames()).includes(name);
}

/**
 * Deletes a database. Resolves once deleted, or once the deletion is queued behind a connection still open
 * (another tab, a page being closed): the browser deletes it when that connection closes, and any later
 * open of the same name waits for it, so nothing reads the old content.
 */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onblocked = () => resolve();
    request.onerror = () => reject(request.error);
  });
}

/**
 * Removes every class document copy of this browser, the refused edits, the kept workspace payloads and the
 * account kept for offline use (on sign-out).
 */
export async function forgetLocalCopies(): Promise<void> {
  const names = await databaseNames().catch(() => []);
  await Promise.all(names.filter(isClassCopy).map((n) => deleteDatabase(n).catch(() => undefined)));
  if (typeof caches !== 'undefined') await caches.delete(WORKSPACE_CACHE).catch(() => false);
  for (let i = localStorage.length - 1; i >= 0; i--) {
    const key = localStorage.key(i);
    if (key?.startsWith(REFUSED) || key === ACCOUNT_KEY) localStorage.removeItem(key);
  }
}
