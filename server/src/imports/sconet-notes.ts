/**
 * Sconet-Notes mode: partial data lands in the live document, where the team completes it (domain reference §10).
 * A locked bilan, or one whose synthèse was typed in the app (it differs from the one imported last time), is
 * rejected; the imported synthèse is remembered for the next import.
 * Positioning and appreciations are replaced; program elements are added to the class's list, so what the team
 * typed is kept; the synthèse replaces one that was absent or imported before (the caller has already rejected
 * a bilan whose synthèse was typed in the app); the vie scolaire replaces the typed one only when the file has one.
 */
import {
  classDocName,
  getLock,
  getProgramElements,
  getSynthese,
  InvalidValueError,
  insertProgramElement,
  setAppreciation,
  setPositionnement,
  setSynthese,
  setVieScolaireField,
} from '@livret/domain/doc';
import type { ImportedBilanPeriodique } from '@livret/lsu-xml';
import { inArray } from 'drizzle-orm';
import * as Y from 'yjs';
import { importedSyntheses } from '../db/schema.js';
import type { Services } from '../env.js';
import type { SchoolDirectory } from './directory.js';
import type { Match } from './matching.js';
import { type Candidate, type DocChange, type Prepared, reject } from './plan.js';
import type { StudentOutcome } from './schemas.js';

/** Writes one imported bilan into a (scratch copy of a) class document. */
export function applySconetNotes(
  doc: Y.Doc,
  directory: SchoolDirectory,
  match: Match,
  bilan: ImportedBilanPeriodique,
  outcome: StudentOutcome,
): void {
  const studentId = match.student.id;
  const kind = directory.school.kind as '1D' | '2D';
  for (const row of match.rows) {
    if (!row.known) {
      outcome.warnings.push(
        `${row.label} : matière inconnue de l’établissement, ses données n’ont pas pu être importées.`,
      );
      continue;
    }
    const present = new Set(getProgramElements(doc, row.disciplineId));
    for (const element of row.source.elements) {
      if (present.has(element)) continue;
      insertProgramElement(doc, row.disciplineId, getProgramElements(doc, row.disciplineId).length, element);
      present.add(element);
    }
    const value = row.source.positionnement;
    const positioning = match.klass.settings.positioning as
      | 'objectifs'
      | 'notes-sans-moyenne'
      | 'notes-avec-moyenne';
    try {
      setPositionnement(doc, studentId, row.disciplineId, value, positioning);
    } catch {
      outcome.warnings.push(
        `${row.label} : positionnement « ${value} » hors de l’échelle de la classe, non importé.`,
      );
    }
    if (row.source.appreciation.trim())
      setAppreciation(doc, studentId, row.disciplineId, row.source.appreciation.trim());
  }
  if (bilan.synthese.trim()) setSynthese(doc, studentId, bilan.synthese.trim(), kind);
  const vie = bilan.vieScolaire;
  if (vie) {
    setVieScolaireField(doc, studentId, 'nbRetards', vie.nbRetards);
    setVieScolaireField(doc, studentId, 'nbAbsJustifiees', vie.nbAbsJustifiees);
    setVieScolaireField(doc, studentId, 'nbAbsInjustifiees', vie.nbAbsInjustifiees);
    if (vie.nbHeuresManquees !== undefined)
      setVieScolaireField(doc, studentId, 'nbHeuresManquees', vie.nbHeuresManquees);
    if (vie.commentaire) setVieScolaireField(doc, studentId, 'commentaire', vie.commentaire);
  }
  // The live document has no cell for these: said per student, never dropped in silence.
  const ignored = [
    bilan.epi.length && 'EPI',
    bilan.ap.length && 'AP',
    bilan.parcours.length && 'parcours',
    bilan.modalites.length && 'modalités d’accompagnement',
    bilan.competencesNumeriques && 'compétences numériques',
    bilan.socle && 'socle',
    bilan.devoirsFaits?.trim() && 'devoirs faits',
    bilan.rows.some((r) => typeof r.moyenneClasse === 'number') && 'moyennes de la classe',
    bilan.vieScolaire?.commentaireCollectif?.trim() && 'commentaire collectif de vie scolaire',
  ].filter(Boolean);
  if (ignored.length > 0) {
    outcome.warnings.push(`Non repris en mode Sconet-Notes, à saisir dans Livret : ${ignored.join(', ')}.`);
  }
}

/**
 * Why a bilan's values cannot be written, found by writing them first into an empty scratch document: the
 * document helpers refuse what the LSU does not allow, and a refusal met halfway through the live document
 * would leave part of the bilan written, or fail the whole import. Null when everything can be written.
 */
export function refusedValue(
  directory: SchoolDirectory,
  c: Candidate & { bilan: ImportedBilanPeriodique },
): string | null {
  const scratch = new Y.Doc();
  try {
    applySconetNotes(scratch, directory, c.match, c.bilan, { ...c.outcome, warnings: [], reasons: [] });
    return null;
  } catch (error) {
    if (!(error instanceof InvalidValueError)) throw error;
    return `${c.outcome.eleve} — valeur refusée : ${error.message}`;
  } finally {
    scratch.destroy();
  }
}

/** Prepares a Sconet-Notes import: the live-document changes and the remembered synthèses. */
export async function prepareSconet(
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
    const refused = refusedValue(directory, c);
    if (refused) {
      reject(c.outcome, refused);
      continue;
    }
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
      for (const c of kept) applySconetNotes(doc, directory, c.match, c.bilan, c.outcome);
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
