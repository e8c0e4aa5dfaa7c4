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

/**
 * True when `value` is a mark of the LSU: 0 to 20 with at most two decimals. Decided on the number's decimal
 * text (its shortest round-trip form), never on float arithmetic: 10.2 * 100 is 1019.9999999999999.
 * @example isMark(10.2) // true
 * @example isMark(10.255) // false
 */
export function isMark(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 20) return false;
  return /^\d{1,2}(\.\d{1,2})?$/.test(String(value));
}

/**
 * Reads a mark typed the French way ('10,25') or the English way ('10.25'); null when it is not a mark.
 * @example parseMark('19,99') // 19.99
 */
export function parseMark(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,2}([.,]\d{1,2})?$/.test(trimmed)) return null;
  const value = Number(trimmed.replace(',', '.'));
  return isMark(value) ? value : null;
}

/** True when `value` is a level of the objectives scale (an integer 1–4). */
export function isNiveauObjectif(value: unknown): value is NiveauObjectif {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4;
}

/** True when `value` fits the class's scale: a level 1–4, or a mark 0–20 (two decimals at most), or NE. */
export function fitsScale(value: unknown, type: PositioningType): boolean {
  if (value === NON_EVALUE) return true;
  return type === 'objectifs' ? isNiveauObjectif(value) : isMark(value);
}
