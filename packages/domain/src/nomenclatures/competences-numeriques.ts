/**
 * Compétences numériques (domain reference §4): codes of the XSD `CodeCompetenceNumerique` («compétences
 * numériques CM2 et 6ème»), an individual level 1–3 per competence and a collective appreciation per structure
 * (≤600). The XSD has no labels: the codes follow the cadre de référence des compétences numériques (CRCN),
 * whose labels are used here.
 */
import type { Niveau } from './niveaux.js';

/** The five domaines of the CRCN, prefix → label. */
export const domainesCompetencesNumeriques = {
  INF: 'Information et données',
  COM: 'Communication et collaboration',
  CRE: 'Création de contenus',
  PRO: 'Protection et sécurité',
  ENV: 'Environnement numérique',
} as const;

/** Compétences numériques, code → label. */
export const competencesNumeriques = {
  CN_INF_MEN: "Mener une recherche et une veille d'information",
  CN_INF_GER: 'Gérer des données',
  CN_INF_TRA: 'Traiter des données',
  CN_COM_INT: 'Interagir',
  CN_COM_PAR: 'Partager et publier',
  CN_COM_COL: 'Collaborer',
  CN_COM_SIN: "S'insérer dans le monde numérique",
  CN_CRE_TEX: 'Développer des documents textuels',
  CN_CRE_MUL: 'Développer des documents multimédia',
  CN_CRE_ADA: 'Adapter les documents à leur finalité',
  CN_CRE_PRO: 'Programmer',
  CN_PRO_SEC: "Sécuriser l'environnement numérique",
  CN_PRO_DON: 'Protéger les données personnelles et la vie privée',
  CN_PRO_SAN: "Protéger la santé, le bien-être et l'environnement",
  CN_ENV_RES: 'Résoudre des problèmes techniques',
  CN_ENV_EVO: 'Évoluer dans un environnement numérique',
} as const;
/** Code of a compétence numérique. */
export type CodeCompetenceNumerique = keyof typeof competencesNumeriques;

/** Levels of a compétence numérique (XSD `NiveauCompetenceNumerique`, 1–3). */
export const niveauxCompetenceNumerique = [1, 2, 3] as const;

/** The CRCN domaine of a competence code. */
export function domaineOfCompetence(
  code: CodeCompetenceNumerique,
): keyof typeof domainesCompetencesNumeriques {
  return code.slice(3, 6) as keyof typeof domainesCompetencesNumeriques;
}

/** The niveaux whose last periodic bilan carries the compétences numériques in the XSD (CM2, 6e). */
export const niveauxCompetencesNumeriques: readonly Niveau[] = ['CM2', '6e'];
