import { describe, expect, it } from 'vitest';
import type { Cell } from '../doc/cells.js';
import { canUnlock, canWriteCell, type Writer } from './permissions.js';

const S = 's1';
const MATHS = 'maths';
const FR = 'fr';
const open = { lockedStudentIds: new Set<string>() };
const locked = { lockedStudentIds: new Set([S]) };

const writer = (over: Partial<Writer>): Writer => ({
  roles: [],
  taughtDisciplineIds: new Set(),
  isPrincipal: false,
  schoolKind: '2D',
  ...over,
});
const direction = writer({ roles: ['direction'] });
const maths = writer({ roles: ['enseignant'], taughtDisciplineIds: new Set([MATHS]) });
const principal = writer({ roles: ['enseignant'], taughtDisciplineIds: new Set([FR]), isPrincipal: true });
const cpe = writer({ roles: ['cpe'] });
const psyen = writer({ roles: ['psyen'] });
const ecole = writer({ roles: ['enseignant'], taughtDisciplineIds: new Set(['FRA-LGO']), schoolKind: '1D' });

const cells: Record<string, Cell> = {
  elementsMaths: { section: 'elements', disciplineId: MATHS },
  positionMaths: { section: 'positionnement', studentId: S, disciplineId: MATHS },
  appreciationFr: { section: 'appreciation', studentId: S, disciplineId: FR },
  synthese: { section: 'synthese', studentId: S },
  vie: { section: 'vie-scolaire', studentId: S },
  lock: { section: 'locks', studentId: S },
};

describe('canWriteCell (domain reference §2)', () => {
  it.each([
    ['direction', direction, ['elementsMaths', 'positionMaths', 'appreciationFr', 'synthese', 'vie']],
    ['enseignant de maths', maths, ['elementsMaths', 'positionMaths']],
    ['professeur principal (français)', principal, ['appreciationFr', 'synthese']],
    ['CPE', cpe, ['vie']],
    ['psy-EN', psyen, []],
    ['enseignant 1D de la classe', ecole, ['synthese']],
  ])('%s writes exactly its cells', (_name, who, allowed) => {
    for (const [key, cell] of Object.entries(cells)) {
      expect(canWriteCell(who, cell, open).ok, key).toBe(allowed.includes(key));
    }
  });

  it('nobody writes a locked student, and only the server writes locks', () => {
    expect(canWriteCell(direction, cells.positionMaths!, locked)).toMatchObject({
      ok: false,
      reason: 'locked',
    });
    expect(canWriteCell(maths, cells.positionMaths!, locked)).toMatchObject({ ok: false, reason: 'locked' });
    expect(canWriteCell(direction, cells.lock!, open)).toMatchObject({ ok: false, reason: 'forbidden' });
    // class-wide program elements stay writable while some students are locked
    expect(canWriteCell(maths, cells.elementsMaths!, locked).ok).toBe(true);
  });

  it('tells read-only roles apart from forbidden cells, in French', () => {
    expect(canWriteCell(psyen, cells.positionMaths!, open)).toMatchObject({ ok: false, reason: 'read-only' });
    const refused = canWriteCell(maths, cells.appreciationFr!, open);
    expect(refused).toMatchObject({ ok: false, reason: 'forbidden' });
    expect(refused.ok ? '' : refused.message).toMatch(/discipline/);
  });
});

describe('canWriteCell: a teacher of a group', () => {
  const group = writer({
    roles: ['enseignant'],
    taughtDisciplineIds: new Set([MATHS]),
    groupStudentIds: new Map([[MATHS, new Set([S])]]),
  });
  it('writes the students of its group only, and the class-wide program elements', () => {
    expect(canWriteCell(group, cells.positionMaths!, open).ok).toBe(true);
    const other = { section: 'positionnement', studentId: 's2', disciplineId: MATHS } as const;
    expect(canWriteCell(group, other, open)).toMatchObject({ ok: false, reason: 'forbidden' });
    const appreciation = { section: 'appreciation', studentId: 's2', disciplineId: MATHS } as const;
    expect(canWriteCell(group, appreciation, open).ok).toBe(false);
    expect(canWriteCell(group, cells.elementsMaths!, open).ok).toBe(true);
  });
});

describe('canUnlock (domain reference §8)', () => {
  it('only the direction, never after the visa, never an Éditeurs import', () => {
    expect(canUnlock(direction, { hasVisa: false, source: 'app' })).toEqual({ ok: true });
    expect(canUnlock(maths, { hasVisa: false, source: 'app' }).ok).toBe(false);
    expect(canUnlock(direction, { hasVisa: true, source: 'app' }).ok).toBe(false);
    expect(canUnlock(direction, { hasVisa: false, source: 'import-editeurs' }).ok).toBe(false);
  });
});

describe('canWriteCell: unknown cells and read-only years', () => {
  it('refuses cells outside the layout or the class', () => {
    expect(canWriteCell(direction, null, open)).toMatchObject({ ok: false, reason: 'unknown-cell' });
    const scope = { ...open, studentIds: new Set([S]), disciplineIds: new Set([MATHS]) };
    expect(canWriteCell(maths, cells.positionMaths!, scope).ok).toBe(true);
    expect(
      canWriteCell(maths, { section: 'positionnement', studentId: 'other', disciplineId: MATHS }, scope),
    ).toMatchObject({ ok: false, reason: 'unknown-cell' });
    expect(canWriteCell(direction, cells.appreciationFr!, scope)).toMatchObject({ reason: 'unknown-cell' });
  });

  it('a past school year or a class without periods is read-only for everyone', () => {
    for (const readOnly of ['past-year', 'no-periods'] as const) {
      const decision = canWriteCell(direction, cells.synthese!, { ...open, readOnly });
      expect(decision).toMatchObject({ ok: false, reason: 'read-only' });
    }
  });

  it('unlock refusals carry their reason', () => {
    expect(canUnlock(direction, { hasVisa: true, source: 'app' })).toMatchObject({ reason: 'visa' });
    expect(canUnlock(direction, { hasVisa: false, source: 'import-editeurs' })).toMatchObject({
      reason: 'import-editeurs',
    });
    expect(canUnlock(cpe, { hasVisa: false, source: 'app' })).toMatchObject({ reason: 'forbidden' });
  });
});
