/**
 * Éditeurs mode: complete bilans are frozen like a lock would (same schema, same hash), stored as new versions,
 * locked (never unlockable), published, audited, and marked locked in their live documents. A bilan the family
 * has acknowledged, or one locked in Livret itself, is not replaced.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type FrozenBilanFinCycle, type FrozenBilanPeriodique } from '@livret/domain';
import { classDocName, setLock } from '@livret/domain/doc';
import { eq, inArray, max, sql } from 'drizzle-orm';
import { type Actor, displayName } from '../access/actor.js';
import { auditLog, bilanStates, bilanVersions, publications, visas } from '../db/schema.js';
import type { Services } from '../env.js';
import type { SchoolDirectory } from './directory.js';
import { frozenFinCycle, frozenPeriodique } from './frozen-from-import.js';
import { type Candidate, changeOf, type DocChange, type Prepared, reject } from './plan.js';

export async function prepareEditeurs(
  services: Services,
  actor: Actor,
  directory: SchoolDirectory,
  candidates: Candidate[],
  progress: (value: number, step: string) => void,
): Promise<Prepared> {
  const db = services.database.db;
  const now = services.now();
  const studentIds = [...new Set(candidates.map((c) => c.match.student.id))];
  const states = studentIds.length
    ? await db
        .select({ state: bilanStates, source: bilanVersions.source })
        .from(bilanStates)
        .leftJoin(bilanVersions, eq(bilanVersions.id, bilanStates.currentVersionId))
        .where(inArray(bilanStates.studentId, studentIds))
    : [];
  const stateOf = new Map(states.map((s) => [`${s.state.studentId}|${s.state.periodId}`, s]));
  const visaed = studentIds.length
    ? new Set(
        (
          await db
            .select({
              studentId: bilanVersions.studentId,
              periodId: bilanVersions.periodId,
              kind: bilanVersions.kind,
            })
            .from(visas)
            .innerJoin(bilanVersions, eq(bilanVersions.id, visas.bilanVersionId))
            .where(inArray(bilanVersions.studentId, studentIds))
        ).map((v) => `${v.studentId}|${v.periodId ?? v.kind}`),
      )
    : new Set<string>();
  const versions = studentIds.length
    ? await db
        .select({
          studentId: bilanVersions.studentId,
          periodId: bilanVersions.periodId,
          kind: bilanVersions.kind,
          version: max(bilanVersions.version),
        })
        .from(bilanVersions)
        .where(inArray(bilanVersions.studentId, studentIds))
        .groupBy(bilanVersions.studentId, bilanVersions.periodId, bilanVersions.kind)
    : [];
  const lastVersion = new Map(
    versions.map((v) => [`${v.studentId}|${v.periodId ?? v.kind}`, v.version ?? 0]),
  );

  const frozenBy = { id: actor.accountId, name: displayName(actor) };
  const rows: {
    c: Candidate;
    content: FrozenBilanPeriodique | FrozenBilanFinCycle;
    hash: string;
    version: number;
  }[] = [];
  const locksByDoc = new Map<string, { studentId: string; version: number }[]>();
  for (const [index, c] of candidates.entries()) {
    if (index % 100 === 0) {
      // Freezing is CPU work: give the event loop (and the progress bar) a turn every hundred bilans.
      progress(
        0.5 + (0.3 * index) / candidates.length,
        `Préparation des bilans ${index}/${candidates.length}`,
      );
      await new Promise((resolve) => setImmediate(resolve));
    }
    const periodId = c.match.period?.id ?? null;
    const key = `${c.match.student.id}|${periodId ?? 'fin-de-cycle'}`;
    if (visaed.has(key)) {
      reject(c.outcome, 'Ce bilan a déjà été visé par la famille : il ne peut plus être remplacé.');
      continue;
    }
    const state = periodId ? stateOf.get(key) : undefined;
    if (state?.state.status === 'locked' && state.source === 'app') {
      reject(
        c.outcome,
        'Ce bilan a été verrouillé dans Livret : déverrouillez-le avant de le remplacer par un import.',
      );
      continue;
    }
    const version = (lastVersion.get(key) ?? 0) + 1;
    const meta = { frozenAt: now.toISOString(), frozenBy, version };
    let content: FrozenBilanPeriodique | FrozenBilanFinCycle;
    try {
      content =
        c.bilan.kind === 'periodique'
          ? frozenPeriodique(directory, c.match, c.bilan, meta)
          : frozenFinCycle(directory, c.match, c.bilan, meta);
    } catch (error) {
      const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
      reject(
        c.outcome,
        ...(issues?.map((i) => `Contenu non valide (${i.path.join('.')}) : ${i.message}`) ?? [String(error)]),
      );
      continue;
    }
    const hash = createHash('sha256').update(canonicalJson(content)).digest('hex');
    rows.push({ c, content, hash, version });
    if (periodId) {
      const doc = classDocName(c.match.klass.id, periodId);
      locksByDoc.set(doc, [...(locksByDoc.get(doc) ?? []), { studentId: c.match.student.id, version }]);
    }
  }

  const docUpdates = new Map<string, DocChange>();
  for (const [name, locks] of locksByDoc) {
    docUpdates.set(name, (doc) =>
      changeOf(doc, (scratch) => {
        for (const lock of locks) {
          setLock(scratch, lock.studentId, {
            version: lock.version,
            lockedAt: now.toISOString(),
            lockedBy: displayName(actor),
          });
        }
      }),
    );
  }
  return {
    docUpdates,
    async write(tx, importId) {
      for (let start = 0; start < rows.length; start += 200) {
        const batch = rows.slice(start, start + 200);
        // One JSON parameter for the whole batch: the frozen contents are large, and binding thousands of
        // parameters costs several times the insert itself (measured in bench/lsu-xml).
        const records = batch.map(({ c, content, hash, version }) => ({
          student_id: c.match.student.id,
          period_id: c.match.period?.id ?? null,
          class_id: c.match.klass.id,
          version,
          kind: c.bilan.kind,
          content,
          content_hash: hash,
          frozen_by: actor.accountId,
          frozen_at: now.toISOString(),
          source: 'import-editeurs',
        }));
        const inserted = await tx
          .insert(bilanVersions)
          .select(
            sql`select gen_random_uuid(), x.* from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(student_id uuid, period_id uuid, class_id uuid, version integer, kind text, content jsonb, content_hash text, frozen_by uuid, frozen_at timestamptz, source text)`,
          )
          .returning({
            id: bilanVersions.id,
            studentId: bilanVersions.studentId,
            periodId: bilanVersions.periodId,
          });
        const idOf = new Map(inserted.map((r) => [`${r.studentId}|${r.periodId}`, r.id]));
        const ids = batch.map(
          (row) => idOf.get(`${row.c.match.student.id}|${row.c.match.period?.id ?? null}`)!,
        );
        await tx.insert(publications).values(ids.map((id) => ({ bilanVersionId: id, publishedAt: now })));
        await tx.insert(auditLog).values(
          batch.map((row, i) => ({
            at: now,
            actorId: actor.accountId,
            action: 'bilan.import-editeurs',
            subject: ids[i]!,
            details: { importId, studentId: row.c.match.student.id, version: row.version, hash: row.hash },
          })),
        );
        const states = batch.flatMap((row, i) =>
          row.c.match.period
            ? [
                {
                  studentId: row.c.match.student.id,
                  periodId: row.c.match.period.id,
                  status: 'locked',
                  currentVersionId: ids[i]!,
                  lockedAt: now,
                  lockedBy: actor.accountId,
                },
              ]
            : [],
        );
        if (states.length > 0) {
          await tx
            .insert(bilanStates)
            .values(states)
            .onConflictDoUpdate({
              target: [bilanStates.studentId, bilanStates.periodId],
              set: {
                status: sql`excluded.status`,
                currentVersionId: sql`excluded.current_version_id`,
                lockedAt: sql`excluded.locked_at`,
                lockedBy: sql`excluded.locked_by`,
              },
            });
        }
      }
    },
  };
}
