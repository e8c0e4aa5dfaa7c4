/**
 * The domaines d'enseignement of the école (1er degré), with their LSU codes and the cycles they belong to
 * (domain reference §7). In a double-level class, each student's bilan has the domaines of its own cycle.
 */
import { cycleOf, isNiveau, type Niveau } from './niveaux.js';

/** A domaine d'enseignement of the école, as a row of the bilan. */
export interface Domaine1D {
  /** LSU code (XSD `CodeDomaine`, 7 characters). */
  code: string;
  /** Parent domaine (Français, Mathématiques…), null when the domaine stands alone. */
  domaine: string | null;
  libelle: string;
  cycles: readonly (2 | 3)[];
}

/** The domaines of cycles 2 and 3 (CM1, CM2), in report order. */
export const domaines1D: readonly Domaine1D[] = [
  { code: 'FRA-LGO', domaine: 'Français', libelle: 'Langage oral', cycles: [2, 3] },
  { code: 'FRA-LEC', domaine: 'Français', libelle: "Lecture et compréhension de l'écrit", cycles: [2, 3] },
  { code: 'FRA-ECR', domaine: 'Français', libelle: 'Écriture', cycles: [2, 3] },
  {
    code: 'FRA-ETL',
    domaine: 'Français',
    libelle: 'Étude de la langue (grammaire, orthographe, lexique)',
    cycles: [2, 3],
  },
  { code: 'MAT-NBC', domaine: 'Mathématiques', libelle: 'Nombres et calcul', cycles: [2, 3] },
  { code: 'MAT-GDM', domaine: 'Mathématiques', libelle: 'Grandeurs et mesures', cycles: [2, 3] },
  { code: 'MAT-GEO', domaine: 'Mathématiques', libelle: 'Espace et géométrie', cycles: [2, 3] },
  { code: 'EPS-RAC', domaine: null, libelle: 'Éducation physique et sportive', cycles: [2, 3] },
  { code: 'ART-PLA', domaine: 'Enseignements artistiques', libelle: 'Arts plastiques', cycles: [2, 3] },
  { code: 'ART-MUS', domaine: 'Enseignements artistiques', libelle: 'Éducation musicale', cycles: [2, 3] },
  { code: 'ART-HAR', domaine: 'Enseignements artistiques', libelle: 'Histoire des arts', cycles: [3] },
  { code: 'QLM-VMO', domaine: 'Questionner le monde', libelle: 'Vivant, matière, objets', cycles: [2] },
  { code: 'QLM-ETP', domaine: 'Questionner le monde', libelle: 'Espace, temps', cycles: [2] },
  { code: 'STC-RAC', domaine: null, libelle: 'Sciences et technologie', cycles: [3] },
  { code: 'HIG-RAC', domaine: null, libelle: 'Histoire géographie', cycles: [3] },
  { code: 'EMC-RAC', domaine: null, libelle: 'Enseignement moral et civique', cycles: [2, 3] },
  { code: 'LGV-RAC', domaine: null, libelle: 'Langues vivantes', cycles: [2, 3] },
];

/** «Français – Langage oral», as rows are labelled. */
export function domaineLabel(domaine: Domaine1D): string {
  return domaine.domaine ? `${domaine.domaine} – ${domaine.libelle}` : domaine.libelle;
}

/** The domaines of a class, in report order (a double-level class gets the union of its cycles). */
export function domainesOfNiveaux(niveaux: readonly Niveau[]): Domaine1D[] {
  const cycles = new Set(niveaux.map(cycleOf));
  return domaines1D.filter((d) => d.cycles.some((c) => cycles.has(c)));
}

/** The parent domaines that group several rows, with their official labels. */
export const domainesParents1D = [
  'Français',
  'Mathématiques',
  'Enseignements artistiques',
  'Questionner le monde',
] as const;

/**
 * The sub-domaines of the langues vivantes row (domain reference §7): shown as guidance for the program
 * elements, not separate rows.
 */
export const sousDomainesLanguesVivantes: Record<2 | 3, readonly string[]> = {
  2: [
    "Comprendre l'oral",
    "S'exprimer oralement en continu",
    'Prendre part à une conversation',
    "Découvrir quelques aspects culturels d'une langue",
  ],
  3: [
    'Écouter et comprendre',
    'Lire et comprendre',
    'Parler en continu',
    'Écrire',
    'Réagir et dialoguer',
    'Découvrir les aspects culturels',
  ],
};

/** The 1D domaine of a code, or undefined when the code is not one (a collège SIECLE code, say). */
export function domaine1D(code: string): Domaine1D | undefined {
  return domaines1D.find((d) => d.code === code);
}

/** The domaines of a cycle (2, or 3 for CM1-CM2), in report order. */
export function domainesOfCycle(cycle: 2 | 3): Domaine1D[] {
  return domaines1D.filter((d) => (d.cycles as readonly number[]).includes(cycle));
}

/**
 * Does a discipline row belong in the bilan of a student of this niveau? Collège disciplines always do;
 * a 1D domaine only for the cycles it belongs to (Questionner le monde is cycle 2, Histoire géographie cycle 3).
 * @example appliesToNiveau('QLM-VMO', 'CM1') // false
 */
export function appliesToNiveau(disciplineCode: string, niveau: string): boolean {
  const domaine = domaine1D(disciplineCode);
  if (!domaine || !isNiveau(niveau)) return true;
  return (domaine.cycles as readonly number[]).includes(cycleOf(niveau));
}
