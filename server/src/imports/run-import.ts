/**
 * One LSU import, start to finish, off the request path: read and validate the file, match every bilan to the
 * school, prepare what each mode writes (frozen versions for Éditeurs, live-document changes for Sconet-Notes),
 * then write it all in ONE transaction, inside the queues of the documents it touches. A file with any problem
 * writes nothing; a bilan that cannot be integrated is rejected with its reason and the others go in.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, type FrozenBilanFinCycle, type FrozenBilanPeriodique } from '@livret/domain';
import { classDocName, getLock, getSynthese, setLock } from '@livret/domain/doc';
import type { ImportedBilan, ImportedBilanPeriodique } from '@livret/lsu-xml';
import { eq, inArray, max, sql } from 'drizzle-orm';
import * as Y from 'yjs';
import { type Actor, displayName } from '../access/actor.js';
import {
  auditLog,
  bilanStates,
  bilanVersions,
  importedSyntheses,
  imports,
  publications,
  visas,
} from '../db/schema.js';
import type { Services } from '../env.js';
import type { Room } from '../sync/room.js';
import { appendUpdateIn } from '../sync/update-log.js';
import { loadSchoolDirectory, type SchoolDirectory } from './directory.js';
import { frozenFinCycle, frozenPeriodique } from './frozen-from-import.js';
import { type Match, matchBilan } from './matching.js';
import { setProgress } from './progress.js';
import { readBilansOffThread } from './read-off-thread.js';
import type { ImportMode, ImportReport, StudentOutcome } from './schemas.js';
import { applySconetNotes } from './sconet-notes.js';

export interface ImportInput {
  importId: string;
  schoolId: string;
  mode: ImportMode;
  bytes: Uint8Array;
}

interface Candidate {
  bilan: ImportedBilan;
  match: Match;
  outcome: StudentOutcome;
}

/** Runs an import and stores its report; never throws (a failure is reported). */
export async function runImport(services: Services, actor: Actor, input: ImportInput): Promise<ImportReport> {
  const db = services.database.db;
  let report: ImportReport;
  let status: 'done' | 'failed' = 'done';
  try {
    report = await importFile(services, actor, input);
    if (report.fileIssues.length > 0) status = 'failed';
  } catch (error) {
    console.error(error);
    status = 'failed';
    report = emptyReport();
    // The details go to the server's log; the report says what the user needs to know.
    report.fileIssues.push({
      element: 'fichier',
      reason:
        'L’import a échoué sur une erreur inattendue du serveur ; rien n’a été enregistré. Réessayez, et signalez-le si cela se reproduit.',
    });
  }
  await db
    .update(imports)
    .set({ status, report, finishedAt: services.now() })
    .where(eq(imports.id, input.importId));
  setProgress(input.importId, null);
  return report;
}

const emptyReport = (): ImportReport => ({
  summary: { integrated: 0, rejected: 0, warnings: 0 },
  warnings: [],
  fileIssues: [],
  students: [],
});

async function importFile(services: Services, actor: Actor, input: ImportInput): Promise<ImportReport> {
  const db = services.database.db;
  const report = emptyReport();
  const progress = (value: number, step: string) => setProgress(input.importId, { progress: value, step });

  progress(0.05, 'Lecture et validation du fichier');
  const directory = await loadSchoolDirectory(db, input.schoolId);
  const kind = directory.school.kind as '1D' | '2D';
  const read = await readBilansOffThread(input.bytes, kind);
  if (!read.ok) {
    report.fileIssues = read.issues;
    return report;
  }
  if (read.etablissement !== directory.school.uai) {
    report.fileIssues.push({
      element: 'lsun-bilans/entete/etablissement',
      reason: `Ce fichier est celui de l’établissement ${read.etablissement}, pas de ${directory.school.name} (${directory.school.uai}).`,
    });
    return report;
  }
  const bilans = read.bilans;

  progress(0.3, 'Rapprochement des élèves, périodes, matières et enseignants');
  const fileWarnings = new Set<string>();
  const candidates: Candidate[] = [];
  for (const bilan of bilans) {
    const outcome: StudentOutcome = {
      eleve: `${bilan.student.lastName.toUpperCase()} ${bilan.student.firstName}`.trim(),
      division: bilan.student.division,
      bilan:
        bilan.kind === 'periodique'
          ? `Période ${bilan.period.indice}/${bilan.period.count}`
          : `Fin de cycle ${bilan.cycle}`,
      status: 'integre',
      reasons: [],
      warnings: [],
    };
    report.students.push(outcome);
    if (bilan.kind === 'fin-de-cycle' && input.mode === 'sconet-notes') {
      reject(outcome, 'Les bilans de fin de cycle ne s’importent qu’en mode Éditeurs.');
      continue;
    }
    const matched = matchBilan(directory, bilan, fileWarnings);
    outcome.warnings.push(...matched.warnings);
    if (!matched.ok) {
      reject(outcome, ...matched.reasons);
      continue;
    }
    if (matched.match.period) outcome.bilan = matched.match.period.label;
    const source = matched.match.klass.settings.dataSource;
    if (source !== input.mode) {
      const label = {
        manuelle: 'Saisie manuelle',
        'sconet-notes': 'Import Sconet-Notes',
        editeurs: 'Import Éditeurs',
      };
      fileWarnings.add(
        `La classe ${matched.match.klass.label} est paramétrée en « ${label[source as keyof typeof label] ?? source} » : vérifiez sa source de données (Paramétrage).`,
      );
    }
    candidates.push({ bilan, match: matched.match, outcome });
  }

  progress(0.5, 'Préparation des bilans');
  const prepared =
    input.mode === 'editeurs'
      ? await prepareEditeurs(services, actor, directory, candidates, progress)
      : await prepareSconet(services, directory, candidates);

  progress(0.8, 'Enregistrement');
  await withRooms(services, [...prepared.docUpdates.keys()], async (rooms) => {
    const updates = new Map<string, Uint8Array>();
    for (const [name, change] of prepared.docUpdates) {
      const room = rooms.get(name)!;
      const update = change(room.doc, input.importId);
      if (update) updates.set(name, update);
    }
    await db.transaction(async (tx) => {
      await prepared.write(tx, input.importId);
      for (const [name, update] of updates) await appendUpdateIn(tx, name, update);
    });
    for (const [name, update] of updates) rooms.get(name)!.applyServerUpdate(update);
  });

  report.warnings = [...fileWarnings];
  report.summary = {
    integrated: report.students.filter((s) => s.status === 'integre').length,
    rejected: report.students.filter((s) => s.status === 'rejete').length,
    warnings: report.warnings.length + report.students.reduce((n, s) => n + s.warnings.length, 0),
  };
  return report;
}

