import { describe, expect, it } from 'vitest';
import { suggestionsFor } from './suggestions.js';

describe('program element suggestions', () => {
  it('gives the collège lists by SIECLE code and the école lists by domaine code', () => {
    expect(suggestionsFor({ niveau: '3e', disciplineCode: '061300' }).length).toBeGreaterThan(5);
    expect(suggestionsFor({ niveau: 'CM1', disciplineCode: 'FRA-LGO' })).toContain(
      'Parler en prenant en compte son auditoire',
    );
    expect(suggestionsFor({ niveau: 'CP', disciplineCode: 'FRA-LEC' }).length).toBeGreaterThan(0);
  });

  it('keeps level-specific groups for their level only and every item within the LSU limit', () => {
    const cm1 = suggestionsFor({ niveau: 'CM1', disciplineCode: 'HIG-RAC' });
    const cm2 = suggestionsFor({ niveau: 'CM2', disciplineCode: 'HIG-RAC' });
    expect(cm1).not.toEqual(cm2);
    for (const item of [...cm1, ...cm2]) expect(item.length).toBeLessThanOrEqual(300);
  });

  it('is empty for an unknown discipline', () => {
    expect(suggestionsFor({ niveau: '5e', disciplineCode: '999999' })).toEqual([]);
  });
});
