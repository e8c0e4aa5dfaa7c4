/**
 * Frozen bilans for the tests and the benchmark of this package: a collège bilan with every section of the
 * verso, an école bilan, marks with the class average, long texts, a student with every modalité, bilans de fin
 * de cycle 3 and 4, and a whole generated school. Deterministic.
 */
import {
  type FrozenBilanFinCycle,
  FrozenBilanFinCycleSchema,
  type FrozenBilanPeriodique,
  FrozenBilanPeriodiqueSchema,
  freeze,
  modalitesOfDegre,
} from '@livret/domain';
import {
  filledClassDoc,
  sampleFreezeContext,
  sampleFreezeContext1D,
  sampleFrozenBilanFinCycle,
} from '@livret/domain/testing';
import * as Y from 'yjs';

/** A fixed hash (the SHA-256 of nothing in particular): the layouts only print it. */
export const sampleHash = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';

/** `count` characters of French text, with accents, œ, «», ’ (for the long-text fixtures). */
export function longText(count: number, seed = 0): string {
  const words = [
    'Élève',
    'sérieux',
    'qui',
    'progresse',
    'en',
    'cœur',
    'd’œuvre',
    '«',
    'lecture',
    '»',
    'très',
    'bien',
    'à',
    'l’écrit',
    'même',
    'ça',
    'où',
    'garçon',
    'Noël',
    'maïs',
  ];
  let out = '';
  for (let i = seed; out.length < count; i++) out += `${words[i % words.length]} `;
  return `${out.slice(0, count - 1).trimEnd()}.`;
}

/** A collège bilan (3e, objectives scale) with every section: EPI, AP, parcours, modalités, compétences numériques, devoirs faits, vie scolaire, socle. */
export function collegeBilan(overrides: Partial<FrozenBilanPeriodique> = {}): FrozenBilanPeriodique {
  const base = freeze(filledClassDoc(), sampleFreezeContext());
  return FrozenBilanPeriodiqueSchema.parse({
    ...base,
    epi: [
      {
        intitule: 'Les énergies de demain',
        thematique: 'EPI_EDD',
        disciplines: ['Physique-chimie', 'Technologie'],
        description: 'Réalisation d’une maquette d’éolienne et d’un exposé.',
        commentaire: 'Lucas a mené l’équipe avec efficacité.',
      },
    ],
    ap: [
      {
        intitule: 'Méthodologie du brevet',
        disciplines: ['Français', 'Mathématiques'],
        description: 'Révisions guidées, fiches de méthode.',
        commentaire: 'Assidu et volontaire.',
      },
    ],
    parcours: [
      {
        code: 'PAR_AVN',
        projet: 'Stage d’observation en entreprise.',
        commentaire: 'Stage chez un boulanger.',
      },
      { code: 'PAR_CIT', projet: 'Élection des délégués.' },
    ],
    modalites: [{ code: 'PPRE', complement: 'Soutien en mathématiques, deux heures par semaine.' }],
    competencesNumeriques: {
      appreciationCollective: 'Classe investie dans les projets numériques.',
      appreciation: 'Bonne maîtrise des outils.',
      niveaux: { CN_INF_MEN: 2, CN_COM_COL: 3, CN_CRE_PRO: 1 },
    },
    devoirsFaits: 'Présent chaque mardi.',
    socle: { CPD_FRA: 3, CPD_ETR: 2, CPD_SCI: 4, CPD_ART: 3, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 0, REP_MND: 2 },
    vieScolaire: {
      nbRetards: 1,
      nbAbsJustifiees: 2,
      nbAbsInjustifiees: 0,
      nbHeuresManquees: 3,
      commentaire: 'Élève ponctuel.',
      commentaireCollectif: 'Une classe agréable.',
    },
    ...overrides,
  });
}

/** A collège bilan positioned with marks and the class average, no EPI nor AP. */
export function collegeMarksBilan(): FrozenBilanPeriodique {
  const bilan = collegeBilan({ positioning: 'notes-avec-moyenne', epi: [], ap: [] });
  const marks = [15.5, 8, 'NE'] as const;
  return FrozenBilanPeriodiqueSchema.parse({
    ...bilan,
    disciplines: bilan.disciplines.map((d, i) => ({
      ...d,
      positionnement: marks[i % marks.length],
      moyenneClasse: marks[i % marks.length] === 'NE' ? null : 12.25,
    })),
  });
}

/** A collège bilan with every modalité of the 2D schema and the longest texts the schemas allow. */
export function collegeLongBilan(): FrozenBilanPeriodique {
  const bilan = collegeBilan();
  return FrozenBilanPeriodiqueSchema.parse({
    ...bilan,
    disciplines: bilan.disciplines.map((d, i) => ({
      ...d,
      elements: [longText(300, i), longText(300, i + 3), longText(300, i + 5)],
      appreciation: longText(600, i + 1),
    })),
    modalites: modalitesOfDegre('2D').map((code) =>
      code === 'PPRE' || code === 'CTR' ? { code, complement: longText(600, 2) } : { code },
    ),
    synthese: longText(1000, 4),
    parcours: bilan.parcours.map((p, i) => ({
      ...p,
      projet: longText(600, i),
      commentaire: longText(600, i + 7),
    })),
  });
}

