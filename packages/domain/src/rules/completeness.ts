/**
 * Completeness of a bilan périodique (domain reference §4): a bilan can be locked only when complete.
 * Returns the reasons it is not, in French, for the user; an empty list means complete.
 */
import type { FrozenBilanPeriodique } from '../frozen/schemas.js';

type Draft = Pick<
  FrozenBilanPeriodique,
  'school' | 'disciplines' | 'synthese' | 'vieScolaire' | 'class' | 'period'
> & {
  competencesNumeriques?: FrozenBilanPeriodique['competencesNumeriques'];
  student: { niveau: string };
};

/** 1D: a domaine is complete with at least one program element and a positioning or an appreciation. */
function domaineComplete(row: Draft['disciplines'][number]): boolean {
  return row.elements.length > 0 && (row.positionnement !== null || row.appreciation.length > 0);
}

/** The reasons the bilan is incomplete (empty when it may be locked). */
export function completenessReasons(bilan: Draft): string[] {
  const reasons: string[] = [];
  if (bilan.school.kind === '1D') {
    const complete = bilan.disciplines.filter(domaineComplete).length;
    if (complete < 3) {
      reasons.push(`Au moins 3 domaines d’enseignement doivent être complets (${complete} actuellement).`);
    }
    if (bilan.synthese.length === 0)
      reasons.push('L’appréciation générale sur la progression de l’élève est obligatoire.');
    return reasons;
  }
  // Last bilan of the year in 6e: lockable with only the collective appreciation of the compétences numériques.
  for (const row of bilan.disciplines) {
    const evaluated = row.positionnement !== null && row.positionnement !== 'NE';
    if (evaluated && row.elements.length === 0) {
      reasons.push(`${row.label} : au moins un élément du programme est obligatoire.`);
    }
  }
  if (bilan.synthese.length === 0) {
    reasons.push(
      'La synthèse de l’évolution des acquis scolaires et conseils pour progresser est obligatoire.',
    );
  }
  if (!bilan.vieScolaire) reasons.push('La vie scolaire (retards et absences) n’est pas renseignée.');
  return reasons;
}

/** True when the bilan may be locked. */
export function isComplete(bilan: Draft): boolean {
  return completenessReasons(bilan).length === 0;
}
