import { describe, expect, it } from 'vitest';
import { reportName, sameName, samePerson } from './identity.js';

describe('names compared as people write them', () => {
  it.each([
    ['Lemaître', 'LEMAITRE'],
    ['Jean-Pierre', 'Jean Pierre'],
    ["D'Almeida", 'DALMEIDA'],
    ['N’Diaye', 'NDIAYE'],
    ['Œdipe', 'OEDIPE'],
    ['MARTIN', 'Martin-Dupont'],
    ['Marie', 'Marie-Claire'],
    ['  Hélène  ', 'helene'],
  ])('«%s» and «%s» are the same name', (a, b) => {
    expect(sameName(a, b)).toBe(true);
  });

  it.each([
    ['Martin', 'Durand'],
    ['Lucas', 'Luca'],
    ['Marie-Claire', 'Claire-Anne'],
  ])('«%s» and «%s» are not', (a, b) => {
    expect(sameName(a, b)).toBe(false);
  });

  it('a person is the same when both names match; a name the file does not give is no mismatch', () => {
    const school = { lastName: 'Martin', firstName: 'Lucas' };
    expect(samePerson({ lastName: 'MARTIN', firstName: 'lucas' }, school)).toBe(true);
    expect(samePerson({ lastName: 'MARTIN', firstName: '' }, school)).toBe(true);
    expect(samePerson({ lastName: 'DURAND', firstName: 'Lucas' }, school)).toBe(false);
    expect(samePerson({ lastName: 'Martin', firstName: 'Emma' }, school)).toBe(false);
    expect(reportName(school)).toBe('MARTIN Lucas');
  });
});
