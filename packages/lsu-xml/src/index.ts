/**
 * `@livret/lsu-xml`: the official LSU exchange format. This first slice reads files safely (envelope) and
 * parses the collège référentiels and periodic bilans into typed, checked records. Build (export), the école
 * schema's records and the import into a school come next (issue 3).
 */
import { readEnvelope } from './envelope.js';
import type { LsuIssue } from './errors.js';
import { type CollegeFile, readCollege } from './referentiels.js';

export {
  COLLEGE_VERSIONS,
  DEFAULT_MAX_BYTES,
  ECOLE_VERSIONS,
  LSU_NAMESPACE,
  readEnvelope,
} from './envelope.js';
export { formatIssue, type LsuIssue } from './errors.js';
export * from './referentiels.js';

/**
 * Parses and checks a collège LSU file. Nothing is returned when any issue is found: an import is all or
 * nothing.
 */
export function parseCollegeFile(
  input: Uint8Array | string,
  options: { maxBytes?: number } = {},
): { ok: true; file: CollegeFile } | { ok: false; issues: LsuIssue[] } {
  const read = readEnvelope(input, { degre: '2D', ...options });
  if (!read.ok) return read;
  const { file, issues } = readCollege(read.envelope.root, read.envelope.schemaVersion);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, file };
}
