/**
 * Which past periodic bilans staff may see, by the student's current niveau (domain reference §9). Families
 * see everything; bilans de fin de cycle and attestations are always visible to staff.
 */
import type { Niveau } from '../nomenclatures/niveaux.js';

const visible: Record<Niveau, readonly Niveau[]> = {
  CP: ['CP'],
  CE1: ['CP', 'CE1'],
  CE2: ['CP', 'CE1', 'CE2'],
  CM1: ['CP', 'CE1', 'CE2', 'CM1'],
  CM2: ['CM1', 'CM2'],
  '6e': ['CM1', 'CM2', '6e'],
  '5e': ['CM1', 'CM2', '6e', '5e'],
  '4e': ['5e', '4e'],
  '3e': ['5e', '4e', '3e'],
};

/** The niveaux whose periodic bilans staff may read for a student now in `current`. */
export function visiblePeriodicNiveaux(current: Niveau): readonly Niveau[] {
  return visible[current];
}

/** May staff of a student now in `current` read a bilan of the given kind written in `bilanNiveau`? */
export function isVisibleToStaff(
  current: Niveau,
  bilan: { kind: 'periodique' | 'fin-de-cycle' | 'attestation'; niveau: Niveau },
): boolean {
  if (bilan.kind !== 'periodique') return true;
  return visible[current].includes(bilan.niveau);
}
