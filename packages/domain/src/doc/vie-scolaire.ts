/** Vie scolaire (2D), written by the CPE: counts 0..999 and an optional comment (≤600). */
import type * as Y from 'yjs';
import { roots, type VieScolaireField } from './cells.js';
import { InvalidValueError, limits, textLength } from './limits.js';

/** The vie scolaire of a student as stored (fields absent when not entered). */
export type VieScolaire = {
  nbRetards?: number;
  nbAbsJustifiees?: number;
  nbAbsInjustifiees?: number;
  nbHeuresManquees?: number;
  commentaire?: string;
};

function map(doc: Y.Doc): Y.Map<number | string> {
  return doc.getMap<number | string>(roots.vieScolaire);
}

/** True when `value` is allowed in `field`. */
export function isVieScolaireValue(field: VieScolaireField, value: unknown): boolean {
  if (field === 'commentaire')
    return typeof value === 'string' && textLength(value) <= limits.vieScolaireCommentaire;
  return (
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= limits.vieScolaireCount
  );
}

/** The vie scolaire of a student (fields absent when not entered). */
export function getVieScolaire(doc: Y.Doc, studentId: string): VieScolaire {
  const out: Record<string, number | string> = {};
  for (const [key, value] of map(doc).entries()) {
    const [student, field] = key.split('/');
    if (student === studentId && field) out[field] = value;
  }
  return out as VieScolaire;
}

/** Sets one field (null clears it). */
export function setVieScolaireField(
  doc: Y.Doc,
  studentId: string,
  field: VieScolaireField,
  value: number | string | null,
): void {
  const key = `${studentId}/${field}`;
  if (value === null || value === '') {
    map(doc).delete(key);
    return;
  }
  if (!isVieScolaireValue(field, value))
    throw new InvalidValueError('Valeur de vie scolaire non valide.', 'out-of-range');
  map(doc).set(key, value);
}
