/**
 * What a value written into a cell of the live document may be, per cell kind: the one check shared by the
 * document helpers' callers, the server's sync judge and the frozen schemas' limits (domain reference §4 and
 * the official XSD). A crafted update cannot store a level 7, a 5000-character appreciation or an object.
 */
import type { Cell } from '../doc/cells.js';
import { vieScolaireFields } from '../doc/cells.js';
import { limits, syntheseLimit, textLength } from '../doc/limits.js';
import { isVieScolaireValue } from '../doc/vie-scolaire.js';
import type { PositioningType } from '../nomenclatures/class-settings.js';
import { fitsScale } from '../nomenclatures/positioning.js';

/** What the value rules depend on besides the cell. */
export interface CellValueScope {
  /** The class's positioning scale. */
  positioning: PositioningType;
  schoolKind: '1D' | '2D';
}

/**
 * A French message when `value` may not be written as an entry of `cell` (a map value, or one element of
 * the program elements list), else null. `key` is the map key for map cells (the vie scolaire field).
 * @example cellValueError({ section: 'positionnement', studentId, disciplineId }, 7, scope) // 'Positionnement non valide pour cette classe.'
 */
export function cellValueError(
  cell: Cell,
  key: string | null,
  value: unknown,
  scope: CellValueScope,
): string | null {
  switch (cell.section) {
    case 'positionnement':
      return fitsScale(value, scope.positioning) ? null : 'Positionnement non valide pour cette classe.';
    case 'elements':
      return typeof value === 'string' &&
        value.trim().length > 0 &&
        textLength(value) <= limits.programElement
        ? null
        : `Un élément du programme est un texte de 1 à ${limits.programElement} caractères.`;
    case 'vie-scolaire': {
      const field = key?.split('/')[1];
      const known = vieScolaireFields.find((f) => f === field);
      if (!known) return 'Champ de vie scolaire inconnu.';
      return isVieScolaireValue(known, value) ? null : 'Valeur de vie scolaire non valide.';
    }
    default:
      return 'Valeur non attendue dans cette case.';
  }
}

/**
 * The most characters a text cell may hold (appreciation 600; synthèse 1000 in 2D, 1500 in 1D); null for
 * cells that are not texts.
 */
export function textLimitOf(cell: Cell, schoolKind: '1D' | '2D'): number | null {
  if (cell.section === 'appreciation') return limits.appreciation;
  if (cell.section === 'synthese') return syntheseLimit(schoolKind);
  return null;
}
