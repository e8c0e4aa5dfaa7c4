/**
 * LSU code lists with their official labels (domain reference §4–6; codes as in the official XSD and
 * LSUN_nomenclatures_v2.10.xml, copied from the national application's exchange format).
 */

export const niveaux = ['CP', 'CE1', 'CE2', 'CM1', 'CM2', '6e', '5e', '4e', '3e'] as const;
export type Niveau = (typeof niveaux)[number];

/** Cycle and degré of each niveau. */
export const niveauInfo: Record<Niveau, { cycle: 2 | 3 | 4; degre: '1D' | '2D' }> = {
  CP: { cycle: 2, degre: '1D' },
  CE1: { cycle: 2, degre: '1D' },
  CE2: { cycle: 2, degre: '1D' },
  CM1: { cycle: 3, degre: '1D' },
  CM2: { cycle: 3, degre: '1D' },
  '6e': { cycle: 3, degre: '2D' },
  '5e': { cycle: 4, degre: '2D' },
  '4e': { cycle: 4, degre: '2D' },
  '3e': { cycle: 4, degre: '2D' },
};

export const cycles = {
  2: 'Cycle des apprentissages fondamentaux',
  3: 'Cycle de consolidation',
  4: 'Cycle des approfondissements',
} as const;

/** The cycle of a niveau. */
export function cycleOf(niveau: Niveau): 2 | 3 | 4 {
  return niveauInfo[niveau].cycle;
}

export const composantesSocle = {
  CPD_FRA: 'Comprendre, s’exprimer en utilisant la langue française à l’oral et à l’écrit',
  CPD_ETR:
    'Comprendre, s’exprimer en utilisant une langue étrangère et, le cas échéant, une langue régionale',
  CPD_SCI: 'Comprendre, s’exprimer en utilisant les langages mathématiques, scientifiques et informatiques',
  CPD_ART: 'Comprendre, s’exprimer en utilisant les langages des arts et du corps',
  MET_APP: 'Les méthodes et outils pour apprendre',
  FRM_CIT: 'La formation de la personne et du citoyen',
  SYS_NAT: 'Les systèmes naturels et les systèmes techniques',
  REP_MND: 'Les représentations du monde et l’activité humaine',
} as const;
export type ComposanteSocle = keyof typeof composantesSocle;

export const parcours = {
  PAR_AVN: 'Parcours avenir',
  PAR_CIT: 'Parcours citoyen',
  PAR_ART: 'Parcours d’éducation artistique et culturelle',
  PAR_SAN: 'Parcours éducatif de santé',
} as const;
export type CodeParcours = keyof typeof parcours;

export const thematiquesEpi = {
  EPI_SAN: 'Corps, santé, bien-être et sécurité',
  EPI_ART: 'Culture et création artistiques',
  EPI_EDD: 'Transition écologique et développement durable',
  EPI_ICC: 'Information, communication, citoyenneté',
  EPI_LGA: 'Langues et cultures de l’Antiquité',
  EPI_LGE: 'Langues et cultures étrangères ou, le cas échéant, régionales',
  EPI_PRO: 'Monde économique et professionnel',
  EPI_STS: 'Sciences, technologie et société',
} as const;
export type ThematiqueEpi = keyof typeof thematiquesEpi;

export const modalitesAccompagnement = {
  PAP: { label: 'Plan d’accompagnement personnalisé', complement: false },
  PAI: { label: 'Projet d’accueil individualisé', complement: false },
  PPRE: { label: 'Programme personnalisé de réussite éducative', complement: true },
  PPS: { label: 'Projet personnalisé de scolarisation', complement: false },
  ULIS: { label: 'Unité localisée pour l’inclusion scolaire', complement: false },
  UPE2A: { label: 'Unité pédagogique pour élèves allophones arrivants', complement: false },
  SEGPA: { label: 'Section d’enseignement général adapté', complement: false },
  CTR: { label: 'Contrat de réussite', complement: true },
  RASED: { label: 'Réseau d’aides spécialisées aux élèves en difficulté', complement: false },
} as const;
export type CodeModalite = keyof typeof modalitesAccompagnement;

export const enseignementsComplement = {
  AUC: 'Aucun',
  LCA: 'Langues et cultures de l’Antiquité',
  LCE: 'Langues et cultures européennes',
  LCR: 'Langues et cultures régionales',
  CHK: 'Chant choral',
  PRO: 'Découverte professionnelle',
  LSF: 'Langue des signes française',
  LVE: 'Langue vivante étrangère',
} as const;
export type CodeEnseignementComplement = keyof typeof enseignementsComplement;

/** Langues et cultures régionales (LSUN_nomenclatures_v2.10.xml). */
export const languesRegionales = {
  AUC: 'Aucune',
  BAQ: 'Basque',
  BRE: 'Breton',
  CAT: 'Catalan',
  COS: 'Corse',
  CPF: 'Créole',
  FUD: 'Futunien',
  GAL: 'Gallo',
  GSW: 'Langue régionale d’Alsace',
  MEL: 'Langues mélanésiennes',
  MOL: 'Langues régionales des pays mosellans',
  OCI: 'Occitan langue d’oc',
  TAH: 'Tahitien',
  WLS: 'Wallisien',
} as const;
export type CodeLangueRegionale = keyof typeof languesRegionales;

/**
 * Compétences numériques (CM2, 6e; codes of the XSD `CodeCompetenceNumerique`, levels 1–3). Labels are those of
 * the cadre de référence des compétences numériques (CRCN), which the codes follow.
 */
export const competencesNumeriques = {
  CN_INF_MEN: 'Mener une recherche et une veille d’information',
  CN_INF_GER: 'Gérer des données',
  CN_INF_TRA: 'Traiter des données',
  CN_COM_INT: 'Interagir',
  CN_COM_PAR: 'Partager et publier',
  CN_COM_COL: 'Collaborer',
  CN_COM_SIN: 'S’insérer dans le monde numérique',
  CN_CRE_TEX: 'Développer des documents textuels',
  CN_CRE_MUL: 'Développer des documents multimédia',
  CN_CRE_ADA: 'Adapter les documents à leur finalité',
  CN_CRE_PRO: 'Programmer',
  CN_PRO_SEC: 'Sécuriser l’environnement numérique',
  CN_PRO_DON: 'Protéger les données personnelles et la vie privée',
  CN_PRO_SAN: 'Protéger la santé, le bien-être et l’environnement',
  CN_ENV_RES: 'Résoudre des problèmes techniques',
  CN_ENV_EVO: 'Évoluer dans un environnement numérique',
} as const;
export type CodeCompetenceNumerique = keyof typeof competencesNumeriques;

export const attestations = {
  ASSR1: 'Attestation scolaire de sécurité routière de niveau 1',
  ASSR2: 'Attestation scolaire de sécurité routière de niveau 2',
  AER: 'Attestation de première éducation à la route',
  PSC1: 'Prévention et secours civiques de niveau 1',
  ASSN: 'Attestation scolaire « savoir-nager »',
  PIX: 'Certification Pix',
} as const;
