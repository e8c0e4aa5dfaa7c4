/** The two positioning scales of the LSU and the class's positioning types (domain reference §3–5). */

/** Objectives scale of the bilan périodique (1–4). */
export const echelleObjectifs = {
  1: 'Non atteints',
  2: 'Partiellement atteints',
  3: 'Atteints',
  4: 'Dépassés',
} as const;

/** Mastery scale of the socle components in the bilan de fin de cycle (0 = dispensé in XML). */
export const echelleMaitrise = {
  0: 'Dispensé',
  1: 'Maîtrise insuffisante',
  2: 'Maîtrise fragile',
  3: 'Maîtrise satisfaisante',
  4: 'Très bonne maîtrise',
} as const;

/** The class setting «type de positionnement». */
export const positioningTypes = {
  objectifs: 'Sur une échelle d’objectifs d’apprentissage',
  'notes-sans-moyenne': 'Avec notes sans moyenne de classe',
  'notes-avec-moyenne': 'Avec notes et moyenne de classe',
} as const;
export type PositioningType = keyof typeof positioningTypes;

/** The class setting «source de données». */
export const dataSources = {
  manuelle: 'Saisie manuelle',
  'sconet-notes': 'Import Sconet-Notes',
  editeurs: 'Import Éditeurs',
} as const;
export type DataSource = keyof typeof dataSources;

/** «Non évalué», the value of a cell where the student was not assessed. */
export const NON_EVALUE = 'NE';

/**
 * The label of a positioning value on the class's scale.
 * @example positionnementLabel(3, 'objectifs') // 'Atteints'
 */
export function positionnementLabel(value: number | 'NE' | null, type: PositioningType): string {
  if (value === null) return '';
  if (value === 'NE') return 'Non évalué';
  if (type === 'objectifs') return echelleObjectifs[value as 1 | 2 | 3 | 4] ?? String(value);
  return `${String(value).replace('.', ',')}/20`;
}

/** True when `value` fits the class's scale: an integer 1–4, or a mark 0–20 (two decimals at most), or NE. */
export function fitsScale(value: unknown, type: PositioningType): boolean {
  if (value === NON_EVALUE) return true;
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  if (type === 'objectifs') return Number.isInteger(value) && value >= 1 && value <= 4;
  return value >= 0 && value <= 20 && Math.round(value * 100) === value * 100;
}
