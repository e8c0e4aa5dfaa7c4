/**
 * Runtime schema of the bilan de fin de cycle (domain reference §5) and of its frozen, versioned record: the
 * 8 composantes du socle on the mastery scale, the synthèse (≤1500) and, in cycle 4 only, the enseignement de
 * complément and the langue et culture régionale.
 */
import { z } from 'zod';
import { enseignementsComplement } from '../nomenclatures/enseignements-complement.js';
import { languesRegionales } from '../nomenclatures/langues-regionales.js';
import { codesOf, frozenContextShape, PersonSchema, SocleSchema, text } from './common.js';

/** Enseignement de complément (cycle 4): objectif atteint or dépassé. */
export const EnseignementComplementSchema = z.object({
  code: z.enum(codesOf(enseignementsComplement)),
  niveau: z.enum(['atteint', 'depasse']),
});

/** Langue et culture régionale (cycle 4): niveau A2 atteint or not. */
export const LangueRegionaleSchema = z.object({
  code: z.enum(codesOf(languesRegionales)),
  niveau: z.enum(['atteint', 'non-atteint']),
});

/** The content of a bilan de fin de cycle. */
export const bilanFinCycleContentShape = {
  cycle: z.union([z.literal(2), z.literal(3), z.literal(4)]),
  /** All 8 composantes, 0 (dispensé) to 4. */
  socle: SocleSchema,
  /** «Synthèse des acquis scolaires de l'élève en fin de cycle», ≤1500. */
  synthese: text(1500),
  enseignementComplement: EnseignementComplementSchema.nullable(),
  langueRegionale: LangueRegionaleSchema.nullable(),
  responsableEtablissement: PersonSchema.nullable().optional(),
  professeursPrincipaux: z.array(PersonSchema).optional(),
};

/** The frozen bilan de fin de cycle, format version 1. */
export const FrozenBilanFinCycleSchema = z
  .object({
    format: z.literal('livret/bilan-fin-cycle'),
    formatVersion: z.literal(1),
    ...frozenContextShape,
    ...bilanFinCycleContentShape,
  })
  .superRefine((bilan, ctx) => {
    if (bilan.cycle !== 4) {
      for (const key of ['enseignementComplement', 'langueRegionale'] as const) {
        if (bilan[key] !== null) {
          ctx.addIssue({ code: 'custom', path: [key], message: 'Réservé au bilan de fin de cycle 4.' });
        }
      }
    }
  });
/** The frozen bilan de fin de cycle (format version 1). */
export type FrozenBilanFinCycle = z.infer<typeof FrozenBilanFinCycleSchema>;
