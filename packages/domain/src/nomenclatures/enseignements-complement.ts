/**
 * Enseignements de complément of the bilan de fin de cycle 4 (domain reference §5; codes of the XSD
 * `CodeEnsCompl`, labels of LSUN_nomenclatures_v2.10.xml), positioned 1 = objectif atteint, 2 = dépassé.
 */

/** Enseignements de complément, code → official label. */
export const enseignementsComplement = {
  AUC: 'Aucun',
  LCA: "Langues et cultures de l'Antiquité",
  LCE: 'Langues et cultures européennes',
  LCR: 'Langues et cultures régionales',
  CHK: 'Chant choral',
  PRO: 'Découverte professionnelle',
  LSF: 'Langue des signes française',
  LVE: 'Langue vivante étrangère',
} as const;
/** Code of an enseignement de complément. */
export type CodeEnseignementComplement = keyof typeof enseignementsComplement;

/** Positioning of an enseignement de complément (XSD `PositionnementEnsCompl`). */
export const echelleEnseignementComplement = {
  1: 'Objectif atteint',
  2: 'Objectif dépassé',
} as const;
