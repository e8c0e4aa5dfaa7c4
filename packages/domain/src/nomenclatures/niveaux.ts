/**
 * School structure (domain reference §1): the niveaux from CP to 3e, their cycle and their degré
 * (1D école, 2D collège). 6e is cycle 3 but collège.
 */

/** The niveaux of compulsory schooling covered by the LSU, in order. */
export const niveaux = ['CP', 'CE1', 'CE2', 'CM1', 'CM2', '6e', '5e', '4e', '3e'] as const;
/** A niveau, from CP to 3e. */
export type Niveau = (typeof niveaux)[number];

/** A cycle of the LSU (cycle 1 is the école maternelle, outside the LSU). */
export type Cycle = 2 | 3 | 4;
/** 1D = premier degré (école), 2D = second degré (collège). */
export type Degre = '1D' | '2D';

/** Cycle and degré of each niveau. */
export const niveauInfo: Record<Niveau, { cycle: Cycle; degre: Degre }> = {
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

/** Official names of the cycles. */
export const cycles = {
  2: 'Cycle des apprentissages fondamentaux',
  3: 'Cycle de consolidation',
  4: 'Cycle des approfondissements',
} as const satisfies Record<Cycle, string>;

/** Labels of the degrés. */
export const degres = {
  '1D': '1er degré (école)',
  '2D': '2nd degré (collège)',
} as const satisfies Record<Degre, string>;

/** True when `value` is one of the niveaux (for parsing stored or imported strings). */
export function isNiveau(value: unknown): value is Niveau {
  return typeof value === 'string' && (niveaux as readonly string[]).includes(value);
}

/**
 * The cycle of a niveau.
 * @example cycleOf('6e') // 3
 */
export function cycleOf(niveau: Niveau): Cycle {
  return niveauInfo[niveau].cycle;
}

/**
 * The degré of a niveau.
 * @example degreOf('CM2') // '1D'
 */
export function degreOf(niveau: Niveau): Degre {
  return niveauInfo[niveau].degre;
}

/** The niveaux of a cycle, in order (optionally only those of one degré). */
export function niveauxOfCycle(cycle: Cycle, degre?: Degre): Niveau[] {
  return niveaux.filter((n) => niveauInfo[n].cycle === cycle && (!degre || niveauInfo[n].degre === degre));
}

/** The last niveau of a cycle (CE2, 6e, 3e): where the bilan de fin de cycle is written. */
export function isEndOfCycle(niveau: Niveau): boolean {
  return niveau === 'CE2' || niveau === '6e' || niveau === '3e';
}
