/**
 * Runtime schemas of the bilan périodique (domain reference §4), section by section in the order of the
 * printed bilan, and of its frozen, versioned record. The one source of truth for their shape: the types
 * are inferred from them.
 */
import { z } from 'zod';
import { textLength } from '../doc/limits.js';
import { competencesNumeriques } from '../nomenclatures/competences-numeriques.js';
import { EPI_MIN_DISCIPLINES } from '../nomenclatures/epi.js';
import { modalitesAccompagnement } from '../nomenclatures/modalites.js';
import { parcours } from '../nomenclatures/parcours.js';
import {
  chars,
  codesOf,
  frozenContextShape,
  IsoDateSchema,
  PersonSchema,
  PositionnementSchema,
  SocleSchema,
  TeacherSchema,
  text,
} from './common.js';

/** One row of «Suivi des acquis scolaires de l'élève»: a discipline (2D) or domaine d'enseignement (1D). */
export const DisciplineRowSchema = z.object({
  id: z.string(),
  /** SIECLE subject code (2D) or LSU domaine code (1D). */
  code: z.string(),
  label: z.string(),
  teachers: z.array(TeacherSchema),
  /** «Principaux éléments du programme travaillés durant la période», ≤300 each. */
  elements: z.array(chars(1, 300)),
  /** «Acquisitions, progrès et difficultés éventuelles», ≤600. */
  appreciation: text(600),
  /** Level 1–4, mark /20, 'NE', or null when empty. */
  positionnement: PositionnementSchema.nullable(),
  /** Class average (`moyenne-structure`, positioning «avec moyenne de classe»). */
  moyenneClasse: z.number().min(0).max(20).nullable().optional(),
});
/** One row of the recto. */
export type DisciplineRow = z.infer<typeof DisciplineRowSchema>;

/** Enseignement pratique interdisciplinaire (cycle 4): the project, the group's description, the student's part. */
export const EpiSchema = z.object({
  intitule: chars(1, 150),
  /**
   * A national thématique (`thematiquesEpi`) or one the school defined (the XSD allows a file to declare its
   * own, ≤50 characters), then with its label.
   */
  thematique: chars(1, 50),
  thematiqueLibelle: chars(1, 100).optional(),
  /** Labels of the disciplines involved (at least two). */
  disciplines: z.array(z.string()).min(EPI_MIN_DISCIPLINES),
  /** Collective description (per group). */
  description: text(600),
  /** Individual comment on the student's involvement. */
  commentaire: text(600).optional(),
});

/** Accompagnement personnalisé: same shape as an EPI without thématique. */
export const ApSchema = z.object({
  intitule: chars(1, 150),
  disciplines: z.array(z.string()),
  description: text(600),
  commentaire: text(600).optional(),
});

/** A parcours éducatif: the class's collective project for the period and, optionally, the student's own. */
export const ParcoursSchema = z.object({
  code: z.enum(codesOf(parcours)),
  projet: text(600),
  commentaire: text(600).optional(),
});

/** A modalité spécifique d'accompagnement; only PPRE and CTR take a complement. */
export const ModaliteSchema = z
  .object({ code: z.enum(codesOf(modalitesAccompagnement)), complement: text(600).optional() })
  .refine((m) => m.complement === undefined || modalitesAccompagnement[m.code].complement, {
    message: 'Seuls le PPRE et le contrat de réussite ont un complément.',
    path: ['complement'],
  });

/** Compétences numériques: the structure's collective appreciation and the student's level 1–3 per competence. */
export const CompetencesNumeriquesSchema = z.object({
  appreciationCollective: text(600).optional(),
  /** The student's own appreciation (`appreciation-num`). */
  appreciation: text(600).optional(),
  niveaux: z.partialRecord(z.enum(codesOf(competencesNumeriques)), z.number().int().min(1).max(3)),
});

