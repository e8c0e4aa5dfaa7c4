/**
 * freeze: one student's part of a class document, plus the context the document does not hold, becomes the
 * canonical frozen bilan périodique — validated by its schema, deterministic (same state, same result).
 */
import type * as Y from 'yjs';
import { appreciationText } from './doc/appreciations.js';
import { getPositionnement } from './doc/positioning.js';
import { getProgramElements } from './doc/program-elements.js';
import { syntheseText } from './doc/synthese.js';
import { getVieScolaire } from './doc/vie-scolaire.js';
import { type FrozenBilanPeriodique, FrozenBilanPeriodiqueSchema } from './frozen/schemas.js';
import { appliesToNiveau } from './nomenclatures/domaines-1d.js';

/** What freeze needs besides the document. */
export interface FreezeContext {
  school: FrozenBilanPeriodique['school'];
  millesime: number;
  class: FrozenBilanPeriodique['class'];
  period: FrozenBilanPeriodique['period'];
  student: {
    id: string;
    ine: string;
    lastName: string;
    firstName: string;
    birthDate: string;
    sex: string;
    niveau: string;
  };
  positioning: string;
  disciplines: {
    id: string;
    code: string;
    label: string;
    teachers: FrozenBilanPeriodique['disciplines'][number]['teachers'];
  }[];
  frozenAt: string;
  frozenBy: { id: string; name: string };
  version: number;
  dateConseil?: string | null;
}

/** The bilan as it stands in the document, before validation (completeness reads it too). */
export function draftBilan(doc: Y.Doc, context: FreezeContext): FrozenBilanPeriodique {
  const studentId = context.student.id;
  const vie = getVieScolaire(doc, studentId);
  const hasVie =
    vie.nbRetards !== undefined || vie.nbAbsJustifiees !== undefined || vie.nbAbsInjustifiees !== undefined;
  return {
    format: 'livret/bilan-periodique',
    formatVersion: 1,
    version: context.version,
    frozenAt: context.frozenAt,
    frozenBy: context.frozenBy,
    school: context.school,
    millesime: context.millesime,
    class: context.class,
    period: context.period,
    student: { ...context.student, sex: context.student.sex as 'M' | 'F' },
    positioning: context.positioning as FrozenBilanPeriodique['positioning'],
    disciplines: context.disciplines
      .filter((d) => appliesToNiveau(d.code, context.student.niveau))
      .map((d) => ({
        id: d.id,
        code: d.code,
        label: d.label,
        teachers: d.teachers,
        elements: getProgramElements(doc, d.id),
        appreciation: appreciationText(doc, studentId, d.id).toString().trim(),
        positionnement: getPositionnement(doc, studentId, d.id),
      })),
    epi: [],
    ap: [],
    parcours: [],
    modalites: [],
    competencesNumeriques: null,
    synthese: syntheseText(doc, studentId).toString().trim(),
    devoirsFaits: null,
    vieScolaire: hasVie
      ? {
          nbRetards: vie.nbRetards ?? 0,
          nbAbsJustifiees: vie.nbAbsJustifiees ?? 0,
          nbAbsInjustifiees: vie.nbAbsInjustifiees ?? 0,
          ...(vie.nbHeuresManquees === undefined ? {} : { nbHeuresManquees: vie.nbHeuresManquees }),
          ...(vie.commentaire ? { commentaire: vie.commentaire } : {}),
        }
      : null,
    socle: null,
    dateConseil: context.dateConseil ?? null,
  };
}

/**
 * Freezes a student's bilan. Throws (zod) if the content breaks the LSU limits.
 * @example const frozen = freeze(doc, context); const hash = sha256(canonicalJson(frozen));
 */
export function freeze(doc: Y.Doc, context: FreezeContext): FrozenBilanPeriodique {
  return FrozenBilanPeriodiqueSchema.parse(draftBilan(doc, context));
}
