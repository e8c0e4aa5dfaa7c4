/**
 * freeze: one student's part of a class document, plus the context the document does not hold, becomes the
 * canonical frozen bilan périodique — validated by its schema, deterministic (same state and context, same
 * canonical JSON).
 */
import type * as Y from 'yjs';
import type { z } from 'zod';
import { appreciationText } from './doc/appreciations.js';
import { getPositionnement } from './doc/positioning.js';
import { getProgramElements } from './doc/program-elements.js';
import { syntheseText } from './doc/synthese.js';
import { getVieScolaire, type VieScolaire } from './doc/vie-scolaire.js';
import { appliesToNiveau } from './nomenclatures/domaines-1d.js';
import {
  type FrozenBilanPeriodique,
  FrozenBilanPeriodiqueSchema,
  type PeriodSchema,
} from './schemas/bilan-periodique.js';
import type { Teacher } from './schemas/common.js';

type Frozen = FrozenBilanPeriodique;

/**
 * What freeze needs besides the document (Contract 1 of the brief). The verso sections that the live document
 * does not hold yet (EPI, AP, parcours, modalités, compétences numériques, devoirs faits, socle) and the
 * signatories come in here too; absent, they are empty.
 */
export interface FreezeContext {
  school: Frozen['school'];
  millesime: number;
  class: Frozen['class'];
  period: z.infer<typeof PeriodSchema>;
  student: {
    id: string;
    ine: string;
    lastName: string;
    firstName: string;
    birthDate: string;
    sex: string;
    niveau: string;
  };
  /** The class's positioning type. */
  positioning: string;
  /** The class's disciplines (1D: domaines) in report order, with their teachers. */
  disciplines: { id: string; code: string; label: string; teachers: Teacher[] }[];
  frozenAt: string;
  frozenBy: { id: string; name: string };
  version: number;
  dateConseil?: string | null;
  dateScolarite?: string | null;
  epi?: Frozen['epi'];
  ap?: Frozen['ap'];
  parcours?: Frozen['parcours'];
  modalites?: Frozen['modalites'];
  competencesNumeriques?: Frozen['competencesNumeriques'];
  devoirsFaits?: string | null;
  socle?: Frozen['socle'];
  communication?: Partial<Frozen['communication']>;
  /** Class averages per discipline id (positioning «avec moyenne de classe»). */
  moyennesClasse?: Record<string, number | null>;
  /** The class's collective vie scolaire comment for the period. */
  vieScolaireCollectif?: string;
}

function vieScolaireOf(vie: VieScolaire, collectif: string | undefined): Frozen['vieScolaire'] {
  const counted =
    vie.nbRetards !== undefined || vie.nbAbsJustifiees !== undefined || vie.nbAbsInjustifiees !== undefined;
  if (!counted) return null;
  return {
    nbRetards: vie.nbRetards ?? 0,
    nbAbsJustifiees: vie.nbAbsJustifiees ?? 0,
    nbAbsInjustifiees: vie.nbAbsInjustifiees ?? 0,
    ...(vie.nbHeuresManquees === undefined ? {} : { nbHeuresManquees: vie.nbHeuresManquees }),
    ...(vie.commentaire ? { commentaire: vie.commentaire } : {}),
    ...(collectif ? { commentaireCollectif: collectif } : {}),
  };
}

/**
 * The bilan as it stands in the document, NOT validated (completeness reads it; it may break the limits).
 * In a double-level 1D class, the student only gets the domaines of its own cycle.
 */
export function draftBilan(doc: Y.Doc, context: FreezeContext): FrozenBilanPeriodique {
  const studentId = context.student.id;
  const moyennes = context.moyennesClasse ?? {};
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
    positioning: context.positioning as Frozen['positioning'],
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
        ...(d.id in moyennes ? { moyenneClasse: moyennes[d.id] ?? null } : {}),
      })),
    epi: context.epi ?? [],
    ap: context.ap ?? [],
    parcours: context.parcours ?? [],
    modalites: context.modalites ?? [],
    competencesNumeriques: context.competencesNumeriques ?? null,
    synthese: syntheseText(doc, studentId).toString().trim(),
    devoirsFaits: context.devoirsFaits ?? null,
    vieScolaire: vieScolaireOf(getVieScolaire(doc, studentId), context.vieScolaireCollectif),
    socle: context.socle ?? null,
    communication: {
      responsableEtablissement: context.communication?.responsableEtablissement ?? null,
      professeursPrincipaux: context.communication?.professeursPrincipaux ?? [],
      enseignants: context.communication?.enseignants ?? [],
    },
    dateConseil: context.dateConseil ?? null,
    dateScolarite: context.dateScolarite ?? null,
  };
}

/**
 * Freezes a student's bilan: the draft, validated by `FrozenBilanPeriodiqueSchema` (throws a ZodError when the
 * content breaks the LSU limits). Check `completenessReasons(draftBilan(…))` first to refuse cleanly.
 * @example const frozen = freeze(doc, context); const hash = sha256(canonicalJson(frozen));
 */
export function freeze(doc: Y.Doc, context: FreezeContext): FrozenBilanPeriodique {
  return FrozenBilanPeriodiqueSchema.parse(draftBilan(doc, context));
}
