import { describe, expect, it } from 'vitest';
import { canEditYear, canEnterData, isPastYear, millesimeOf, readOnlyReason } from './calendar.js';

describe('calendar rules (domain reference §9)', () => {
  it.each([
    ['2026-11-22T10:00:00Z', 2026],
    ['2027-03-01T10:00:00Z', 2026],
    ['2027-07-31T10:00:00Z', 2026],
    ['2027-08-20T10:00:00Z', 2027],
    ['2027-09-01T10:00:00Z', 2027],
  ])('%s is in school year %i', (date, millesime) => {
    expect(millesimeOf(new Date(date))).toBe(millesime);
  });

  it('no entry before the periods exist', () => {
    expect(canEnterData(0)).toMatchObject({ ok: false, reason: 'no-periods' });
    expect(canEnterData(3)).toEqual({ ok: true });
  });

  it('previous school years are read-only', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(isPastYear(2025, now)).toBe(true);
    expect(isPastYear(2026, now)).toBe(false);
    expect(canEditYear(2025, now)).toMatchObject({ ok: false, reason: 'past-year' });
    expect(canEditYear(2026, now).ok).toBe(true);
  });

  it('readOnlyReason feeds the write scope', () => {
    const now = new Date('2026-11-22T10:00:00Z');
    expect(readOnlyReason({ periodCount: 0, millesime: 2026, now })).toBe('no-periods');
    expect(readOnlyReason({ periodCount: 3, millesime: 2025, now })).toBe('past-year');
    expect(readOnlyReason({ periodCount: 3, millesime: 2026, now })).toBeUndefined();
  });
});
