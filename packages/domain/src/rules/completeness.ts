/**
 * Completeness of a bilan périodique (domain reference §4): a bilan can be locked (and printed) only when
 * complete. `completenessReasons` returns why it is not, in French, for the user; an empty list means complete.
 *
 * - 1D: at least 3 domaines d'enseignement complete (a program element and a positioning or an appreciation),
 *   and the appréciation générale.
 * - 2D: at least one discipline evaluated (a level, a mark or an appreciation: an empty recto is not a bilan),
 *   at least one program element for every discipline that is positioned (a level or a mark; «non évalué»
 *   needs none), the synthèse, and the vie scolaire.
 * - Both: every positioning fits the class's scale (a settings change never silently drops values: the bilan
 *   is refused until they are converted).
 * - Compétences numériques (last period of CM2 and 6e): when the bilan carries the section, the collective
 *   appreciation ALONE is enough (release note of the national application); levels without it are enough too;
 *   an empty section is not. A bilan that does not carry the section (the class does not record it) is not
 *   held back by it.
 */
import { fitsScale } from '../nomenclatures/positioning.js';
import type { FrozenBilanPeriodique } from '../schemas/bilan-periodique.js';

/** What completeness reads of a bilan (a draft from `draftBilan`, or a frozen one). */
export type CompletenessInput = Pick<
  FrozenBilanPeriodique,
  'school' | 'disciplines' | 'synthese' | 'vieScolaire'
> & {
  period: Pick<FrozenBilanPeriodique['period'], 'indice' | 'count'>;
  student: { niveau: string };
  positioning?: FrozenBilanPeriodique['positioning'];
  competencesNumeriques?: FrozenBilanPeriodique['competencesNumeriques'];
};

type Row = CompletenessInput['disciplines'][number];

/** 1D: a domaine is complete with at least one program element and a positioning or an appreciation. */
export function isDomaineComplete(row: Row): boolean {
  return row.elements.length > 0 && (row.positionnement !== null || row.appreciation.trim().length > 0);
}

/** True for the last period of the year of a CM2 or 6e student, where the compétences numériques are due. */
export function isCompetencesNumeriquesPeriod(bilan: Pick<CompletenessInput, 'period' | 'student'>): boolean {
  return (
    (bilan.student.niveau === 'CM2' || bilan.student.niveau === '6e') &&
    bilan.period.indice === bilan.period.count
  );
}

function numeriqueReasons(bilan: CompletenessInput): string[] {
  const section = bilan.competencesNumeriques;
  if (!section || !isCompetencesNumeriquesPeriod(bilan)) return [];
  const collective = (section.appreciationCollective ?? '').trim().length > 0;
  const levels = Object.keys(section.niveaux).length > 0;
  if (collective || levels) return [];
  return [
    'Compétences numériques : au moins l’appréciation collective est attendue au dernier bilan de l’année.',
  ];
}

function scaleReasons(bilan: CompletenessInput): string[] {
  const { positioning } = bilan;
  if (!positioning) return [];
  return bilan.disciplines
    .filter((row) => row.positionnement !== null && !fitsScale(row.positionnement, positioning))
    .map(
      (row) => `${row.label} : le positionnement ne correspond pas au type de positionnement de la classe.`,
    );
}

/**
 * The reasons the bilan is incomplete, in French (empty when it may be locked).
 * @example completenessReasons(draftBilan(doc, context)) // ['La vie scolaire (retards et absences) n’est pas renseignée.']
 */
export function completenessReasons(bilan: CompletenessInput): string[] {
  const reasons: string[] = [];
  if (bilan.school.kind === '1D') {
    const complete = bilan.disciplines.filter(isDomaineComplete).length;
    if (complete < 3) {
      reasons.push(`Au moins 3 domaines d’enseignement doivent être complets (${complete} actuellement).`);
    }
    if (bilan.synthese.trim().length === 0) {
      reasons.push('L’appréciation générale sur la progression de l’élève est obligatoire.');
    }
  } else {
    // «au moins un élément de programme par discipline notée ou évaluée»: a bilan with no discipline
    // evaluated at all is empty, not complete (it would publish a blank recto to the family).
    const evaluated = bilan.disciplines.some(
      (row) =>
        (row.positionnement !== null && row.positionnement !== 'NE') || row.appreciation.trim().length > 0,
    );
    if (!evaluated) {
      reasons.push(
        'Aucune discipline n’est notée ou évaluée : au moins un positionnement ou une appréciation est attendu.',
      );
    }
    for (const row of bilan.disciplines) {
      const positioned = row.positionnement !== null && row.positionnement !== 'NE';
      if (positioned && row.elements.length === 0) {
        reasons.push(`${row.label} : au moins un élément du programme est obligatoire.`);
      }
    }
    if (bilan.synthese.trim().length === 0) {
      reasons.push(
        'La synthèse de l’évolution des acquis scolaires et conseils pour progresser est obligatoire.',
      );
    }
    if (!bilan.vieScolaire) reasons.push('La vie scolaire (retards et absences) n’est pas renseignée.');
  }
  return [...reasons, ...scaleReasons(bilan), ...numeriqueReasons(bilan)];
}

/** True when the bilan may be locked. */
export function isComplete(bilan: CompletenessInput): boolean {
  return completenessReasons(bilan).length === 0;
}
