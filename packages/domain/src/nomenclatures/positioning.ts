/** The two positioning scales of the LSU (domain reference §4–5) and the labels of positioning values. */
import type { PositioningType } from './class-settings.js';

/** Objectives scale of the bilan périodique (1–4, XSD `PositionnementAcquis`). */
export const echelleObjectifs = {
  1: 'Non atteints',
  2: 'Partiellement atteints',
  3: 'Atteints',
  4: 'Dépassés',
} as const;
/** A level of the objectives scale. */
export type NiveauObjectif = keyof typeof echelleObjectifs;

/** Mastery scale of the composantes du socle (1–4; 0 = dispensé in XML, XSD `PositionnementSocle`). */
export const echelleMaitrise = {
  0: 'Dispensé',
  1: 'Maîtrise insuffisante',
  2: 'Maîtrise fragile',
  3: 'Maîtrise satisfaisante',
  4: 'Très bonne maîtrise',
} as const;
/** A level of the mastery scale, 0 meaning dispensé. */
export type NiveauMaitrise = keyof typeof echelleMaitrise;

/** «Non évalué», the value of a cell where the student was not assessed (XSD `non-evalue` / `eleve-non-note`). */
export const NON_EVALUE = 'NE';

/**
 * The label of a positioning value on the class's scale.
 * @example positionnementLabel(3, 'objectifs') // 'Atteints'
 * @example positionnementLabel(15.5, 'notes-sans-moyenne') // '15,5/20'
 */
export function positionnementLabel(value: number | 'NE' | null, type: PositioningType): string {
  if (value === null) return '';
  if (value === NON_EVALUE) return 'Non évalué';
  if (type === 'objectifs') return echelleObjectifs[value as NiveauObjectif] ?? String(value);
  return `${String(value).replace('.', ',')}/20`;
}

/** True when `value` fits the class's scale: an integer 1–4, or a mark 0–20 (two decimals at most), or NE. */
export function fitsScale(value: unknown, type: PositioningType): boolean {
  if (value === NON_EVALUE) return true;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (type === 'objectifs') return Number.isInteger(value) && value >= 1 && value <= 4;
  return value >= 0 && value <= 20 && Math.round(value * 100) === value * 100;
}
