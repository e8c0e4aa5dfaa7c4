import { eq } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { imports } from '../db/schema.js';
import type { Services } from '../env.js';
import { withLiveDocuments } from '../sync/live-documents.js';
import { loadSchoolDirectory } from './directory.js';
import { prepareEditeurs } from './editeurs.js';
import { matchBilan } from './matching.js';
import { type Candidate, reject } from './plan.js';
import { setProgress } from './progress.js';
import { readBilansOffThread } from './read-off-thread.js';
import { groupRepeatedWarnings } from './report-warnings.js';
import type { ImportMode, ImportReport, StudentOutcome } from './schemas.js';
import { prepareSconet } from './sconet-notes.js';
import { overLimit } from './text-limits.js';

export interface ImportInput {
  importId: string;
  schoolId: string;
  mode: ImportMode;
  bytes: Uint8Array;
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
    const tooLong = overLimit(bilan, kind);
    if (tooLong.length > 0) {
      reject(outcome, ...tooLong);
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
  await withLiveDocuments(services, [...prepared.docUpdates.keys()], async (live) => {
    for (const [name, change] of prepared.docUpdates) live.change(name, (doc) => change(doc, input.importId));
    await db.transaction(async (tx) => {
      await prepared.write(tx, input.importId);
      await live.store(tx);
    });
  });

  report.warnings = [...fileWarnings];
  groupRepeatedWarnings(report);
  report.summary = {
    integrated: report.students.filter((s) => s.status === 'integre').length,
    rejected: report.students.filter((s) => s.status === 'rejete').length,
    warnings: report.warnings.length + report.students.reduce((n, s) => n + s.warnings.length, 0),
  };
  return report;
}
