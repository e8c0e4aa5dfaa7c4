import { describe, expect, it } from 'vitest';
import { attestations } from './attestations.js';
import { competencesNumeriques, domaineOfCompetence } from './competences-numeriques.js';
import { enseignementsComplement } from './enseignements-complement.js';
import { thematiquesEpi } from './epi.js';
import { languesRegionales } from './langues-regionales.js';
import { modalitesAccompagnement, modalitesOfDegre, needsComplement } from './modalites.js';
import { cycleOf, degreOf, isEndOfCycle, niveaux, niveauxOfCycle } from './niveaux.js';
import { parcours, parcoursOfNiveau } from './parcours.js';
import {
  echelleMaitrise,
  echelleObjectifs,
  fitsScale,
  isMark,
  parseMark,
  positionnementLabel,
} from './positioning.js';
import { composantesSocle, composantesSocleCodes } from './socle.js';

describe('school structure (domain reference §1)', () => {
  it.each([
    ['CP', 2, '1D'],
    ['CE1', 2, '1D'],
    ['CE2', 2, '1D'],
    ['CM1', 3, '1D'],
    ['CM2', 3, '1D'],
    ['6e', 3, '2D'],
    ['5e', 4, '2D'],
    ['4e', 4, '2D'],
    ['3e', 4, '2D'],
  ] as const)('%s is cycle %i, %s', (niveau, cycle, degre) => {
    expect(cycleOf(niveau)).toBe(cycle);
    expect(degreOf(niveau)).toBe(degre);
  });

  it('lists niveaux by cycle and knows where cycles end', () => {
    expect(niveaux).toHaveLength(9);
    expect(niveauxOfCycle(3)).toEqual(['CM1', 'CM2', '6e']);
    expect(niveauxOfCycle(3, '1D')).toEqual(['CM1', 'CM2']);
    expect(niveaux.filter(isEndOfCycle)).toEqual(['CE2', '6e', '3e']);
  });
});

describe('official labels (domain reference §4–6, LSUN_nomenclatures_v2.10.xml)', () => {
  it('scales', () => {
    expect(Object.values(echelleObjectifs)).toEqual([
      'Non atteints',
      'Partiellement atteints',
      'Atteints',
      'Dépassés',
    ]);
    expect(echelleMaitrise[1]).toBe('Maîtrise insuffisante');
    expect(echelleMaitrise[4]).toBe('Très bonne maîtrise');
    expect(echelleMaitrise[0]).toBe('Dispensé');
    expect(positionnementLabel(2, 'objectifs')).toBe('Partiellement atteints');
    expect(positionnementLabel(15.5, 'notes-avec-moyenne')).toBe('15,5/20');
    expect(positionnementLabel('NE', 'objectifs')).toBe('Non évalué');
    expect(fitsScale(5, 'objectifs')).toBe(false);
    expect(fitsScale(12.25, 'notes-sans-moyenne')).toBe(true);
    expect(fitsScale(12.255, 'notes-sans-moyenne')).toBe(false);
  });

  it('marks are decided on their decimal text: every two-decimal mark from 0 to 20 is one', () => {
    const refused: string[] = [];
    for (let hundredths = 0; hundredths <= 2000; hundredths++) {
      const text = `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
      const value = parseMark(text);
      if (value === null || !fitsScale(value, 'notes-sans-moyenne')) refused.push(text);
    }
    expect(refused).toEqual([]);
    expect([10.2, 16.1, 19.9, 8.2, 19.99].every(isMark)).toBe(true);
    expect(parseMark('10,2')).toBe(10.2);
    expect([20.01, -0, 1e-7, 10.255, Number.NaN, Infinity, '12'].map(isMark)).toEqual([
      false,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
    expect(['20,5', '1e1', '3,', ',5', '12.345', ''].map(parseMark)).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('socle: 8 composantes in report order', () => {
    expect(composantesSocleCodes).toEqual([
      'CPD_FRA',
      'CPD_ETR',
      'CPD_SCI',
      'CPD_ART',
      'MET_APP',
      'FRM_CIT',
      'SYS_NAT',
      'REP_MND',
    ]);
    expect(composantesSocle.CPD_FRA).toBe(
      "Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit",
    );
    expect(composantesSocle.REP_MND).toBe("Les représentations du monde et l'activité humaine");
  });

  it('parcours, EPI, enseignements de complément, langues régionales', () => {
    expect(parcours.PAR_ART).toBe("Parcours d'éducation artistique et culturelle");
    expect(parcoursOfNiveau('CM1')).not.toContain('PAR_AVN');
    expect(parcoursOfNiveau('6e')).toContain('PAR_AVN');
    expect(Object.keys(thematiquesEpi)).toHaveLength(8);
    expect(thematiquesEpi.EPI_EDD).toBe('Transition écologique et développement durable');
    expect(Object.keys(enseignementsComplement)).toEqual([
      'AUC',
      'LCA',
      'LCE',
      'LCR',
      'CHK',
      'PRO',
      'LSF',
      'LVE',
    ]);
    expect(languesRegionales.OCI).toBe("Occitan langue d'oc");
    expect(Object.keys(languesRegionales)).toHaveLength(14);
    expect(attestations.ASSN).toBe('Attestation scolaire « savoir-nager »');
  });

  it('modalités: complements and degrés as in the two XSDs', () => {
    expect(Object.keys(modalitesAccompagnement)).toHaveLength(9);
    expect(needsComplement('PPRE')).toBe(true);
    expect(needsComplement('CTR')).toBe(true);
    expect(needsComplement('PAP')).toBe(false);
    expect(modalitesOfDegre('1D')).toEqual(['PAP', 'PAI', 'PPRE', 'PPS', 'ULIS', 'UPE2A', 'RASED']);
    expect(modalitesOfDegre('2D')).toEqual(['PAP', 'PAI', 'PPRE', 'PPS', 'ULIS', 'UPE2A', 'SEGPA', 'CTR']);
  });

  it('compétences numériques: the 16 codes of the XSD in 5 domaines', () => {
    const codes = Object.keys(competencesNumeriques) as (keyof typeof competencesNumeriques)[];
    expect(codes).toHaveLength(16);
    expect(new Set(codes.map(domaineOfCompetence))).toEqual(new Set(['INF', 'COM', 'CRE', 'PRO', 'ENV']));
    expect(competencesNumeriques.CN_CRE_PRO).toBe('Programmer');
  });
});
