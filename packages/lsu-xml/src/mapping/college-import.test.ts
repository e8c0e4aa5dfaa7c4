/**
 * Nothing of a valid file is dropped in silence: every value of the official sample (and of its variants)
 * lands in the imported bilan, or a warning of that student's bilan says what was not taken and why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLsuFile } from '../index.js';
import { bilansOfCollegeFile } from './college-import.js';
import { type ImportedBilanPeriodique, personOfLabel } from './imported-bilan.js';

const sample = readFileSync(new URL('../fixtures/sample-bilan-complet.xml', import.meta.url), 'utf8');

const periodiques = (xml: string) => {
  const read = readLsuFile(xml, { degre: '2D' });
  if (!read.ok) throw new Error(read.issues.map((i) => i.reason).join('\n'));
  return bilansOfCollegeFile(read.file).filter((b): b is ImportedBilanPeriodique => b.kind === 'periodique');
};

describe('collège import keeps every value, or says why not', () => {
  it('carries code-national, so EPS coded 100A00 by the school is still EPS (100100)', () => {
    const eps = periodiques(sample)[0]?.rows.find((r) => r.code === '100A00');
    expect(eps).toMatchObject({ code: '100A00', codeNational: '100100' });
  });

  it('keeps the EPI project description together with its group comment', () => {
    const epi = periodiques(sample)[0]?.epi[0];
    expect(epi?.description).toMatch(/^Description de l'EPI sur la thématique EPI_ART/);
    expect(epi?.description).toMatch(/\nCommentaire de l'EPI sur la thématique EPI_ART groupe 1/);
  });

  it('takes marks mixed with levels on the majority scale and names each value it could not take', () => {
    // One discipline of the first bilan positioned 1–4 among marks: the marks win, the level is reported.
    const mixed = sample.replace(
      'moyenne-eleve="16.5/20" moyenne-structure="12/20"',
      'positionnement="3" moyenne-structure="12/20"',
    );
    expect(mixed).not.toBe(sample);
    const [first] = periodiques(mixed);
    expect(first?.positioning).toBe('notes-avec-moyenne');
    expect(first?.warnings.join('\n')).toMatch(/Histoire-Géographie : positionnement 3 .* non repris/);
    expect(first?.rows.find((r) => r.label === 'Mathématiques')?.positionnement).toBeTypeOf('number');
  });

  it('keeps class averages and the collective vie scolaire comment', () => {
    const [first, second] = periodiques(sample);
    expect(first?.rows.find((r) => r.label === 'Physique-Chimie')?.moyenneClasse).toBe(13);
    expect(second?.vieScolaire?.commentaireCollectif).toMatch(/Commentaire de vie scolaire commun/);
  });
});

describe('the head of the school, in every form the format allows', () => {
  it.each([
    ['Joseph SERGI', { civilite: null, firstName: 'Joseph', lastName: 'SERGI' }],
    ['MME NAOWEL Catherine', { civilite: 'Mme', firstName: 'Catherine', lastName: 'NAOWEL' }],
    ['M. Jean-Marc LE GALL', { civilite: 'M.', firstName: 'Jean-Marc', lastName: 'LE GALL' }],
    ['Mme Claire Durand', { civilite: 'Mme', firstName: 'Claire', lastName: 'Durand' }],
    ['Le principal du collège', { civilite: null, firstName: '', lastName: 'Le principal du collège' }],
  ])('«%s»', (label, person) => {
    expect(personOfLabel(label)).toEqual(person);
  });

  it('reads our own placeholder for an unnamed head as no one', () => {
    expect(personOfLabel('Chef d’établissement')).toBeNull();
  });
});
