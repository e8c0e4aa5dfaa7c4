/**
 * The 8 composantes du socle commun (domain reference §5; codes of the XSD `CodeDomaineSocle`, labels of
 * LSUN_nomenclatures_v2.10.xml), positioned in every bilan de fin de cycle and optionally in periodic bilans.
 */

/** Composantes du socle, code → official label, in report order. */
export const composantesSocle = {
  CPD_FRA: "Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit",
  CPD_ETR:
    "Comprendre, s'exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale",
  CPD_SCI: "Comprendre, s'exprimer en utilisant les langages mathématiques, scientifiques et informatiques",
  CPD_ART: "Comprendre, s'exprimer en utilisant les langages des arts et du corps",
  MET_APP: 'Les méthodes et outils pour apprendre',
  FRM_CIT: 'La formation de la personne et du citoyen',
  SYS_NAT: 'Les systèmes naturels et les systèmes techniques',
  REP_MND: "Les représentations du monde et l'activité humaine",
} as const;
/** Code of a composante du socle. */
export type ComposanteSocle = keyof typeof composantesSocle;

/** The codes of the composantes, in report order. */
export const composantesSocleCodes = Object.keys(composantesSocle) as ComposanteSocle[];

/**
 * The domaine du socle each composante belongs to: the first four are the four parts of domaine 1 «Les
 * langages pour penser et communiquer», the others are domaines 2 to 5.
 */
export const domaineSocleOf: Record<ComposanteSocle, 1 | 2 | 3 | 4 | 5> = {
  CPD_FRA: 1,
  CPD_ETR: 1,
  CPD_SCI: 1,
  CPD_ART: 1,
  MET_APP: 2,
  FRM_CIT: 3,
  SYS_NAT: 4,
  REP_MND: 5,
};
