/**
 * What an import prepares before it writes: each bilan matched to the school with its line of the report, and,
 * per mode, the changes of the live documents and the rows to write. Preparing is done outside the transaction;
 * writing is one transaction (run-import.ts).
 */
import type { ImportedBilan } from '@livret/lsu-xml';
import type * as Y from 'yjs';
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
/**
 * One document's change, made inside its queue on the room's trial copy (sync/live-documents.ts): it may read
 * the document it is given to decide what to write.
 */
export type DocChange = (doc: Y.Doc, importId: string) => void;
export interface Prepared {
  docUpdates: Map<string, DocChange>;
  write: (tx: Tx, importId: string) => Promise<void>;
}
