/**
 * The one store of frozen versions, for the lock and the Éditeurs import alike: version numbers, the content
 * hash (SHA-256 of the canonical JSON), the state row that makes a version current, the publication to the
 * family portal and the audit entry, all in the caller's transaction. The hash chain of each bilan is linked
 * by the database on insert (`livret_chain_version`), with the formula of `chainHashOf`.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@livret/domain';
import { and, eq, inArray, max, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { auditLog, bilanStates, bilanVersions, publications } from '../db/schema.js';

export type BilanKind = 'periodique' | 'fin-de-cycle';

/** One bilan: a student's bilan périodique of a period, or its bilan de fin de cycle (no period). */
export interface BilanKey {
  studentId: string;
  periodId: string | null;
  kind: BilanKind;
}

export const keyOf = (k: BilanKey) => `${k.studentId}|${k.periodId ?? ''}|${k.kind}`;

/** SHA-256 (hex) of the canonical JSON of a frozen bilan. */
export function contentHashOf(content: unknown): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** The link of a version in its bilan's chain: over its content hash and the previous link (none for v1). */
export function chainHashOf(contentHash: string, previousHash: string | null): string {
  return createHash('sha256')
    .update(`${previousHash ?? ''}:${contentHash}`)
    .digest('hex');
}

/** The last version number of each of these students' bilans (absent: none yet), so the next is last + 1. */
export async function lastVersions(db: Db, studentIds: string[]): Promise<Map<string, number>> {
  if (studentIds.length === 0) return new Map();
  const rows = await db
    .select({
      studentId: bilanVersions.studentId,
      periodId: bilanVersions.periodId,
      kind: bilanVersions.kind,
      version: max(bilanVersions.version),
    })
    .from(bilanVersions)
    .where(inArray(bilanVersions.studentId, studentIds))
    .groupBy(bilanVersions.studentId, bilanVersions.periodId, bilanVersions.kind);
  return new Map(rows.map((r) => [keyOf(r as BilanKey), r.version ?? 0]));
}

export interface FrozenVersion extends BilanKey {
  classId: string;
  /** The number frozen into `content` (last + 1). */
  version: number;
  content: unknown;
}

export interface StoreOptions {
  source: 'app' | 'import-editeurs';
  by: string;
  at: Date;
  /** The audit action ('bilan.lock', 'bilan.import-editeurs') and what its entries add to the defaults. */
  action: string;
  auditDetails?: Record<string, unknown>;
}

export interface StoredVersion extends BilanKey {
  versionId: string;
  version: number;
  contentHash: string;
  chainHash: string;
}

/**
 * Stores frozen versions as the current, locked, published versions of their bilans (each chained by the
 * database to the version before). Call inside a transaction, with at most one version per bilan.
 */
export async function storeFrozenVersions(
  tx: Db,
  versions: FrozenVersion[],
  options: StoreOptions,
): Promise<StoredVersion[]> {
  const stored: StoredVersion[] = [];
  for (let start = 0; start < versions.length; start += 200) {
    stored.push(...(await storeBatch(tx, versions.slice(start, start + 200), options)));
  }
  return stored;
}

async function storeBatch(tx: Db, batch: FrozenVersion[], options: StoreOptions): Promise<StoredVersion[]> {
  if (batch.length === 0) return [];
  const rows = batch.map((v) => ({ ...v, contentHash: contentHashOf(v.content) }));
  // One JSON parameter for the whole batch: the frozen contents are large, and binding thousands of
  // parameters costs several times the insert itself (measured in bench/lsu-xml).
  const records = rows.map((r) => ({
    student_id: r.studentId,
    period_id: r.periodId,
    class_id: r.classId,
    version: r.version,
    kind: r.kind,
    content: r.content,
    content_hash: r.contentHash,
    frozen_by: options.by,
    frozen_at: options.at.toISOString(),
    source: options.source,
  }));
  const inserted = await tx
    .insert(bilanVersions)
    .select(
      // The columns in schema order; previous_hash and chain_hash are the trigger's to fill.
      sql`select gen_random_uuid(), x.student_id, x.period_id, x.class_id, x.version, x.kind, x.content, x.content_hash, null, null, x.frozen_by, x.frozen_at, x.source
          from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(student_id uuid, period_id uuid, class_id uuid, version integer, kind text, content jsonb, content_hash text, frozen_by uuid, frozen_at timestamptz, source text)`,
    )
    .returning({
      id: bilanVersions.id,
      studentId: bilanVersions.studentId,
      periodId: bilanVersions.periodId,
      kind: bilanVersions.kind,
      chainHash: bilanVersions.chainHash,
    });
  const insertedOf = new Map(inserted.map((r) => [keyOf(r as BilanKey), r]));
  const result = rows.map((r) => ({
    studentId: r.studentId,
    periodId: r.periodId,
    kind: r.kind,
    versionId: insertedOf.get(keyOf(r))!.id,
    version: r.version,
    contentHash: r.contentHash,
    chainHash: insertedOf.get(keyOf(r))!.chainHash,
  }));

  await tx
    .insert(bilanStates)
    .values(
      result.map((r) => ({
        studentId: r.studentId,
        periodId: r.periodId,
        kind: r.kind,
        status: 'locked',
        currentVersionId: r.versionId,
        lockedAt: options.at,
        lockedBy: options.by,
      })),
    )
    .onConflictDoUpdate({
      target: [bilanStates.studentId, bilanStates.periodId, bilanStates.kind],
      set: {
        status: sql`excluded.status`,
        currentVersionId: sql`excluded.current_version_id`,
        lockedAt: sql`excluded.locked_at`,
        lockedBy: sql`excluded.locked_by`,
      },
    });
  await tx
    .insert(publications)
    .values(result.map((r) => ({ bilanVersionId: r.versionId, publishedAt: options.at })));
  await tx.insert(auditLog).values(
    result.map((r) => ({
      at: options.at,
      actorId: options.by,
      action: options.action,
      subject: r.versionId,
      details: {
        ...options.auditDetails,
        studentId: r.studentId,
        periodId: r.periodId,
        version: r.version,
        hash: r.contentHash,
      },
    })),
  );
  return result;
}

/** The state row of one bilan (periodique: by period; fin de cycle: by student). */
export const stateOf = (key: BilanKey) =>
  and(
    eq(bilanStates.studentId, key.studentId),
    eq(bilanStates.kind, key.kind),
    key.periodId === null ? sql`${bilanStates.periodId} is null` : eq(bilanStates.periodId, key.periodId),
  );
