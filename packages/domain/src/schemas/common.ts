/**
 * Building blocks shared by the schemas of the bilans: dates, people, scales, and the context every frozen
 * record carries (who, where, when). Limits are those of the official XSD (Chaine100, Chaine600…).
 */
import { z } from 'zod';
import { textLength } from '../doc/limits.js';
import { isMark } from '../nomenclatures/positioning.js';

import { type ComposanteSocle, composantesSocle } from '../nomenclatures/socle.js';

// Schema messages reach users (an import's report, an API answer): zod speaks French in every program that
// loads the domain. Jitless: zod would otherwise probe `new Function`, which the web app's CSP forbids.
z.config(z.locales.fr());
z.config({ jitless: true });

/** The keys of a code list as a zod enum tuple. */
export const codesOf = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An ISO 8601 date-time with its offset (`2026-11-27T17:30:00.000Z`). */
export const IsoDateTimeSchema = z.iso.datetime({ offset: true });

/**
 * A text of at most `max` characters (may be empty), counted in code points like the official checker (an
 * emoji is one character): zod's `.max` counts UTF-16 code units and refused valid files.
 */
export const text = (max: number) =>
  z.string().refine((value) => textLength(value) <= max, `Au plus ${max} caractères.`);
/** A text of `min` to `max` characters, counted like `text`. */
export const chars = (min: number, max: number) =>
  z
    .string()
    .refine((value) => textLength(value) >= min, `Au moins ${min} caractère${min > 1 ? 's' : ''}.`)
    .refine((value) => textLength(value) <= max, `Au plus ${max} caractères.`);

/** A teacher of a row, as printed. The LSU format makes the first name optional (`prenom` of `Enseignant`). */
export const TeacherSchema = z.object({
  id: z.string(),
  civilite: z.string().nullable(),
  lastName: chars(1, 100),
  firstName: text(100),
});
/** A teacher of a row. */
export type Teacher = z.infer<typeof TeacherSchema>;

/**
 * A named person of the school (responsable de l'établissement, professeur principal). The first name may be
 * empty: an LSU file may name a teacher (and so a professeur principal) without one.
 */
export const PersonSchema = z.object({
  civilite: z.enum(['M.', 'Mme']).nullable(),
  lastName: chars(1, 100),
  firstName: text(100),
});
/** A named person of the school. */
export type Person = z.infer<typeof PersonSchema>;

/**
 * A positioning cell: 'NE' (non évalué / non noté) or a number — 1..4 on the objectives scale, or a mark
 * 0..20 with at most two decimals (which one is the class setting, checked with the bilan).
 */
export const PositionnementSchema = z.union([
  z.literal('NE'),
  z.number().refine(isMark, 'Une note va de 0 à 20, avec deux décimales au plus.'),
]);

/** The 8 composantes du socle, each 0 (dispensé) to 4 (très bonne maîtrise): all 8 are required, as in the XSD. */
export const SocleSchema = z.record(
  z.enum(codesOf(composantesSocle)),
  z.number().int().min(0).max(4),
) as z.ZodType<Record<ComposanteSocle, number>>;

/** The school of a frozen record. */
export const SchoolSchema = z.object({
  uai: z.string().regex(/^[0-9A-Z]{7}[A-Z]$/),
  name: z.string().min(1),
  kind: z.enum(['1D', '2D']),
  academie: z.string(),
});

/** The class (division in 2D) of a frozen record. */
export const ClassSchema = z.object({
  id: z.string(),
  code: z.string(),
  label: z.string(),
  niveaux: z.array(z.string()),
});

/** The student of a frozen record. */
export const StudentSchema = z.object({
  id: z.string(),
  ine: z.string().length(11),
  lastName: chars(1, 100),
  firstName: chars(1, 100),
  birthDate: IsoDateSchema,
  sex: z.enum(['M', 'F']),
  niveau: z.string(),
});

/** Context shared by every frozen record: the version, who froze it and when, the school, year, class, student. */
export const frozenContextShape = {
  version: z.number().int().positive(),
  frozenAt: IsoDateTimeSchema,
  frozenBy: z.object({ id: z.string(), name: z.string() }),
  school: SchoolSchema,
  millesime: z.number().int().min(2000).max(2100),
  class: ClassSchema,
  student: StudentSchema,
};
