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

const parisDays = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Paris',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day of an instant in Paris, as `YYYY-MM-DD`: the day French schools live in, whatever the
 * machine's zone (a lock at 00:30 in Paris is dated that day, not the UTC day before).
 * @example parisDay(new Date('2026-11-26T23:30:00Z')) // '2026-11-27'
 */
export function parisDay(instant: Date): string {
  return parisDays.format(instant);
}

/**
 * The school year (millésime) of a date: the year it starts. August already counts as the new year (the
 * rentrée is prepared then); January to July belong to the year that started the previous September.
 * Decided on the Paris day.
 * @example millesimeOf(new Date('2027-03-01')) // 2026
 */
export function millesimeOf(date: Date): number {
  const [year, month] = parisDay(date).split('-').map(Number) as [number, number];
  return month >= 8 ? year : year - 1;
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
