/**
 * The per-class settings of the «Paramétrage» (domain reference §3): data source, positioning type and whether
 * the socle is shown in periodic bilans, with their labels and the national application's defaults.
 */

/** The class setting «source de données». */
export const dataSources = {
  manuelle: 'Saisie manuelle',
  'sconet-notes': 'Import Sconet-Notes',
  editeurs: 'Import Éditeurs',
} as const;
/** A data source of a class. */
export type DataSource = keyof typeof dataSources;

/** The class setting «type de positionnement». */
export const positioningTypes = {
  objectifs: 'Sur une échelle d’objectifs d’apprentissage',
  'notes-sans-moyenne': 'Avec notes sans moyenne de classe',
  'notes-avec-moyenne': 'Avec notes et moyenne de classe',
} as const;
/** A positioning type of a class. */
export type PositioningType = keyof typeof positioningTypes;

/**
 * Defaults of the national application (domain reference §3). The product's demo uses 'manuelle' as data
 * source (Contract 3); these are the LSU's own defaults.
 */
export const lsuDefaultClassSettings = {
  dataSource: 'editeurs',
  positioning: 'notes-sans-moyenne',
  showSocle: false,
} as const satisfies { dataSource: DataSource; positioning: PositioningType; showSocle: boolean };

/** True when `value` is a positioning type (for parsing stored strings). */
export function isPositioningType(value: unknown): value is PositioningType {
  return typeof value === 'string' && Object.hasOwn(positioningTypes, value);
}

/** True when `value` is a data source (for parsing stored strings). */
export function isDataSource(value: unknown): value is DataSource {
  return typeof value === 'string' && Object.hasOwn(dataSources, value);
}
