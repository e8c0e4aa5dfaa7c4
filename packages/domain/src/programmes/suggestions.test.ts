import { describe, expect, it } from 'vitest';
import { collegeSuggestionKey } from './siecle-disciplines.js';
import { suggestionsFor } from './suggestions.js';

describe('program element suggestions', () => {
  it('gives the école lists by domaine code and the collège lists by SIECLE code', () => {
    expect(suggestionsFor({ niveau: 'CM1', disciplineKey: 'FRA-LGO' })).toContain(
      'Parler en prenant en compte son auditoire',
    );
    expect(suggestionsFor({ niveau: 'CP', disciplineKey: 'FRA-LEC' }).length).toBeGreaterThan(0);
    expect(suggestionsFor({ niveau: '3e', disciplineKey: '061300' }).length).toBeGreaterThan(5);
    expect(suggestionsFor({ niveau: '6e', disciplineKey: '020700' })).toEqual(
      suggestionsFor({ niveau: '6e', disciplineKey: 'Français' }),
    );
  });

  it('takes a cycle (and degré) instead of a niveau', () => {
    expect(suggestionsFor({ cycle: 2, disciplineKey: 'QLM-VMO' })).toEqual(
      suggestionsFor({ niveau: 'CE1', disciplineKey: 'QLM-VMO' }),
    );
    expect(suggestionsFor({ cycle: 3, degre: '2D', disciplineKey: 'Mathématiques' }).length).toBeGreaterThan(
      0,
    );
    expect(suggestionsFor({ cycle: 3, degre: '1D', disciplineKey: 'Mathématiques' })).toEqual([]);
    expect(suggestionsFor({ niveau: '3e', cycle: 3, disciplineKey: '061300' })).toEqual([]);
  });

  it('keeps level-specific groups for their level only, every item within the LSU limit', () => {
    const cm1 = suggestionsFor({ niveau: 'CM1', disciplineKey: 'HIG-RAC' });
    const cm2 = suggestionsFor({ niveau: 'CM2', disciplineKey: 'HIG-RAC' });
    const all = suggestionsFor({ cycle: 3, degre: '1D', disciplineKey: 'HIG-RAC' });
    expect(cm1).not.toEqual(cm2);
    expect(all.length).toBeGreaterThanOrEqual(Math.max(cm1.length, cm2.length));
    for (const item of all) expect(item.length).toBeLessThanOrEqual(300);
  });

  it('answers a SIECLE code like the suggestion key it stands for', () => {
    expect(suggestionsFor({ niveau: '5e', disciplineKey: '062900' })).toEqual(
      suggestionsFor({ niveau: '5e', disciplineKey: 'SVT' }),
    );
  });

  it('is empty for an unknown discipline', () => {
    expect(suggestionsFor({ niveau: '5e', disciplineKey: '999999' })).toEqual([]);
    expect(suggestionsFor({ niveau: 'CE1', disciplineKey: 'HIG-RAC' })).toEqual([]);
  });
});

describe('collège disciplines → suggestion keys', () => {
  it.each([
    ['020700', 'Français'],
    ['061300', 'Mathématiques'],
    ['042100', 'Histoire-géographie'],
    ['030201', 'Langues vivantes'],
    ['100100', 'EPS'],
    ['Histoire-Géographie', 'Histoire-géographie'],
    ['Physique-Chimie', 'Physique-chimie'],
    ['Anglais (LV1)', 'Langues vivantes'],
    ['Espagnol LV2', 'Langues vivantes'],
    ['Sciences de la vie et de la Terre', 'SVT'],
    ['Education musicale', 'Éducation musicale'],
    ['Enseignement moral et civique', 'EMC'],
  ])('%s → %s', (input, key) => {
    expect(collegeSuggestionKey(input)).toBe(key);
  });

  it('answers undefined when nothing fits', () => {
    expect(collegeSuggestionKey('Atelier cuisine')).toBeUndefined();
    expect(collegeSuggestionKey('')).toBeUndefined();
  });
});
