/**
 * Values written through sync are checked against the class (its positioning scale) and the LSU limits, on
 * top of the write rule: a crafted update cannot store a level 7 or a 5000-character appreciation.
 */
import { fitsScale, type PositioningType } from '@livret/domain';
import { isVieScolaireValue, limits, type VieScolaireField, vieScolaireFields } from '@livret/domain/doc';
import type { Touch } from '../sync/inspect-update.js';
import type { ClassContext } from './context.js';

/** A French message when the touch writes a value the class does not allow, else null. */
export function validateTouch(touch: Touch, context: ClassContext): string | null {
  if (touch.op === 'delete') return null;
  const { cell } = touch;
  if (touch.op === 'text') {
    const max =
      cell.section === 'synthese'
        ? context.school.kind === '1D'
          ? limits.synthese1D
          : limits.synthese2D
        : limits.appreciation;
    return touch.inserted > max ? `Texte trop long (${max} caractères au plus).` : null;
  }
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
