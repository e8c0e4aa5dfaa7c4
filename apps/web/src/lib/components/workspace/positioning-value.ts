/**
 * What a positioning cell shows and accepts: a level 1–4 on the objectives scale, or a mark /20 written the
 * French way (15,5), and «NE» (non évalué) on both.
 */
import { fitsScale, type PositioningType, parseMark } from '@livret/domain';
import type { PositionnementValue } from '@livret/domain/doc';

/** The cell's text: '' when empty, '15,5' for a mark, '3' or 'NE' otherwise. */
export function formatPositionnement(value: PositionnementValue | null, type: PositioningType): string {
  if (value === null) return '';
  if (value === 'NE' || type === 'objectifs') return String(value);
  return String(value).replace('.', ',');
}

/**
 * Reads what the user typed: `null` clears the cell, `undefined` means «not valid on this scale».
 * @example parsePositionnement('15,5', 'notes-sans-moyenne') // 15.5
 */
export function parsePositionnement(
  raw: string,
  type: PositioningType,
): PositionnementValue | null | undefined {
  const text = raw.trim().toUpperCase();
  if (text === '' || text === '—') return null;
  if (text === 'NE' || text === 'N') return 'NE';
  const value = parseMark(text);
  return value !== null && fitsScale(value, type) ? value : undefined;
}
