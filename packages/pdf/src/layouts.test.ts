import { enseignementsComplement, modalitesAccompagnement, modalitesOfDegre } from '@livret/domain';
import { describe, expect, it } from 'vitest';
import { bilanDocument, type FrozenBilan, renderPdf } from './index.js';
import {
  collegeBilan,
  collegeLongBilan,
  collegeMarksBilan,
  ecoleBilan,
  finDeCycle3Bilan,
  finDeCycle4Bilan,
  pdfPages,
  pdfText,
  sampleHash,
} from './testing/index.js';

const print = (bilan: FrozenBilan) => renderPdf(bilanDocument({ bilan, hash: sampleHash }));

/** Asserts that the texts appear in this order in `text`. */
function expectInOrder(text: string, parts: readonly string[]) {
  let from = 0;
  for (const part of parts) {
    const at = text.indexOf(part, from);
    expect(at, `«${part}» after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + part.length;
  }
}

/** Asserts that every text appears (cells of a row are read in pdftotext's order, not the page's). */
function expectAll(text: string, parts: readonly string[]) {
  for (const part of parts) expect(text, `«${part}»`).toContain(part);
}

describe('bilan périodique of a collège', () => {
  it('prints the recto, then every section of the verso in the official order', async () => {
    const pages = pdfPages(await print(collegeBilan()));
    const recto = pages[0]!;
    expectInOrder(recto, [
      'Collège Jean Moulin',
      'Bilan périodique — Trimestre 1',
      "Suivi des acquis scolaires de l'élève",
    ]);
    expectAll(recto, [
      'Année scolaire 2026-2027',
      'Lucas MARTIN',
      'Né le 14/05/2012',
      'Classe : 3e A',
      'Professeur(s) principal(aux) : Mme Claire LEMAÎTRE',
      'Disciplines',
      'Principaux éléments du programme travaillés durant la période',
      'Acquisitions, progrès et difficultés éventuelles',
      'Positionnement',
      'Non atteints',
      'Partiellement atteints',
      'Atteints',
      'Dépassés',
      'Français',
      'Mme C. Lemaître',
      'Lire des œuvres littéraires « classiques »',
      'Lecture attentive, expression écrite en progrès.',
      'Mathématiques',
      'Non évalué',
    ]);
    // The verso starts on a page of its own.
    expect(recto).not.toContain('Enseignements pratiques interdisciplinaires');
    const verso = pages.slice(1).join(' ');
    expectInOrder(verso, [
      'Enseignements pratiques interdisciplinaires (EPI)',
      'Accompagnement personnalisé (AP)',
      'Parcours éducatifs',
      "Modalités spécifiques d'accompagnement",
      'Compétences numériques',
      "Bilan de l'acquisition des connaissances et compétences",
      'Vie scolaire',
      'Niveau de maîtrise des 8 composantes du socle',
      'Communication avec la famille',
    ]);
    expectAll(verso, [
      'Transition écologique et développement durable',
      'Les énergies de demain',
      'Physique-chimie, Technologie',
      'Réalisation d’une maquette d’éolienne',
      'Lucas a mené l’équipe',
      'Accompagnement personnalisé (AP)',
      'Méthodologie du brevet',
      'Parcours éducatifs',
      'Parcours avenir',
      'Stage d’observation en entreprise.',
      'Parcours citoyen',
      "Modalités spécifiques d'accompagnement",
      'PPRE',
      'Programme personnalisé de réussite éducative',
      'Soutien en mathématiques',
      'Compétences numériques',
      'Classe investie dans les projets numériques.',
      'Bonne maîtrise des outils.',
      "Mener une recherche et une veille d'information",
      'Collaborer',
      'Programmer',
      "Bilan de l'acquisition des connaissances et compétences",
      "Synthèse de l'évolution des acquis scolaires et conseils pour progresser",
      'Un trimestre sérieux. Continuez ainsi.',
      'Devoirs faits',
      'Présent chaque mardi.',
      'Vie scolaire',
      'Retards : 1',
      'Demi-journées d’absence justifiées : 2',
      'Demi-journées d’absence injustifiées : 0',
      'Heures de cours manquées : 3',
      'Élève ponctuel.',
      'Une classe agréable.',
      'Niveau de maîtrise des 8 composantes du socle',
      'Maîtrise insuffisante',
      'Très bonne maîtrise',
      "Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit",
      'Les systèmes naturels et les systèmes techniques',
      'Dispensé',
      'Communication avec la famille',
      'Date du conseil de classe : 27/11/2026',
      "Responsable de l'établissement : Mme Hélène CARPENTIER",
      'Professeur(s) principal(aux) : Mme Claire LEMAÎTRE',
      'Date, nom et signature des responsables légaux',
    ]);
  });

  it('prints marks with the class average, «Non noté», and leaves out EPI and AP when there are none', async () => {
    const text = pdfText(await print(collegeMarksBilan()));
    expectInOrder(text, [
      "Moyenne de l'élève",
      'Moyenne de la classe',
      '15,5/20',
      '12,25/20',
      '8/20',
      '12,25/20',
    ]);
    expectAll(text, ['Français', 'Mathématiques', 'EPS', 'Non noté']);
    expect(text).not.toContain('Non atteints');
    expect(text).not.toContain('Enseignements pratiques interdisciplinaires');
    expect(text).not.toContain('Accompagnement personnalisé');
    expect(text).toContain('Parcours éducatifs');
  });

  it('wraps the longest texts over several pages without losing a word, and prints every modalité', async () => {
    const bilan = collegeLongBilan();
    const pages = pdfPages(await print(bilan));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const text = pages.join(' ');
    for (const row of bilan.disciplines) {
      // The end of each long text is there: nothing was cut at a page break.
      expect(text).toContain(row.appreciation.slice(-40).replace(/\s+/g, ' '));
      for (const element of row.elements) expect(text).toContain(element.slice(-30));
    }
    expect(text).toContain(bilan.synthese.slice(-60));
    for (const code of modalitesOfDegre('2D')) {
      expect(text).toContain(`${code} – ${modalitesAccompagnement[code].label}`);
    }
    // Every page carries the footer with its number within the bilan.
    pages.forEach((page, i) => {
      expect(page).toContain(`page ${i + 1}/${pages.length}`);
      expect(page).toContain(`empreinte SHA-256 ${sampleHash.slice(0, 16)}`);
    });
  });
});

describe('bilan périodique of an école', () => {
  it('groups the sub-domaines under their domaine and prints the visas', async () => {
    const pages = pdfPages(await print(ecoleBilan()));
    expectAll(pages[0]!, [
      'École élémentaire Jules Ferry',
      'Emma MARTIN',
      'Née le 02/03/2017',
      'Classe : CE2-CM1',
      'Enseignant(e)(s) : Mme Sophie GARNIER',
    ]);
    expectInOrder(pages[0]!, [
      "Suivi des acquis scolaires de l'élève",
      "Domaines d'enseignement",
      'Français',
      'Langage oral',
      "Lecture et compréhension de l'écrit",
      'Écriture',
      'Mathématiques',
      'Nombres et calcul',
      'Éducation physique et sportive',
      'Enseignements artistiques',
      'Arts plastiques',
      'Questionner le monde',
      'Vivant, matière, objets',
      'Enseignement moral et civique',
      'Langues vivantes',
    ]);
    const verso = pages.slice(1).join(' ');
    expectInOrder(verso, [
      'Parcours éducatifs',
      "Modalités spécifiques d'accompagnement",
      "Bilan de l'acquisition des connaissances et compétences",
      "Appréciation générale sur la progression de l'élève",
      'Emma est une élève appliquée',
      'Communication avec la famille',
    ]);
    expectAll(verso, [
      "Parcours d'éducation artistique et culturelle",
      'RASED',
      "Visa de l'enseignant(e)",
      'Visa des parents / du responsable légal',
      'Mme Sophie GARNIER',
      'Le directeur : M. Paul ROUSSEAU',
    ]);
    expect(verso).not.toContain('Vie scolaire');
    expect(verso).not.toContain('Synthèse de l');
  });
});

describe('bilan de fin de cycle', () => {
  it('prints the 8 composantes on the 4 levels, the synthèse and the cycle 4 parts', async () => {
    const bilan = finDeCycle4Bilan();
    const text = pdfText(await print(bilan));
    expectInOrder(text, [
      'Bilan de fin de cycle 4',
      'Maîtrise des composantes du socle en fin de cycle 4',
      "Synthèse des acquis scolaires de l'élève en fin de cycle",
      'Enseignement de complément',
      'Langue et culture régionale',
      'Communication avec la famille',
    ]);
    expectAll(text, [
      'Cycle 4 — cycle des approfondissements',
      'Lucas MARTIN',
      'Maîtrise insuffisante',
      'Maîtrise fragile',
      'Maîtrise satisfaisante',
      'Très bonne maîtrise',
      'Les langages pour penser et communiquer',
      "Comprendre, s'exprimer en utilisant la langue française à l'oral et à l'écrit",
      "Comprendre, s'exprimer en utilisant une langue étrangère",
      'Dispensé',
      'Les méthodes et outils pour apprendre',
      'La formation de la personne et du citoyen',
      'Les systèmes naturels et les systèmes techniques',
      "Les représentations du monde et l'activité humaine",
      bilan.synthese,
      `${enseignementsComplement.LCA} : Objectif atteint`,
      'Breton : Niveau A2 atteint',
      "Responsable de l'établissement : Mme Hélène CARPENTIER",
    ]);
    expect(text.match(/X/g)?.length).toBeGreaterThanOrEqual(7);
  });

  it('has no enseignement de complément nor langue régionale in cycle 3', async () => {
    const text = pdfText(await print(finDeCycle3Bilan()));
    expect(text).toContain('Bilan de fin de cycle 3');
    expect(text).toContain('6e B');
    expect(text).not.toContain('Enseignement de complément');
    expect(text).not.toContain('Langue et culture régionale');
  });
});
