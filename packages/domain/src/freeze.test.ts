import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalJson } from './canonical-json.js';
import { appreciationText } from './doc/index.js';
import { freeze } from './freeze.js';
import { FrozenBilanPeriodiqueSchema } from './schemas/bilan-periodique.js';
import { filledClassDoc, ids, sampleFreezeContext } from './testing/index.js';

describe('freeze', () => {
  it('turns the student part of the document into a valid frozen bilan', () => {
    const frozen = freeze(filledClassDoc(), sampleFreezeContext());
    expect(frozen.format).toBe('livret/bilan-periodique');
    expect(frozen.disciplines.map((d) => [d.label, d.positionnement, d.elements.length])).toEqual([
      ['Français', 3, 1],
      ['Mathématiques', 4, 1],
      ['EPS', 'NE', 0],
    ]);
    expect(frozen.synthese).toBe('Un trimestre sérieux. Continuez ainsi.');
    expect(frozen.vieScolaire).toEqual({ nbRetards: 1, nbAbsJustifiees: 2, nbAbsInjustifiees: 0 });
    expect(FrozenBilanPeriodiqueSchema.parse(frozen)).toEqual(frozen);
  });

  it('is deterministic: the same state gives the same canonical JSON', () => {
    const a = filledClassDoc();
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(canonicalJson(freeze(b, sampleFreezeContext()))).toBe(
      canonicalJson(freeze(a, sampleFreezeContext())),
    );
  });

  it('refuses content beyond the LSU limits', () => {
    const doc = filledClassDoc();
    appreciationText(doc, ids.student, ids.maths).insert(0, 'x'.repeat(700));
    expect(() => freeze(doc, sampleFreezeContext())).toThrow();
  });
});

describe('canonicalJson', () => {
  it('sorts keys, drops undefined, and round-trips', () => {
    expect(canonicalJson({ b: 1, a: [true, null, { d: undefined, c: 'é' }] })).toBe(
      '{"a":[true,null,{"c":"é"}],"b":1}',
    );
    const frozen = freeze(filledClassDoc(), sampleFreezeContext());
    expect(JSON.parse(canonicalJson(frozen))).toEqual(frozen);
  });
});
