/**
 * Lock marks, written by the server only (in the same transaction as the frozen version): the clients read
 * them to turn a student read-only at once.
 */
import type * as Y from 'yjs';
import { roots } from './cells.js';
import { InvalidValueError } from './limits.js';

/** The lock mark of a student: the frozen version it points to, when and by whom (display name). */
export interface LockInfo {
  version: number;
  lockedAt: string;
  lockedBy: string;
}

function map(doc: Y.Doc): Y.Map<LockInfo> {
  return doc.getMap<LockInfo>(roots.locks);
}

/** The lock of a student, or null when its bilan is open. */
export function getLock(doc: Y.Doc, studentId: string): LockInfo | null {
  return map(doc).get(studentId) ?? null;
}

/** The students whose bilan is locked. */
export function lockedStudentIds(doc: Y.Doc): Set<string> {
  return new Set(map(doc).keys());
}

/** True when `value` is a well-formed lock mark (positive integer version, ISO date-time, a name). */
export function isLockInfo(value: unknown): value is LockInfo {
  if (typeof value !== 'object' || value === null) return false;
  const { version, lockedAt, lockedBy } = value as Record<string, unknown>;
  return (
    typeof version === 'number' &&
    Number.isInteger(version) &&
    version > 0 &&
    typeof lockedAt === 'string' &&
    !Number.isNaN(Date.parse(lockedAt)) &&
    typeof lockedBy === 'string'
  );
}

/** Marks a student locked (server only). Throws `InvalidValueError` on a malformed mark. */
export function setLock(doc: Y.Doc, studentId: string, info: LockInfo): void {
  if (!isLockInfo(info)) throw new InvalidValueError('Marque de verrouillage non valide.', 'not-allowed');
  map(doc).set(studentId, { version: info.version, lockedAt: info.lockedAt, lockedBy: info.lockedBy });
}

/** Removes the lock mark of a student (server only). */
export function clearLock(doc: Y.Doc, studentId: string): void {
  map(doc).delete(studentId);
}
