import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  appreciationText,
  cellKey,
  cellOf,
  getAppreciation,
  getSynthese,
  InvalidValueError,
  insertWithinLimit,
  limits,
  observeClassDoc,
  setAppreciation,
  setLock,
  setPositionnement,
  setSynthese,
  syntheseText,
  textLength,
} from './index.js';

const S = '11111111-1111-4111-8111-111111111111';
const D = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('texts', () => {
  it('round-trip appreciations and synthèses through their setters', () => {
    const doc = new Y.Doc();
    setAppreciation(doc, S, D, 'Bon travail.');
    expect(getAppreciation(doc, S, D)).toBe('Bon travail.');
    setAppreciation(doc, S, D, 'Très bon travail, continuez.');
    expect(appreciationText(doc, S, D).toString()).toBe('Très bon travail, continuez.');
    setSynthese(doc, S, 'x'.repeat(1500), '1D');
    expect(getSynthese(doc, S)).toHaveLength(1500);
    setSynthese(doc, S, '', '2D');
    expect(syntheseText(doc, S).length).toBe(0);
  });

  it('throw a typed error past the LSU limits', () => {
    const doc = new Y.Doc();
    expect(() => setAppreciation(doc, S, D, 'x'.repeat(601))).toThrow(InvalidValueError);
    expect(() => setSynthese(doc, S, 'x'.repeat(1001), '2D')).toThrow(/au plus 1000/);
    try {
      setSynthese(doc, S, 'x'.repeat(1501), '1D');
    } catch (error) {
      expect((error as InvalidValueError).code).toBe('too-long');
    }
    expect(getSynthese(doc, S)).toBe('');
  });

  it('clamp keystrokes with insertWithinLimit', () => {
    const doc = new Y.Doc();
    const text = appreciationText(doc, S, D);
    text.insert(0, 'x'.repeat(limits.appreciation - 3));
    expect(insertWithinLimit(text, 0, 'abcdef', limits.appreciation)).toBe(3);
    expect(text.length).toBe(limits.appreciation);
    expect(text.toString().startsWith('abc')).toBe(true);
    expect(insertWithinLimit(text, 0, 'z', limits.appreciation)).toBe(0);
  });

  it('clamp in characters: an emoji counts one and is never cut in half', () => {
    const doc = new Y.Doc();
    const text = appreciationText(doc, S, D);
    text.insert(0, `${'x'.repeat(limits.appreciation - 3)}🎉`);
    expect(insertWithinLimit(text, 0, '😀😀😀', limits.appreciation)).toBe(4); // two emoji, 4 code units
    expect(textLength(text.toString())).toBe(limits.appreciation);
    expect(text.toString().startsWith('😀😀x')).toBe(true);
  });

  it('replace only what changed, so concurrent edits at both ends merge', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    setAppreciation(a, S, D, 'milieu');
    sync(a, b);
    setAppreciation(a, S, D, 'Début milieu');
    setAppreciation(b, S, D, 'milieu fin');
    sync(a, b);
    expect(getAppreciation(a, S, D)).toBe('Début milieu fin');
    expect(getAppreciation(b, S, D)).toBe('Début milieu fin');
  });
});

describe('cells', () => {
  it('cellKey is stable and distinct per cell', () => {
    const cells = [
      cellOf(`elements/${D}`, null),
      cellOf('positionnement', `${S}/${D}`),
      cellOf(`appreciation/${S}/${D}`, null),
      cellOf(`synthese/${S}`, null),
      cellOf('vie-scolaire', `${S}/commentaire`),
      cellOf('locks', S),
    ];
    const keys = cells.map((cell) => cellKey(cell!));
    expect(new Set(keys).size).toBe(6);
    expect(keys[1]).toBe(`positionnement/${S}/${D}`);
  });

  it('setLock refuses a malformed mark', () => {
    const doc = new Y.Doc();
    expect(() => setLock(doc, S, { version: 0, lockedAt: 'hier', lockedBy: 'x' })).toThrow(InvalidValueError);
  });
});

describe('observeClassDoc and scales', () => {
  it('fires once per changing transaction, not for empty ones, and stops', () => {
    const doc = new Y.Doc();
    const seen: boolean[] = [];
    const stop = observeClassDoc(doc, (_origin, local) => seen.push(local));
    setAppreciation(doc, S, D, 'a');
    doc.transact(() => {});
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    setAppreciation(other, S, D, 'ab');
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(other, Y.encodeStateVector(doc)));
    stop();
    setAppreciation(doc, S, D, 'abc');
    expect(seen).toEqual([true, false]);
  });

  it('setPositionnement checks the class scale when given', () => {
    const doc = new Y.Doc();
    expect(() => setPositionnement(doc, S, D, 12, 'objectifs')).toThrow(InvalidValueError);
    setPositionnement(doc, S, D, 12, 'notes-sans-moyenne');
    setPositionnement(doc, S, D, 'NE', 'objectifs');
  });
});
