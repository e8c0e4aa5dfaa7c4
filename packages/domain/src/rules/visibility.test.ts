import { describe, expect, it } from 'vitest';
import { isVisibleToStaff, visiblePeriodicNiveaux } from './visibility.js';

// The table of domain reference §9, row by row.
describe('staff visibility of past periodic bilans', () => {
  it.each([
    ['CP', ['CP']],
    ['CE1', ['CP', 'CE1']],
    ['CE2', ['CP', 'CE1', 'CE2']],
    ['CM1', ['CP', 'CE1', 'CE2', 'CM1']],
    ['CM2', ['CM1', 'CM2']],
    ['6e', ['CM1', 'CM2', '6e']],
    ['5e', ['CM1', 'CM2', '6e', '5e']],
    ['4e', ['5e', '4e']],
    ['3e', ['5e', '4e', '3e']],
  ] as const)('%s sees %j', (current, expected) => {
    expect(visiblePeriodicNiveaux(current)).toEqual(expected);
  });

  it('bilans de fin de cycle and attestations are always visible', () => {
    expect(isVisibleToStaff('3e', { kind: 'periodique', niveau: 'CM2' })).toBe(false);
    expect(isVisibleToStaff('3e', { kind: 'fin-de-cycle', niveau: 'CM2' })).toBe(true);
    expect(isVisibleToStaff('4e', { kind: 'attestation', niveau: '6e' })).toBe(true);
  });
});