/** Vie scolaire (2D): counts 0–999 and an optional comment. */
export const VieScolaireSchema = z.object({
  nbRetards: z.number().int().min(0).max(999),
  nbAbsJustifiees: z.number().int().min(0).max(999),
  nbAbsInjustifiees: z.number().int().min(0).max(999),
  nbHeuresManquees: z.number().int().min(0).max(999).optional(),
  commentaire: text(600).optional(),
  /** The class's collective comment for the period (`vie-scolaire-commun`). */
  commentaireCollectif: text(600).optional(),
});

/**
 * «Communication avec la famille»: who signs. The families' visa is not part of the frozen content (it comes
 * after publication and is recorded apart); the 1D teacher's visa is the list of teachers of the class.
 */
export const CommunicationSchema = z.object({
  /** Chef d'établissement (2D) / directeur (1D). */
  responsableEtablissement: PersonSchema.nullable(),
  /** Professeur(s) principal(aux), 2D. */
  professeursPrincipaux: z.array(PersonSchema),
  /** 1D: the teacher(s) who sign «Visa de l'enseignant(e)». */
  enseignants: z.array(PersonSchema),
});

/** The content of a bilan périodique, recto and verso (without the context of the frozen record). */
export const bilanPeriodiqueContentShape = {
  positioning: z.enum(['objectifs', 'notes-sans-moyenne', 'notes-avec-moyenne']),
  disciplines: z.array(DisciplineRowSchema),
  epi: z.array(EpiSchema),
  ap: z.array(ApSchema),
  parcours: z.array(ParcoursSchema),
  modalites: z.array(ModaliteSchema),
  competencesNumeriques: CompetencesNumeriquesSchema.nullable(),
  /** 1D appréciation générale (≤1500) / 2D synthèse (≤1000): the 2D limit is checked with the school. */
  synthese: text(1500),
  /** 2D «devoirs faits», optional. */
  devoirsFaits: text(600).nullable(),
  vieScolaire: VieScolaireSchema.nullable(),
  /** Niveau de maîtrise des composantes du socle, when the class shows it in periodic bilans. */
  socle: SocleSchema.nullable(),
  communication: CommunicationSchema,
  /** Date du conseil de classe. */
  dateConseil: IsoDateSchema.nullable(),
  /** Date de scolarité (the student's enrolment date in the class, when known). */
  dateScolarite: IsoDateSchema.nullable(),
};

/** The period of a frozen bilan périodique. */
export const PeriodSchema = z.object({
  id: z.string(),
  indice: z.number().int().min(1),
  count: z.number().int().min(1),
  label: z.string(),
  startsOn: IsoDateSchema,
  endsOn: IsoDateSchema,
});

/** The frozen bilan périodique, format version 1: context + content, immutable once stored. */
export const FrozenBilanPeriodiqueSchema = z
  .object({
    format: z.literal('livret/bilan-periodique'),
    formatVersion: z.literal(1),
    ...frozenContextShape,
    period: PeriodSchema,
    ...bilanPeriodiqueContentShape,
  })
  .superRefine((bilan, ctx) => {
    if (bilan.school.kind === '2D' && textLength(bilan.synthese) > 1000) {
      ctx.addIssue({
        code: 'custom',
        path: ['synthese'],
        message: 'La synthèse fait au plus 1000 caractères.',
      });
    }
    if (bilan.period.indice > bilan.period.count) {
      ctx.addIssue({ code: 'custom', path: ['period', 'indice'], message: 'Période hors de l’année.' });
    }
    if (bilan.positioning === 'objectifs') {
      bilan.disciplines.forEach((row, i) => {
        const p = row.positionnement;
        if (typeof p === 'number' && !(Number.isInteger(p) && p >= 1 && p <= 4)) {
          ctx.addIssue({
            code: 'custom',
            path: ['disciplines', i, 'positionnement'],
            message: 'Sur l’échelle des objectifs, le positionnement va de 1 à 4.',
          });
        }
      });
    }
    const codes = bilan.modalites.map((m) => m.code);
    if (new Set(codes).size !== codes.length) {
      ctx.addIssue({ code: 'custom', path: ['modalites'], message: 'Une modalité est citée deux fois.' });
    }
  });
/** The frozen bilan périodique (format version 1). */
export type FrozenBilanPeriodique = z.infer<typeof FrozenBilanPeriodiqueSchema>;
