import { describe, expect, it } from 'vitest';
import { appliesToNiveau, domaineLabel, domaines1D, domainesOfNiveaux } from './domaines-1d.js';

describe('1D domaines (domain reference §7)', () => {
  it('cycle 2 has Questionner le monde, cycle 3 has sciences, histoire-géographie and histoire des arts', () => {
    const c2 = domainesOfNiveaux(['CE1']).map((d) => d.code);
    const c3 = domainesOfNiveaux(['CM2']).map((d) => d.code);
    expect(c2).toContain('QLM-VMO');
    expect(c2).not.toContain('HIG-RAC');
    expect(c3).toEqual(expect.arrayContaining(['STC-RAC', 'HIG-RAC', 'ART-HAR']));
    expect(c3).not.toContain('QLM-ETP');
    expect(domainesOfNiveaux(['CE2', 'CM1'])).toHaveLength(domaines1D.length);
  });

  it('labels rows with their parent domaine and keeps each student to its cycle', () => {
    expect(domaineLabel(domaines1D[0]!)).toBe('Français – Langage oral');
    expect(appliesToNiveau('QLM-VMO', 'CE2')).toBe(true);
    expect(appliesToNiveau('QLM-VMO', 'CM1')).toBe(false);
    expect(appliesToNiveau('HIG-RAC', 'CM1')).toBe(true);
    expect(appliesToNiveau('061300', '3e')).toBe(true);
  });
});
