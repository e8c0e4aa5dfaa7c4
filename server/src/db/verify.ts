/**
 * Re-checks every frozen version: its content against its hash (SHA-256 of the canonical JSON), and its link
 * in the chain of its bilan (same student, kind and period). Read-only; the operators' `verify` command
 * (src/verify.ts) prints its lines.
 */
import { asc, sql } from 'drizzle-orm';
import { chainHashOf, contentHashOf } from '../bilans/versions.js';
import type { Db } from './client.js';
import { bilanVersions } from './schema.js';

export interface VerifyResult {
  versions: number;
  bilans: number;
  /** One plain English line per problem. */
  problems: string[];
}

/** Checks all versions, a page at a time (the contents are large), calling `onProblem` as it finds them. */
export async function verifyFrozenVersions(
  db: Db,
  onProblem: (line: string) => void = () => {},
): Promise<VerifyResult> {
  const result: VerifyResult = { versions: 0, bilans: 0, problems: [] };
  const report = (line: string) => {
    result.problems.push(line);
    onProblem(line);
  };
  let bilan = '';
  let previous: { version: number; chainHash: string } | null = null;
  const pageSize = 500;
  for (let offset = 0; ; offset += pageSize) {
    const page = await db
      .select()
      .from(bilanVersions)
      .orderBy(
        asc(bilanVersions.studentId),
        asc(bilanVersions.kind),
        sql`${bilanVersions.periodId} asc nulls first`,
        asc(bilanVersions.version),
        asc(bilanVersions.id),
      )
      .limit(pageSize)
      .offset(offset);
    for (const v of page) {
      result.versions += 1;
      const key = `${v.studentId}|${v.kind}|${v.periodId ?? ''}`;
      if (key !== bilan) {
        bilan = key;
        previous = null;
        result.bilans += 1;
      }
      const where = `version ${v.version} (id ${v.id}) of the ${v.kind} bilan of student ${v.studentId}${v.periodId ? `, period ${v.periodId}` : ''}`;
      if (contentHashOf(v.content) !== v.contentHash) {
        report(`MISMATCH ${where}: the content does not match its content_hash`);
      }
      if (chainHashOf(v.contentHash, v.previousHash) !== v.chainHash) {
        report(`MISMATCH ${where}: chain_hash does not match content_hash and previous_hash`);
      }
      const expectedPrevious = previous?.version === v.version - 1 ? previous.chainHash : null;
      if (v.version > 1 && expectedPrevious === null) {
        report(`MISMATCH ${where}: version ${v.version - 1} is missing`);
      } else if (v.previousHash !== expectedPrevious) {
        report(`MISMATCH ${where}: previous_hash is not the chain_hash of version ${v.version - 1}`);
      }
      previous = { version: v.version, chainHash: v.chainHash };
    }
    if (page.length < pageSize) break;
  }
  return result;
}
