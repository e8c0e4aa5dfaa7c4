import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  appreciationText,
  cellOf,
  classDocName,
  getLock,
  getPositionnement,
  getProgramElements,
  getVieScolaire,
  InvalidValueError,
  insertProgramElement,
  lockedStudentIds,
  moveProgramElement,
  parseClassDocName,
  removeProgramElement,
  setLock,
  setPositionnement,
  setVieScolaireField,
  syntheseText,
  updateProgramElement,
} from './index.js';

const S = '11111111-1111-4111-8111-111111111111';
const D = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('cellOf', () => {
  it.each([
    [`elements/${D}`, null, { section: 'elements', disciplineId: D }],
    ['positionnement', `${S}/${D}`, { section: 'positionnement', studentId: S, disciplineId: D }],
    [`appreciation/${S}/${D}`, null, { section: 'appreciation', studentId: S, disciplineId: D }],
    [`synthese/${S}`, null, { section: 'synthese', studentId: S }],
    ['vie-scolaire', `${S}/nbRetards`, { section: 'vie-scolaire', studentId: S }],
    ['locks', S, { section: 'locks', studentId: S }],
  ])('%s %s', (root, key, cell) => {
    expect(cellOf(root, key)).toEqual(cell);
  });

  it.each([
    ['elements', null],
    [`elements/${D}`, 'key'],
    ['positionnement', null],
    ['positionnement', S],
    ['vie-scolaire', `${S}/salaire`],
    [`synthese/${S}/x`, null],
    ['other', 'x'],
    [`appreciation/${S}/${D}/x`, null],
  ])('rejects %s %s', (root, key) => {
    expect(cellOf(root, key)).toBeNull();
  });
});

describe('document names', () => {
  it('round-trips', () => {
    expect(parseClassDocName(classDocName('c-1', 'p-2'))).toEqual({ classId: 'c-1', periodId: 'p-2' });
    expect(parseClassDocName('classes/../periods/x')).toBeNull();
  });
});

describe('helpers', () => {
  it('edit program elements', () => {
    const doc = new Y.Doc();
    insertProgramElement(doc, D, 0, 'Nombres et calculs');
    insertProgramElement(doc, D, 5, ' Espace et géométrie ');
    updateProgramElement(doc, D, 0, 'Nombres');
    moveProgramElement(doc, D, 1, 0);
    expect(getProgramElements(doc, D)).toEqual(['Espace et géométrie', 'Nombres']);
    removeProgramElement(doc, D, 0);
    expect(getProgramElements(doc, D)).toEqual(['Nombres']);
    expect(() => insertProgramElement(doc, D, 0, 'x'.repeat(301))).toThrow(InvalidValueError);
    expect(() => insertProgramElement(doc, D, 0, '  ')).toThrow(InvalidValueError);
  });

  it('set positioning and vie scolaire with validation', () => {
    const doc = new Y.Doc();
    setPositionnement(doc, S, D, 3);
    expect(getPositionnement(doc, S, D)).toBe(3);
    setPositionnement(doc, S, D, 'NE');
    expect(getPositionnement(doc, S, D)).toBe('NE');
    setPositionnement(doc, S, D, null);
    expect(getPositionnement(doc, S, D)).toBeNull();
    expect(() => setPositionnement(doc, S, D, 21)).toThrow(InvalidValueError);
    expect(() => setPositionnement(doc, S, D, 12.345)).toThrow(InvalidValueError);
    setVieScolaireField(doc, S, 'nbRetards', 2);
    setVieScolaireField(doc, S, 'commentaire', 'Assidu');
    expect(getVieScolaire(doc, S)).toEqual({ nbRetards: 2, commentaire: 'Assidu' });
    expect(() => setVieScolaireField(doc, S, 'nbRetards', 1000)).toThrow(InvalidValueError);
  });

  it('keep lock marks', () => {
    const doc = new Y.Doc();
    setLock(doc, S, { version: 2, lockedAt: '2026-11-20T10:00:00.000Z', lockedBy: 'Direction' });
    expect(getLock(doc, S)?.version).toBe(2);
    expect([...lockedStudentIds(doc)]).toEqual([S]);
  });

  it('converge when two documents edit the same cells concurrently', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    appreciationText(a, S, D).insert(0, 'Bon travail');
    appreciationText(b, S, D).insert(0, 'Des efforts');
    insertProgramElement(a, D, 0, 'A');
    insertProgramElement(b, D, 0, 'B');
    syntheseText(a, S).insert(0, 'Synthèse');
    setPositionnement(a, S, D, 2);
    setPositionnement(b, S, D, 4);
    sync(a, b);
    expect(appreciationText(a, S, D).toString()).toBe(appreciationText(b, S, D).toString());
    expect(appreciationText(a, S, D).length).toBe('Bon travail'.length + 'Des efforts'.length);
    expect(getProgramElements(a, D)).toHaveLength(2);
    expect(getProgramElements(a, D)).toEqual(getProgramElements(b, D));
    expect(getPositionnement(a, S, D)).toBe(getPositionnement(b, S, D));
    expect(syntheseText(b, S).toString()).toBe('Synthèse');
  });
});
