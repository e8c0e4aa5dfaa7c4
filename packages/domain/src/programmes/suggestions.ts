/**
 * Suggested program elements («aide à la saisie»), per cycle and discipline. Data: suggestions.json, copied
 * from the team's reference (/work/shared/reference/programmes; the `source` block inside the file names the
 * original repositories, commits and official texts).
 */
import { domaine1D } from '../nomenclatures/domaines-1d.js';
import { type Cycle, type Degre, type Niveau, niveauInfo } from '../nomenclatures/niveaux.js';
import { collegeSuggestionKey } from './siecle-disciplines.js';
import data from './suggestions.json' with { type: 'json' };

interface Entry {
  libelle: string;
  degre: Degre;
  niveaux: string[];
  elements: string[];
  groupes?: { titre: string; niveau: string | null; elements: string[] }[];
}

const cycles = data.cycles as unknown as Record<string, Record<string, Entry>>;

/** What `suggestionsFor` needs: a niveau, or a cycle (and degré in cycle 3), and a discipline. */
export interface SuggestionQuery {
  /** The student's or class's niveau; level-specific groups are then kept for that niveau only. */
  niveau?: Niveau;
  /** The cycle, when no niveau is given (all groups of the cycle). */
  cycle?: Cycle;
  /** The degré, to tell CM1-CM2 (1D) from 6e (2D) in cycle 3 when no niveau is given. */
  degre?: Degre;
  /** A 1D domaine code (FRA-LGO…), or a collège discipline: SIECLE code (061300), file key or label. */
  disciplineKey?: string;
}

/** The entry of the file for a discipline, or undefined. */
function entryFor(cycle: Cycle, degre: Degre | undefined, disciplineKey: string): Entry | undefined {
  const byCycle = cycles[String(cycle)];
  if (!byCycle) return undefined;
  const domaine = domaine1D(disciplineKey);
  const key = domaine ? domaine.code : collegeSuggestionKey(disciplineKey);
  if (!key) return undefined;
  const entry = byCycle[key];
  if (!entry || (degre && entry.degre !== degre)) return undefined;
  return entry;
}

function matchesNiveau(groupNiveau: string | null, niveau: Niveau): boolean {
  return groupNiveau === null || groupNiveau.split('-').includes(niveau);
}

/**
 * Suggested program elements for a discipline, in the file's order, without duplicates. With a niveau,
 * level-specific groups (Histoire-géographie, Français cycle 4) are kept for that niveau only; with only a
 * cycle, every group is. Empty when the file has nothing for it, or when cycle/degré contradict the niveau.
 * @example suggestionsFor({ niveau: '3e', disciplineKey: '061300' })
 * @example suggestionsFor({ cycle: 2, disciplineKey: 'FRA-LEC' })
 */
export function suggestionsFor(query: SuggestionQuery): string[] {
  const disciplineKey = query.disciplineKey;
  if (!disciplineKey) return [];
  const info = query.niveau ? niveauInfo[query.niveau] : undefined;
  if (info && ((query.cycle && query.cycle !== info.cycle) || (query.degre && query.degre !== info.degre))) {
    return [];
  }
  const cycle = info?.cycle ?? query.cycle;
  if (!cycle) return [];
  const entry = entryFor(cycle, info?.degre ?? query.degre, disciplineKey);
  if (!entry) return [];
  const groups = entry.groupes ?? [{ titre: '', niveau: null, elements: entry.elements }];
  const { niveau } = query;
  const items = groups.filter((g) => !niveau || matchesNiveau(g.niveau, niveau)).flatMap((g) => g.elements);
  return [...new Set(items)];
}
