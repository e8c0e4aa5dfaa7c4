/**
 * Suggested program elements («aide à la saisie»), per cycle and discipline. Data: suggestions.json, copied
 * from the team's reference (`source` inside the file names the original repositories and official texts).
 */
import type { Niveau } from '../nomenclatures/lsu.js';
import { niveauInfo } from '../nomenclatures/lsu.js';
import data from './suggestions.json' with { type: 'json' };

interface Entry {
  libelle: string;
  degre: '1D' | '2D';
  niveaux: string[];
  elements: string[];
  groupes?: { titre: string; niveau: string | null; elements: string[] }[];
}

const cycles = data.cycles as unknown as Record<string, Record<string, Entry>>;

/** Collège disciplines by SIECLE subject code → the key of the suggestions file. */
export const suggestionKeyBySiecleCode: Record<string, string> = {
  '020700': 'Français',
  '061300': 'Mathématiques',
  '042100': 'Histoire-géographie',
  '030201': 'Langues vivantes',
  '030601': 'Langues vivantes',
  '062900': 'SVT',
  '062300': 'Physique-chimie',
  '070800': 'Technologie',
  '100100': 'EPS',
  '090100': 'Arts plastiques',
  '081300': 'Éducation musicale',
};

/** The niveau written in the file for a class niveau ('6e' → '6e', 'CM1' → 'CM1'). */
function matchesNiveau(groupNiveau: string | null, niveau: Niveau): boolean {
  if (groupNiveau === null) return true;
  return groupNiveau.split('-').includes(niveau) || groupNiveau === niveau;
}

/**
 * Suggested program elements for a discipline (SIECLE code in 2D, LSU domaine code in 1D) at a niveau.
 * Level-specific groups are kept only for that niveau. Empty when the file has nothing for it.
 * @example suggestionsFor({ niveau: '3e', disciplineCode: '061300' })
 */
export function suggestionsFor(input: { niveau: Niveau; disciplineCode: string }): string[] {
  const { cycle, degre } = niveauInfo[input.niveau];
  const key = degre === '1D' ? input.disciplineCode : suggestionKeyBySiecleCode[input.disciplineCode];
  if (!key) return [];
  const entry = cycles[String(cycle)]?.[key];
  if (!entry || entry.degre !== degre) return [];
  if (!entry.groupes) return entry.elements;
  const items = entry.groupes.filter((g) => matchesNiveau(g.niveau, input.niveau)).flatMap((g) => g.elements);
  return [...new Set(items)];
}
