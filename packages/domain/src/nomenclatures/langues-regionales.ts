/**
 * Langues et cultures régionales of the bilan de fin de cycle 4 (domain reference §5; codes of the XSD
 * `CodeLangueCultureRegionale`, labels of LSUN_nomenclatures_v2.10.xml), positioned 1 = niveau A2 non
 * atteint, 2 = atteint.
 */

/** Langues et cultures régionales, code → official label. */
export const languesRegionales = {
  AUC: 'Aucun',
  BAQ: 'Basque',
  BRE: 'Breton',
  CAT: 'Catalan',
  COS: 'Corse',
  CPF: 'Créole',
  FUD: 'Futunien',
  GAL: 'Gallo',
  GSW: "Langue régionale d'Alsace",
  MEL: 'Langues mélanésiennes',
  MOL: 'Langues régionales des pays mosellans',
  OCI: "Occitan langue d'oc",
  TAH: 'Tahitien',
  WLS: 'Wallisien',
} as const;
/** Code of a langue et culture régionale. */
export type CodeLangueRegionale = keyof typeof languesRegionales;

/** Positioning of a langue et culture régionale (XSD `PositionnementLangueCultureRegionale`). */
export const echelleLangueRegionale = {
  1: 'Niveau A2 non atteint',
  2: 'Niveau A2 atteint',
} as const;
