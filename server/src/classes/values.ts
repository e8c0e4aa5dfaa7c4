/**
 * Values written through sync are checked against the class (its positioning scale) and the LSU limits, on
 * top of the write rule: a crafted update cannot store a level 7 or a 5000-character appreciation.
 */
import { fitsScale, type PositioningType } from '@livret/domain';
import {
  appreciationText,
  isVieScolaireValue,
  limits,
  syntheseText,
  type VieScolaireField,
  vieScolaireFields,
} from '@livret/domain/doc';
import type * as Y from 'yjs';
import type { Touch } from '../sync/inspect-update.js';
import type { ClassContext } from './context.js';

/** A French message when the touch writes a value the class does not allow, else null. */
export function validateTouch(touch: Touch, context: ClassContext): string | null {
  if (touch.op === 'delete') return null;
  const { cell } = touch;
  if (touch.op === 'text') return null; // lengths are checked on the whole text: textLengthError
  if (touch.value === undefined) return null; // a deleted placeholder
  switch (cell.section) {
    case 'positionnement':
      return fitsScale(touch.value, context.settings.positioning as PositioningType)
        ? null
        : 'Positionnement non valide pour cette classe.';
    case 'elements': {
      const values = Array.isArray(touch.value) ? touch.value : [touch.value];
      const ok = values.every(
        (v) => typeof v === 'string' && v.trim().length > 0 && v.length <= limits.programElement,
      );
      return ok ? null : `Un élément du programme est un texte de 1 à ${limits.programElement} caractères.`;
    }
    case 'vie-scolaire': {
      const field = touch.key?.split('/')[1] as VieScolaireField | undefined;
      if (!field || !(vieScolaireFields as readonly string[]).includes(field))
        return 'Champ de vie scolaire inconnu.';
      return isVieScolaireValue(field, touch.value) ? null : 'Valeur de vie scolaire non valide.';
    }
    default:
      return 'Valeur non attendue.';
  }
}

/**
 * The length of every text an update touches, once applied: the live length plus what the update inserts,
 * minus what it deletes there, against the LSU limit. (Per-item checks would let many small items through.)
 */
export function textLengthError(touches: Touch[], doc: Y.Doc, context: ClassContext): string | null {
  const delta = new Map<string, { cell: Touch['cell']; change: number }>();
  for (const touch of touches) {
    const { cell } = touch;
    if (cell.section !== 'appreciation' && cell.section !== 'synthese') continue;
    if (touch.op === 'set') continue;
    const key =
      cell.section === 'synthese' ? `s/${cell.studentId}` : `a/${cell.studentId}/${cell.disciplineId}`;
    const entry = delta.get(key) ?? { cell, change: 0 };
    entry.change += touch.op === 'text' ? touch.inserted : -touch.count;
    delta.set(key, entry);
  }
  for (const { cell, change } of delta.values()) {
    if (change <= 0) continue;
    const text =
      cell.section === 'synthese'
        ? syntheseText(doc, cell.studentId)
        : cell.section === 'appreciation'
          ? appreciationText(doc, cell.studentId, cell.disciplineId)
          : null;
    if (!text) continue;
    const max =
      cell.section === 'synthese'
        ? context.school.kind === '1D'
          ? limits.synthese1D
          : limits.synthese2D
        : limits.appreciation;
    if (text.length + change > max) return `Texte trop long (${max} caractères au plus).`;
  }
  return null;
}
