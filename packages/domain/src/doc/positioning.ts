/**
 * Positioning: one value per (student, discipline) cell — a level 1..4 on the objectives scale, a mark
 * 0..20 (at most two decimals) or 'NE' (non évalué). Which of the first two applies is the class setting.
 */
import type * as Y from 'yjs';
import type { PositioningType } from '../nomenclatures/class-settings.js';
import { fitsScale, isMark } from '../nomenclatures/positioning.js';
import { roots } from './cells.js';
import { InvalidValueError } from './limits.js';

/** A stored positioning value. */
export type PositionnementValue = number | 'NE';

function map(doc: Y.Doc): Y.Map<PositionnementValue> {
  return doc.getMap<PositionnementValue>(roots.positionnement);
}

/** True when `value` is a valid positioning value (any scale). */
export function isPositionnementValue(value: unknown): value is PositionnementValue {
  return value === 'NE' || isMark(value); // a level 1–4 is also a mark
}

/** The value of a cell, or null when empty. */
export function getPositionnement(
  doc: Y.Doc,
  studentId: string,
  disciplineId: string,
): PositionnementValue | null {
  return map(doc).get(`${studentId}/${disciplineId}`) ?? null;
}

/**
 * Sets (or, with null, clears) a cell. Throws `InvalidValueError` for a value on no scale; with `type`, also
 * for a value off the class's scale (a level 1–4 for 'objectifs', a mark otherwise).
 * @example setPositionnement(doc, studentId, disciplineId, 3, 'objectifs')
 */
export function setPositionnement(
  doc: Y.Doc,
  studentId: string,
  disciplineId: string,
  value: PositionnementValue | null,
  type?: PositioningType,
): void {
  const key = `${studentId}/${disciplineId}`;
  if (value === null) {
    map(doc).delete(key);
    return;
  }
  if (!isPositionnementValue(value) || (type && !fitsScale(value, type))) {
    throw new InvalidValueError('Positionnement non valide.', 'out-of-range');
  }
  map(doc).set(key, value);
}

/** Every filled cell of a student: disciplineId → value. */
export function positionnementsOf(doc: Y.Doc, studentId: string): Map<string, PositionnementValue> {
  const out = new Map<string, PositionnementValue>();
  for (const [key, value] of map(doc).entries()) {
    const [student, discipline] = key.split('/');
    if (student === studentId && discipline) out.set(discipline, value);
  }
  return out;
}