/** An école bilan (CE2, cycle 2 domaines) with parcours, a modalité (RASED) and the appréciation générale. */
export function ecoleBilan(overrides: Partial<FrozenBilanPeriodique> = {}): FrozenBilanPeriodique {
  const context = sampleFreezeContext1D();
  const doc = new Y.Doc();
  const base = freeze(doc, context);
  return FrozenBilanPeriodiqueSchema.parse({
    ...base,
    disciplines: base.disciplines.map((d, i) => ({
      ...d,
      elements: [`Compétence travaillée en ${d.label.toLowerCase()}`],
      appreciation: i % 3 === 0 ? 'Des progrès réguliers, à poursuivre.' : '',
      positionnement: (1 + (i % 4)) as 1 | 2 | 3 | 4,
    })),
    parcours: [{ code: 'PAR_ART', projet: 'Visite du musée de Grenoble et atelier de peinture.' }],
    modalites: [{ code: 'RASED' }],
    synthese:
      'Emma est une élève appliquée qui a fait de beaux progrès en lecture. Il faut persévérer à l’écrit.',
    communication: {
      responsableEtablissement: { civilite: 'M.', lastName: 'Rousseau', firstName: 'Paul' },
      professeursPrincipaux: [],
      enseignants: [{ civilite: 'Mme', lastName: 'Garnier', firstName: 'Sophie' }],
    },
    ...overrides,
  });
}

/** A bilan de fin de cycle 4 (with a dispensé composante and a langue régionale). */
export function finDeCycle4Bilan(): FrozenBilanFinCycle {
  return sampleFrozenBilanFinCycle({
    socle: { CPD_FRA: 3, CPD_ETR: 0, CPD_SCI: 4, CPD_ART: 1, MET_APP: 3, FRM_CIT: 4, SYS_NAT: 3, REP_MND: 2 },
    langueRegionale: { code: 'BRE', niveau: 'atteint' },
    responsableEtablissement: { civilite: 'Mme', lastName: 'Carpentier', firstName: 'Hélène' },
    professeursPrincipaux: [{ civilite: 'Mme', lastName: 'Lemaître', firstName: 'Claire' }],
  });
}

/** A bilan de fin de cycle 3 (no enseignement de complément). */
export function finDeCycle3Bilan(): FrozenBilanFinCycle {
  const bilan = sampleFrozenBilanFinCycle();
  return FrozenBilanFinCycleSchema.parse({
    ...bilan,
    cycle: 3,
    class: { ...bilan.class, label: '6e B', code: '6B', niveaux: ['6e'] },
    student: { ...bilan.student, niveau: '6e' },
    enseignementComplement: null,
    langueRegionale: null,
  });
}

const firstNames = ['Lucas', 'Emma', 'Léa', 'Noé', 'Chloé', 'Maël', 'Inès', 'Zoé', 'Jérôme', 'Anaïs'];
const lastNames = [
  'Martin',
  'Bernard',
  'Dubois',
  'Lefèvre',
  'Moreau',
  'Girard',
  'Bonnet',
  'François',
  'Mercier',
  'Faure',
];
const subjects = [
  ['020700', 'Français'],
  ['061300', 'Mathématiques'],
  ['042100', 'Histoire-Géographie'],
  ['030201', 'Anglais (LV1)'],
  ['030602', 'Espagnol (LV2)'],
  ['062900', 'SVT'],
  ['062300', 'Physique-Chimie'],
  ['070800', 'Technologie'],
  ['100100', 'EPS'],
  ['090100', 'Arts plastiques'],
  ['081300', 'Éducation musicale'],
] as const;

/**
 * A generated collège of `count` students in classes of 25, each bilan a realistic two printed pages: eleven
 * disciplines with two program elements and an appreciation each, the verso with EPI, AP, parcours, a synthèse
 * and the vie scolaire. For the benchmark and batch tests.
 * @example const bilans = schoolBilans(600);
 */
export function schoolBilans(count: number): FrozenBilanPeriodique[] {
  const template = collegeBilan({ socle: null, competencesNumeriques: null, modalites: [] });
  const teacher = template.disciplines[0]!.teachers[0]!;
  return Array.from({ length: count }, (_, i) => {
    const division = Math.floor(i / 25);
    return {
      ...template,
      class: {
        ...template.class,
        id: `class-${division}`,
        label: `3e ${String.fromCharCode(65 + (division % 26))}${division >= 26 ? division : ''}`,
      },
      student: {
        ...template.student,
        id: `student-${i}`,
        firstName: firstNames[i % firstNames.length]!,
        lastName: `${lastNames[Math.floor(i / 10) % lastNames.length]!}-${i}`,
      },
      disciplines: subjects.map(([code, label], j) => ({
        id: `discipline-${j}`,
        code,
        label,
        teachers: [{ ...teacher, id: `teacher-${j}` }],
        elements: [longText(70, j), longText(50, j + 4)],
        appreciation: longText(100 + ((i + j) % 5) * 25, i + j),
        positionnement: (1 + ((i + j) % 4)) as 1 | 2 | 3 | 4,
      })),
      synthese: longText(450, i),
    };
  });
}
