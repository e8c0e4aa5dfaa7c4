/**
 * Rules of the school calendar (domain reference §9): no entry nor import before the periods of the class
 * exist; bilans of previous school years are read-only. Time always comes in as a parameter.
 */

/** A calendar decision: allowed, or refused with a French message. */
export type CalendarDecision =
  | { ok: true }
  | { ok: false; reason: 'no-periods' | 'past-year'; message: string };

/**
 * No entry nor import before the periods of the class exist.
 * @example canEnterData(0) // { ok: false, reason: 'no-periods', message: '…' }
 */
export function canEnterData(periodCount: number): CalendarDecision {
  if (periodCount > 0) return { ok: true };
  return {
    ok: false,
    reason: 'no-periods',
    message: 'Les périodes de la classe doivent être définies avant toute saisie ou import.',
  };
}

/**
 * The school year (millésime) of a date: the year it starts. August already counts as the new year (the
 * rentrée is prepared then); January to July belong to the year that started the previous September.
 * @example millesimeOf(new Date('2027-03-01')) // 2026
 */
export function millesimeOf(date: Date): number {
  return date.getUTCMonth() >= 7 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
}

/** True when `millesime` is a previous school year at `now`. */
export function isPastYear(millesime: number, now: Date): boolean {
  return millesime < millesimeOf(now);
}

/**
 * May bilans of school year `millesime` be entered or imported at `now`? Previous years are read-only (changing
 * one needs a written authorisation of the DASEN in 1D or of the head in 2D, recorded outside this rule).
 */
export function canEditYear(millesime: number, now: Date): CalendarDecision {
  if (!isPastYear(millesime, now)) return { ok: true };
  return {
    ok: false,
    reason: 'past-year',
    message: 'Les bilans des années scolaires précédentes ne peuvent être ni saisis ni importés.',
  };
}

/**
 * Why a class document is read-only for everyone, if it is: the `readOnly` of `WriteScope`.
 * @example const scope = { lockedStudentIds, readOnly: readOnlyReason({ periodCount: 3, millesime: 2025, now }) }
 */
export function readOnlyReason(input: {
  periodCount: number;
  millesime: number;
  now: Date;
}): 'no-periods' | 'past-year' | undefined {
  const periods = canEnterData(input.periodCount);
  if (!periods.ok) return periods.reason;
  const year = canEditYear(input.millesime, input.now);
  return year.ok ? undefined : year.reason;
}