export function reject(outcome: StudentOutcome, ...reasons: string[]) {
  outcome.status = 'rejete';
  outcome.reasons.push(...reasons);
}

type Tx = Parameters<Parameters<Services['database']['db']['transaction']>[0]>[0];
/** Computes one document's change against its current state (inside its queue); null when there is none. */
export type DocChange = (doc: Y.Doc, importId: string) => Uint8Array | null;
export interface Prepared {
  docUpdates: Map<string, DocChange>;
  write: (tx: Tx, importId: string) => Promise<void>;
}

/** Runs a task while holding the queues of the given documents (taken in name order: no deadlock). */
async function withRooms(
  services: Services,
  names: string[],
  task: (rooms: Map<string, Room>) => Promise<void>,
) {
  const rooms = new Map<string, Room>();
  try {
    for (const name of [...names].sort()) rooms.set(name, await services.rooms.get(name));
    const hold = async (index: number): Promise<void> => {
      const room = [...rooms.values()][index];
      if (!room) return task(rooms);
      await room.exclusive(() => hold(index + 1));
    };
    await hold(0);
  } finally {
    for (const room of rooms.values()) void services.rooms.released(room);
  }
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

async function prepareEditeurs(
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

async function prepareSconet(
  services: Services,
  directory: SchoolDirectory,
  candidates: Candidate[],
): Promise<Prepared> {
  const db = services.database.db;
  const periodic = candidates.filter(
    (c): c is Candidate & { bilan: ImportedBilanPeriodique } => c.bilan.kind === 'periodique',
  );
  const studentIds = [...new Set(periodic.map((c) => c.match.student.id))];
  const previous = studentIds.length
    ? await db.select().from(importedSyntheses).where(inArray(importedSyntheses.studentId, studentIds))
    : [];
  const importedSynthese = new Map(previous.map((p) => [`${p.studentId}|${p.periodId}`, p.text]));
  const byDoc = new Map<string, typeof periodic>();
  for (const c of periodic) {
    const name = classDocName(c.match.klass.id, c.match.period!.id);
    byDoc.set(name, [...(byDoc.get(name) ?? []), c]);
  }
  const accepted: typeof periodic = [];
  const docUpdates = new Map<string, DocChange>();
  for (const [name, list] of byDoc) {
    docUpdates.set(name, (doc) => {
      const kept = list.filter((c) => {
        if (getLock(doc, c.match.student.id)) {
          reject(c.outcome, 'Ce bilan est verrouillé : il ne peut plus recevoir de données importées.');
          return false;
        }
        const typed = getSynthese(doc, c.match.student.id).trim();
        const last = importedSynthese.get(`${c.match.student.id}|${c.match.period!.id}`);
        if (typed && typed !== last && typed !== c.bilan.synthese.trim()) {
          reject(
            c.outcome,
            'La synthèse a été saisie dans Livret : le bilan est rejeté pour ne pas l’écraser.',
          );
          return false;
        }
        return true;
      });
      accepted.push(...kept);
      return changeOf(doc, (scratch) => {
        for (const c of kept) applySconetNotes(scratch, directory, c.match, c.bilan, c.outcome);
      });
    });
  }
  return {
    docUpdates,
    async write(tx, importId) {
      for (const c of accepted) {
        const values = {
          studentId: c.match.student.id,
          periodId: c.match.period!.id,
          text: c.bilan.synthese.trim(),
          importId,
        };
        await tx
          .insert(importedSyntheses)
          .values(values)
          .onConflictDoUpdate({
            target: [importedSyntheses.studentId, importedSyntheses.periodId],
            set: values,
          });
      }
    },
  };
}
