/**
 * What an import prepares before it writes: each bilan matched to the school with its line of the report, and,
 * per mode, the changes of the live documents and the rows to write. Preparing is done outside the transaction;
 * writing is one transaction (run-import.ts).
 */
import type { ImportedBilan } from '@livret/lsu-xml';
import * as Y from 'yjs';
import type { Services } from '../env.js';
import type { Match } from './matching.js';
import type { StudentOutcome } from './schemas.js';

/** A bilan of the file, matched to the school, with its line of the report. */
export interface Candidate {
  bilan: ImportedBilan;
  match: Match;
  outcome: StudentOutcome;
}

/** Marks a bilan rejected, with why. */
export function reject(outcome: StudentOutcome, ...reasons: string[]) {
  outcome.status = 'rejete';
  outcome.reasons.push(...reasons);
}

export type Tx = Parameters<Parameters<Services['database']['db']['transaction']>[0]>[0];
/** Computes one document's change against its current state (inside its queue); null when there is none. */
export type DocChange = (doc: Y.Doc, importId: string) => Uint8Array | null;
export interface Prepared {
  docUpdates: Map<string, DocChange>;
  write: (tx: Tx, importId: string) => Promise<void>;
}

/** A change made on a scratch copy of a document, as one update (null when nothing changed). */
export function changeOf(doc: Y.Doc, change: (scratch: Y.Doc) => void): Uint8Array | null {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(scratch);
  change(scratch);
  const update = Y.encodeStateAsUpdate(scratch, before);
  scratch.destroy();
  return update.byteLength > 2 ? update : null;
}
