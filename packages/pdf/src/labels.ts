/**
 * The headings and labels printed on the bilans, exactly as the official documents spell them (domain reference
 * §4–5). Code lists (disciplines, parcours, modalités, composantes…) take their labels from `@livret/domain`.
 */

/** Headings of the bilan périodique, in the order of the printed document. */
export const periodiqueLabels = {
  title: 'Bilan périodique',
  suiviAcquis: "Suivi des acquis scolaires de l'élève",
  domaines: "Domaines d'enseignement",
  disciplines: 'Disciplines',
  elements: 'Principaux éléments du programme travaillés durant la période',
  acquisitions: 'Acquisitions, progrès et difficultés éventuelles',
  positionnement: 'Positionnement',
  objectifs: "Objectifs d'apprentissage",
  moyenneEleve: "Moyenne de l'élève",
  moyenneClasse: 'Moyenne de la classe',
  epi: 'Enseignements pratiques interdisciplinaires (EPI)',
  ap: 'Accompagnement personnalisé (AP)',
  parcours: 'Parcours éducatifs',
  modalites: "Modalités spécifiques d'accompagnement",
  competencesNumeriques: 'Compétences numériques',
  bilanAcquisition: "Bilan de l'acquisition des connaissances et compétences",
  appreciationGenerale: "Appréciation générale sur la progression de l'élève",
  synthese: "Synthèse de l'évolution des acquis scolaires et conseils pour progresser",
  devoirsFaits: 'Devoirs faits',
  vieScolaire: 'Vie scolaire',
  socle: 'Niveau de maîtrise des 8 composantes du socle',
  communication: 'Communication avec la famille',
  visaEnseignant: "Visa de l'enseignant(e)",
  visaParents: 'Visa des parents / du responsable légal',
  signatureResponsables: 'Date, nom et signature des responsables légaux',
  dateConseil: 'Date du conseil de classe',
  responsable: "Responsable de l'établissement",
  professeursPrincipaux: 'Professeur(s) principal(aux)',
} as const;

/** Headings of the bilan de fin de cycle. */
export const finDeCycleLabels = {
  title: 'Bilan de fin de cycle',
  socle: 'Maîtrise des composantes du socle en fin de cycle',
  composantes: 'Composantes du socle',
  synthese: "Synthèse des acquis scolaires de l'élève en fin de cycle",
  enseignementComplement: 'Enseignement de complément',
  langueRegionale: 'Langue et culture régionale',
} as const;

/** The first domaine du socle, which groups the four «Comprendre, s'exprimer…» composantes. */
export const domaineLangages = 'Les langages pour penser et communiquer';
