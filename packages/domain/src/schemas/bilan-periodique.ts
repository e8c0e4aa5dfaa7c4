/**
 * Runtime schemas of the bilans (domain reference §4–5) and of their frozen, versioned records: the one source
 * of truth for the shape of a frozen bilan, from which the types are inferred.
 */
import { z } from 'zod';
import {
  competencesNumeriques,
  composantesSocle,
  enseignementsComplement,
  languesRegionales,
  modalitesAccompagnement,
  parcours,
  thematiquesEpi,
} from '../nomenclatures/lsu.js';

const keys = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

export const PositionnementSchema = z.union([z.literal('NE'), z.number().min(0).max(20)]);
export const TeacherSchema = z.object({
  id: z.string(),
  civilite: z.string().nullable(),
  lastName: z.string(),
  firstName: z.string(),
});

/** One row of «Suivi des acquis scolaires de l'élève». */
export const DisciplineRowSchema = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  teachers: z.array(TeacherSchema),
  elements: z.array(z.string().min(1).max(300)),
  appreciation: z.string().max(600),
  positionnement: PositionnementSchema.nullable(),
  /** Class average (notes-avec-moyenne). */
  moyenneClasse: z.number().min(0).max(20).nullable().optional(),
});

export const EpiSchema = z.object({
  intitule: z.string().min(1).max(150),
  thematique: z.enum(keys(thematiquesEpi)),
  disciplines: z.array(z.string()).min(2),
  description: z.string().max(600),
  commentaire: z.string().max(600).optional(),
});

export const ApSchema = z.object({
  intitule: z.string().min(1).max(150),
  disciplines: z.array(z.string()),
  description: z.string().max(600),
  commentaire: z.string().max(600).optional(),
});

export const ParcoursSchema = z.object({
  code: z.enum(keys(parcours)),
  projet: z.string().max(600),
  commentaire: z.string().max(600).optional(),
});

export const ModaliteSchema = z.object({
  code: z.enum(keys(modalitesAccompagnement)),
  complement: z.string().max(600).optional(),
});

export const VieScolaireSchema = z.object({
  nbRetards: z.number().int().min(0).max(999),
  nbAbsJustifiees: z.number().int().min(0).max(999),
  nbAbsInjustifiees: z.number().int().min(0).max(999),
  nbHeuresManquees: z.number().int().min(0).max(999).optional(),
  commentaire: z.string().max(600).optional(),
});

export const CompetencesNumeriquesSchema = z.object({
  appreciationCollective: z.string().max(600).optional(),
  niveaux: z.partialRecord(z.enum(keys(competencesNumeriques)), z.number().int().min(1).max(3)),
});

export const SocleSchema = z.record(z.enum(keys(composantesSocle)), z.number().int().min(0).max(4));

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const isoDateTime = z.string().datetime();

/** Context shared by every frozen record: who, where, when. */
export const FrozenContextSchema = z.object({
  version: z.number().int().positive(),
  frozenAt: isoDateTime,
  frozenBy: z.object({ id: z.string(), name: z.string() }),
  school: z.object({
    uai: z.string().length(8),
    name: z.string(),
    kind: z.enum(['1D', '2D']),
    academie: z.string(),
  }),
  millesime: z.number().int(),
  class: z.object({ id: z.string(), code: z.string(), label: z.string(), niveaux: z.array(z.string()) }),
  student: z.object({
    id: z.string(),
    ine: z.string(),
    lastName: z.string(),
    firstName: z.string(),
    birthDate: isoDate,
    sex: z.enum(['M', 'F']),
    niveau: z.string(),
  }),
});

/** The frozen bilan périodique, format version 1. */
export const FrozenBilanPeriodiqueSchema = FrozenContextSchema.extend({
  format: z.literal('livret/bilan-periodique'),
  formatVersion: z.literal(1),
  period: z.object({
    id: z.string(),
    indice: z.number().int().min(1),
    count: z.number().int().min(1),
    label: z.string(),
    startsOn: isoDate,
    endsOn: isoDate,
  }),
  positioning: z.enum(['objectifs', 'notes-sans-moyenne', 'notes-avec-moyenne']),
  disciplines: z.array(DisciplineRowSchema),
  epi: z.array(EpiSchema),
  ap: z.array(ApSchema),
  parcours: z.array(ParcoursSchema),
  modalites: z.array(ModaliteSchema),
  competencesNumeriques: CompetencesNumeriquesSchema.nullable(),
  /** 1D appréciation générale (≤1500) / 2D synthèse (≤1000): the limit depends on the school, checked below. */
  synthese: z.string().max(1500),
  devoirsFaits: z.string().max(600).nullable(),
  vieScolaire: VieScolaireSchema.nullable(),
  socle: SocleSchema.nullable(),
  dateConseil: isoDate.nullable(),
}).superRefine((bilan, ctx) => {
  if (bilan.school.kind === '2D' && bilan.synthese.length > 1000) {
    ctx.addIssue({
      code: 'custom',
      path: ['synthese'],
      message: 'La synthèse fait au plus 1000 caractères.',
    });
  }
});
export type FrozenBilanPeriodique = z.infer<typeof FrozenBilanPeriodiqueSchema>;

/** The frozen bilan de fin de cycle, format version 1. */
export const FrozenBilanFinCycleSchema = FrozenContextSchema.extend({
  format: z.literal('livret/bilan-fin-cycle'),
  formatVersion: z.literal(1),
  cycle: z.union([z.literal(2), z.literal(3), z.literal(4)]),
  socle: SocleSchema,
  synthese: z.string().max(1500),
  enseignementComplement: z
    .object({ code: z.enum(keys(enseignementsComplement)), niveau: z.enum(['atteint', 'depasse']) })
    .nullable(),
  langueRegionale: z
    .object({ code: z.enum(keys(languesRegionales)), niveau: z.enum(['atteint', 'non-atteint']) })
    .nullable(),
});
export type FrozenBilanFinCycle = z.infer<typeof FrozenBilanFinCycleSchema>;
