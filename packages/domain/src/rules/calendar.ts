/** Rules of the school calendar (domain reference §9). Time comes in as a parameter. */

/** No entry nor import before the periods of the class exist. */
export function canEnterData(periodCount: number): { ok: true } | { ok: false; message: string } {
  if (periodCount > 0) return { ok: true };
  return {
    ok: false,
    message: 'Les périodes de la classe doivent être définies avant toute saisie ou import.',
  };
}

/** The school year (millésime) of a date: it starts in September (August counts as the new year's preparation). */
export function millesimeOf(date: Date): number {
  return date.getUTCMonth() >= 7 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** Bilans of previous school years are read-only without a written authorisation. */
export function isPastYear(millesime: number, now: Date): boolean {
  return millesime < millesimeOf(now);
}
