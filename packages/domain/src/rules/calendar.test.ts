import { describe, expect, it } from 'vitest';
import { canEnterData, isPastYear, millesimeOf } from './calendar.js';

describe('calendar rules', () => {
  it('the millésime is the year the school year starts', () => {
    expect(millesimeOf(new Date('2026-11-22T10:00:00Z'))).toBe(2026);
    expect(millesimeOf(new Date('2027-03-01T10:00:00Z'))).toBe(2026);
    expect(millesimeOf(new Date('2027-09-01T10:00:00Z'))).toBe(2027);
  });

  it('no entry before the periods exist; past years are read-only', () => {
    expect(canEnterData(0).ok).toBe(false);
    expect(canEnterData(3).ok).toBe(true);
    expect(isPastYear(2025, new Date('2026-11-22T10:00:00Z'))).toBe(true);
    expect(isPastYear(2026, new Date('2026-11-22T10:00:00Z'))).toBe(false);
  });
});
