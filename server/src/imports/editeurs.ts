/**
 * Éditeurs mode: complete bilans are frozen like a lock would (same schema, same hash), stored as new versions,
 * locked (never unlockable), published, audited, and marked locked in their live documents. A bilan the family
 * has acknowledged, or one locked in Livret itself, is not replaced.
 */
import type { FrozenBilanFinCycle, FrozenBilanPeriodique } from '@livret/domain';
import { classDocName, setLock } from '@livret/domain/doc';
import { eq, inArray } from 'drizzle-orm';
import { type Actor, displayName } from '../access/actor.js';
import {
  type BilanKey,
  type FrozenVersion,
  keyOf,
  lastVersions,
  storeFrozenVersions,
} from '../bilans/versions.js';
import { bilanStates, bilanVersions, visas } from '../db/schema.js';
import type { Services } from '../env.js';
import type { SchoolDirectory } from './directory.js';
import { frozenFinCycle, frozenPeriodique } from './frozen-from-import.js';
import { type Candidate, type DocChange, type Prepared, reject } from './plan.js';
import { fieldOfPath } from './text-limits.js';

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
  const lastVersion = await lastVersions(db, studentIds);

  const frozenBy = { id: actor.accountId, name: displayName(actor) };
  const rows: FrozenVersion[] = [];
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
    const bilan: BilanKey = { studentId: c.match.student.id, periodId, kind: c.bilan.kind };
    const version = (lastVersion.get(keyOf(bilan)) ?? 0) + 1;
    const meta = { frozenAt: now.toISOString(), frozenBy, version };
    let content: FrozenBilanPeriodique | FrozenBilanFinCycle;
    try {
      content =
        c.bilan.kind === 'periodique'
          ? frozenPeriodique(directory, c.match, c.bilan, meta)
          : frozenFinCycle(directory, c.match, c.bilan, meta);
    } catch (error) {
      const issues = (error as { issues?: { path: PropertyKey[]; message: string }[] }).issues;
      if (!issues) {
        // Not the content: a fault of ours. This bilan only is left out; the details go to the server's log.
        console.error(error);
        reject(
          c.outcome,
          `${c.outcome.eleve} — bilan non importé : erreur inattendue pendant sa préparation.`,
        );
        continue;
      }
      const rows = c.match.rows.map((row) => row.label);
      reject(
        c.outcome,
        ...issues.map(
          (i) => `${c.outcome.eleve} — ${fieldOfPath(i.path, rows)} : valeur refusée (${i.message})`,
        ),
      );
      continue;
    }
    rows.push({ ...bilan, classId: c.match.klass.id, version, content });
    if (periodId) {
      const doc = classDocName(c.match.klass.id, periodId);
      locksByDoc.set(doc, [...(locksByDoc.get(doc) ?? []), { studentId: c.match.student.id, version }]);
    }
  }

  const docUpdates = new Map<string, DocChange>();
  for (const [name, locks] of locksByDoc) {
    docUpdates.set(name, (doc) => {
      for (const lock of locks) {
        setLock(doc, lock.studentId, {
          version: lock.version,
          lockedAt: now.toISOString(),
          lockedBy: displayName(actor),
        });
      }
    });
  }
  return {
    docUpdates,
    async write(tx, importId) {
      await storeFrozenVersions(tx, rows, {
        source: 'import-editeurs',
        by: actor.accountId,
        at: now,
        action: 'bilan.import-editeurs',
        auditDetails: { importId },
      });
    },
  };
}
