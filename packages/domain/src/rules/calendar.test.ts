import { describe, expect, it } from 'vitest';
import { canEditYear, canEnterData, isPastYear, millesimeOf, parisDay, readOnlyReason } from './calendar.js';

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

describe('Paris days', () => {
  it('dates an instant by its day in Paris, winter and summer', () => {
    expect(parisDay(new Date('2026-11-26T23:30:00Z'))).toBe('2026-11-27'); // 00:30 in Paris (UTC+1)
    expect(parisDay(new Date('2027-06-30T22:30:00Z'))).toBe('2027-07-01'); // 00:30 in Paris (UTC+2)
    expect(parisDay(new Date('2026-11-27T22:59:00Z'))).toBe('2026-11-27');
  });

  it('starts the school year on the 1st of August in Paris', () => {
    expect(millesimeOf(new Date('2027-07-31T22:30:00Z'))).toBe(2027); // 1 August, 00:30 in Paris
    expect(millesimeOf(new Date('2027-07-31T21:30:00Z'))).toBe(2026);
  });
});
