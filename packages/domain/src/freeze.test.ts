import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canonicalJson } from './canonical-json.js';
import { appreciationText } from './doc/index.js';
import { freeze } from './freeze.js';
import { domaineLabel, domainesOfCycle } from './nomenclatures/domaines-1d.js';
import { FrozenBilanPeriodiqueSchema } from './schemas/bilan-periodique.js';
import {
  buildClassDoc,
  filledClassDoc,
  ids,
  sampleFreezeContext,
  sampleFreezeContext1D,
} from './testing/index.js';

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

describe('freeze, more', () => {
  it('carries the context: signatories, dates, class averages, verso sections', () => {
    const frozen = freeze(
      filledClassDoc(),
      sampleFreezeContext({
        positioning: 'notes-avec-moyenne',
        moyennesClasse: { [ids.maths]: 12.75 },
        parcours: [{ code: 'PAR_CIT', projet: 'Conseil de vie collégienne.' }],
        vieScolaireCollectif: 'Classe ponctuelle.',
      }),
    );
    expect(frozen.communication.responsableEtablissement?.lastName).toBe('CARPENTIER');
    expect(frozen.dateConseil).toBe('2026-11-27');
    expect(frozen.disciplines.find((d) => d.id === ids.maths)?.moyenneClasse).toBe(12.75);
    expect(frozen.disciplines.find((d) => d.id === ids.francais)).not.toHaveProperty('moyenneClasse');
    expect(frozen.parcours).toEqual([{ code: 'PAR_CIT', projet: 'Conseil de vie collégienne.' }]);
    expect(frozen.vieScolaire?.commentaireCollectif).toBe('Classe ponctuelle.');
  });

  it('gives a student of a double-level école class the domaines of its own cycle', () => {
    const cycle3 = domainesOfCycle(3).filter((d) => !domainesOfCycle(2).includes(d));
    const context = sampleFreezeContext1D();
    const both = {
      ...context,
      disciplines: [
        ...context.disciplines,
        ...cycle3.map((d) => ({ id: `d-${d.code}`, code: d.code, label: domaineLabel(d), teachers: [] })),
      ],
    };
    const doc = buildClassDoc({
      studentIds: [ids.student],
      disciplineIds: both.disciplines.map((d) => d.id),
      kind: '1D',
      vieScolaire: false,
    });
    const ce2 = freeze(doc, both).disciplines.map((d) => d.code);
    expect(ce2).toContain('QLM-VMO');
    expect(ce2).not.toContain('HIG-RAC');
    const cm1 = freeze(doc, { ...both, student: { ...both.student, niveau: 'CM1' } }).disciplines.map(
      (d) => d.code,
    );
    expect(cm1).toContain('HIG-RAC');
    expect(cm1).not.toContain('QLM-VMO');
  });

  it('is the same for documents that reached the same state through different paths', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const source = filledClassDoc();
    // b receives the state as two halves in reverse order
    const update = Y.encodeStateAsUpdate(source);
    Y.applyUpdate(a, update);
    const half = new Y.Doc();
    Y.applyUpdate(half, update);
    appreciationText(half, ids.student, ids.eps).insert(0, 'Participation active.');
    const delta = Y.encodeStateAsUpdate(half, Y.encodeStateVector(source));
    Y.applyUpdate(b, delta);
    Y.applyUpdate(b, update);
    Y.applyUpdate(a, delta);
    expect(canonicalJson(freeze(a, sampleFreezeContext()))).toBe(
      canonicalJson(freeze(b, sampleFreezeContext())),
    );
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
