/**
 * Parcours éducatifs (domain reference §4; codes of the XSD `CodeParcours`, labels of
 * LSUN_nomenclatures_v2.10.xml): a collective text per class and period, optionally an individual one.
 */
import type { Niveau } from './niveaux.js';

/** Parcours, code → official label. */
export const parcours = {
  PAR_AVN: 'Parcours avenir',
  PAR_CIT: 'Parcours citoyen',
  PAR_ART: "Parcours d'éducation artistique et culturelle",
  PAR_SAN: 'Parcours éducatif de santé',
} as const;
/** Code of a parcours éducatif. */
export type CodeParcours = keyof typeof parcours;

/**
 * The rule shown to users above every parcours text (domain reference §4).
 */
export const parcoursWritingRule =
  'Ne mentionner que des faits pertinents, sans jugement subjectif, et rien qui révèle les origines, les ' +
  'opinions, les convictions, l’appartenance syndicale ou la vie privée.';

/** The parcours offered at a niveau: the Parcours avenir starts in 6e, the others from CP. */
export function parcoursOfNiveau(niveau: Niveau): CodeParcours[] {
  const collegeOnly = new Set<CodeParcours>(['PAR_AVN']);
  const isCollege = ['6e', '5e', '4e', '3e'].includes(niveau);
  return (Object.keys(parcours) as CodeParcours[]).filter((code) => isCollege || !collegeOnly.has(code));
}
