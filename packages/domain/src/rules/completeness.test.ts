import { describe, expect, it } from 'vitest';
import { setPositionnement, syntheseText } from '../doc/index.js';
import { draftBilan } from '../freeze.js';
import { filledClassDoc, ids, sampleFreezeContext } from '../testing/index.js';
import { completenessReasons, isComplete } from './completeness.js';

describe('completeness, collège (2D)', () => {
  it('a filled bilan is complete', () => {
    expect(completenessReasons(draftBilan(filledClassDoc(), sampleFreezeContext()))).toEqual([]);
  });

  it('needs an element for every evaluated discipline, the synthèse and the vie scolaire', () => {
    const doc = filledClassDoc();
    setPositionnement(doc, ids.student, ids.eps, 2); // evaluated, but EPS has no program element
    syntheseText(doc, ids.student).delete(0, syntheseText(doc, ids.student).length);
    const draft = { ...draftBilan(doc, sampleFreezeContext()), vieScolaire: null };
    const reasons = completenessReasons(draft);
    expect(reasons).toHaveLength(3);
    expect(reasons[0]).toMatch(/^EPS : au moins un élément du programme/);
    expect(reasons[1]).toMatch(/synthèse/i);
    expect(reasons[2]).toMatch(/vie scolaire/i);
  });

  it('a discipline marked «non évalué» needs no element', () => {
    expect(isComplete(draftBilan(filledClassDoc(), sampleFreezeContext()))).toBe(true);
  });
});

describe('completeness, école (1D)', () => {
  const context = sampleFreezeContext({
    school: { uai: '0381234A', name: 'École', kind: '1D', academie: 'Grenoble' },
  });

  it('needs at least 3 complete domaines and the appréciation générale', () => {
    const doc = filledClassDoc(); // 2 domaines with elements + positioning
    const reasons = completenessReasons(draftBilan(doc, context));
    expect(reasons).toEqual(['Au moins 3 domaines d’enseignement doivent être complets (2 actuellement).']);
  });
});
