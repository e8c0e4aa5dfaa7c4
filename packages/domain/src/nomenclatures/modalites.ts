/**
 * Modalités spécifiques d'accompagnement (domain reference §4; codes of the XSD `CodeModalite`, labels of
 * LSUN_nomenclatures_v2.10.xml). PPRE and CTR carry a complement (≤600: `complement-ppre`,
 * `complement-contrat-reussite`). RASED exists in the 1D schema only, SEGPA and CTR in the 2D schema only.
 */
import type { Degre } from './niveaux.js';

/** A modalité: its label, whether it takes a complement text, and the degrés whose schema has it. */
export interface Modalite {
  label: string;
  complement: boolean;
  degres: readonly Degre[];
}

/** Modalités d'accompagnement, code → description. */
export const modalitesAccompagnement = {
  PAP: { label: 'Plan d’accompagnement personnalisé', complement: false, degres: ['1D', '2D'] },
  PAI: { label: 'Projet d’accueil individualisé', complement: false, degres: ['1D', '2D'] },
  PPRE: { label: 'Programme personnalisé de réussite éducative', complement: true, degres: ['1D', '2D'] },
  PPS: { label: 'Projet personnalisé de scolarisation', complement: false, degres: ['1D', '2D'] },
  ULIS: { label: 'Unité localisée pour l’inclusion scolaire', complement: false, degres: ['1D', '2D'] },
  UPE2A: {
    label: 'Unité pédagogique pour élèves allophones arrivants',
    complement: false,
    degres: ['1D', '2D'],
  },
  SEGPA: { label: 'Section d’enseignement général adapté', complement: false, degres: ['2D'] },
  CTR: { label: 'Contrat de réussite', complement: true, degres: ['2D'] },
  // Not in the nomenclature file (2D only); label of the 1D network.
  RASED: {
    label: 'Réseau d’aides spécialisées aux élèves en difficulté',
    complement: false,
    degres: ['1D'],
  },
} as const satisfies Record<string, Modalite>;
/** Code of a modalité d'accompagnement. */
export type CodeModalite = keyof typeof modalitesAccompagnement;

/** The modalités a school of this degré may record, in nomenclature order. */
export function modalitesOfDegre(degre: Degre): CodeModalite[] {
  return (Object.keys(modalitesAccompagnement) as CodeModalite[]).filter((code) =>
    (modalitesAccompagnement[code].degres as readonly Degre[]).includes(degre),
  );
}

/** True when the modalité takes a complement text (PPRE, CTR). */
export function needsComplement(code: CodeModalite): boolean {
  return modalitesAccompagnement[code].complement;
}
