/**
 * The demo school seeded at first start: a collège (6e A to 3e A, ~25 students each, with its teachers,
 * professeurs principaux, CPE, psy-EN and chef d'établissement) and an école (CP, CE1, CE2-CM1, CM2, with
 * its directeur and class teachers), trimestres of the current school year, families linked to children.
 * Names are drawn with a seeded generator: every first start gives the same school.
 */

import { domaineLabel, domaines1D, domainesOfNiveaux, type Niveau } from '@livret/domain';

export const DEMO_PASSWORD = 'livret-demo';

export interface DemoStaff {
  key: string;
  login?: string; // only the demo accounts can sign in
  civilite: 'M.' | 'Mme';
  firstName: string;
  lastName: string;
  roles: ('direction' | 'enseignant' | 'cpe' | 'psyen')[];
  /** Discipline codes taught; 'all' = every class of the school for these codes. */
  teaches?: { codes: string[]; classes: string[] | 'all' };
  principalOf?: string[];
}

export interface DemoClass {
  code: string;
  label: string;
  niveaux: string[];
  size: number;
  positioning: 'objectifs' | 'notes-sans-moyenne' | 'notes-avec-moyenne';
}

export interface DemoSchool {
  uai: string;
  name: string;
  kind: '1D' | '2D';
  academie: string;
  city: string;
  disciplines: { code: string; label: string }[];
  classes: DemoClass[];
  staff: DemoStaff[];
}

export const college: DemoSchool = {
  uai: '0382032C',
  name: 'Collège Jean Moulin',
  kind: '2D',
  academie: 'Grenoble',
  city: 'Grenoble',
  // SIECLE subject codes, as in the official sample file.
  disciplines: [
    { code: '020700', label: 'Français' },
    { code: '061300', label: 'Mathématiques' },
    { code: '042100', label: 'Histoire-Géographie' },
    { code: '030201', label: 'Anglais (LV1)' },
    { code: '062900', label: 'SVT' },
    { code: '062300', label: 'Physique-Chimie' },
    { code: '070800', label: 'Technologie' },
    { code: '100100', label: 'EPS' },
    { code: '090100', label: 'Arts plastiques' },
    { code: '081300', label: 'Éducation musicale' },
  ],
  classes: [
    { code: '6A', label: '6e A', niveaux: ['6e'], size: 25, positioning: 'objectifs' },
    { code: '5A', label: '5e A', niveaux: ['5e'], size: 25, positioning: 'objectifs' },
    { code: '4A', label: '4e A', niveaux: ['4e'], size: 24, positioning: 'notes-avec-moyenne' },
    { code: '3A', label: '3e A', niveaux: ['3e'], size: 26, positioning: 'objectifs' },
  ],
  staff: [
    {
      key: 'direction',
      login: 'direction@college.demo',
      civilite: 'Mme',
      firstName: 'Hélène',
      lastName: 'Carpentier',
      roles: ['direction'],
    },
    {
      key: 'maths',
      login: 'prof.maths@college.demo',
      civilite: 'M.',
      firstName: 'Julien',
      lastName: 'Perrot',
      roles: ['enseignant'],
      teaches: { codes: ['061300'], classes: 'all' },
      principalOf: ['6A'],
    },
    {
      key: 'francais',
      login: 'prof.francais@college.demo',
      civilite: 'Mme',
      firstName: 'Claire',
      lastName: 'Lemaître',
      roles: ['enseignant'],
      teaches: { codes: ['020700'], classes: 'all' },
      principalOf: ['3A'],
    },
    {
      key: 'cpe',
      login: 'cpe@college.demo',
      civilite: 'M.',
      firstName: 'Karim',
      lastName: 'Benali',
      roles: ['cpe'],
    },
    {
      key: 'psyen',
      login: 'psyen@college.demo',
      civilite: 'Mme',
      firstName: 'Sophie',
      lastName: 'Vasseur',
      roles: ['psyen'],
    },
    {
      key: 'hg',
      civilite: 'M.',
      firstName: 'Pierre',
      lastName: 'Delmas',
      roles: ['enseignant'],
      teaches: { codes: ['042100'], classes: 'all' },
      principalOf: ['4A'],
    },
    {
      key: 'anglais',
      civilite: 'Mme',
      firstName: 'Laura',
      lastName: 'Hamon',
      roles: ['enseignant'],
      teaches: { codes: ['030201'], classes: 'all' },
      principalOf: ['5A'],
    },
    {
      key: 'svt',
      civilite: 'Mme',
      firstName: 'Nadia',
      lastName: 'Cherif',
      roles: ['enseignant'],
      teaches: { codes: ['062900'], classes: 'all' },
    },
    {
      key: 'pc',
      civilite: 'M.',
      firstName: 'Olivier',
      lastName: 'Baudry',
      roles: ['enseignant'],
      teaches: { codes: ['062300'], classes: ['5A', '4A', '3A'] },
    },
    {
      key: 'techno',
      civilite: 'M.',
      firstName: 'Yann',
      lastName: 'Le Gall',
      roles: ['enseignant'],
      teaches: { codes: ['070800'], classes: 'all' },
    },
    {
      key: 'eps',
      civilite: 'Mme',
      firstName: 'Amandine',
      lastName: 'Roche',
      roles: ['enseignant'],
      teaches: { codes: ['100100'], classes: 'all' },
    },
    {
      key: 'arts',
      civilite: 'M.',
      firstName: 'Bruno',
      lastName: 'Marty',
      roles: ['enseignant'],
      teaches: { codes: ['090100', '081300'], classes: 'all' },
    },
  ],
};

/** The domaines of a class: the union over its niveaux' cycles (from the domain's nomenclature). */
export function domainesOf(niveaux: string[]): string[] {
  return domainesOfNiveaux(niveaux as Niveau[]).map((d) => d.code);
}

export const ecole: DemoSchool = {
  uai: '0381234A',
  name: 'École élémentaire Jules Ferry',
  kind: '1D',
  academie: 'Grenoble',
  city: 'Échirolles',
  disciplines: domaines1D.map((d) => ({ code: d.code, label: domaineLabel(d) })),
  classes: [
    { code: 'CP', label: 'CP', niveaux: ['CP'], size: 22, positioning: 'objectifs' },
    { code: 'CE1', label: 'CE1', niveaux: ['CE1'], size: 22, positioning: 'objectifs' },
    { code: 'CE2-CM1', label: 'CE2-CM1', niveaux: ['CE2', 'CM1'], size: 24, positioning: 'objectifs' },
    { code: 'CM2', label: 'CM2', niveaux: ['CM2'], size: 23, positioning: 'objectifs' },
  ],
  staff: [
    {
      key: 'directeur',
      login: 'directeur@ecole.demo',
      civilite: 'M.',
      firstName: 'François',
      lastName: 'Aubry',
      roles: ['direction', 'enseignant'],
      teaches: { codes: ['*'], classes: ['CM2'] },
    },
    {
      key: 'ce2cm1',
      login: 'enseignant.ce2cm1@ecole.demo',
      civilite: 'Mme',
      firstName: 'Isabelle',
      lastName: 'Fleury',
      roles: ['enseignant'],
      teaches: { codes: ['*'], classes: ['CE2-CM1'] },
    },
    {
      key: 'cp',
      civilite: 'Mme',
      firstName: 'Marion',
      lastName: 'Collet',
      roles: ['enseignant'],
      teaches: { codes: ['*'], classes: ['CP'] },
    },
    {
      key: 'ce1',
      civilite: 'M.',
      firstName: 'Thomas',
      lastName: 'Barre',
      roles: ['enseignant'],
      teaches: { codes: ['*'], classes: ['CE1'] },
    },
  ],
};

/** The named demo families and their children (placed first in their class). */
export const demoFamilies = [
  {
    login: 'famille.martin@demo.fr',
    civilite: 'Mme' as const,
    firstName: 'Anne',
    lastName: 'Martin',
    children: [
      { uai: college.uai, classCode: '3A', firstName: 'Lucas', lastName: 'Martin', sex: 'M' as const },
      { uai: ecole.uai, classCode: 'CE2-CM1', firstName: 'Emma', lastName: 'Martin', sex: 'F' as const },
    ],
  },
  {
    login: 'famille.bernard@demo.fr',
    civilite: 'M.' as const,
    firstName: 'Marc',
    lastName: 'Bernard',
    children: [
      { uai: college.uai, classCode: '3A', firstName: 'Chloé', lastName: 'Bernard', sex: 'F' as const },
    ],
  },
];

/** The accounts to print at start-up. */
export const demoAccounts: { login: string; role: string }[] = [
  { login: 'direction@college.demo', role: 'Chef d’établissement, Collège Jean Moulin' },
  { login: 'prof.maths@college.demo', role: 'Enseignant de mathématiques, professeur principal de 6e A' },
  { login: 'prof.francais@college.demo', role: 'Enseignante de français, professeure principale de 3e A' },
  { login: 'cpe@college.demo', role: 'Conseiller principal d’éducation' },
  { login: 'psyen@college.demo', role: 'Psychologue de l’Éducation nationale (lecture seule)' },
  { login: 'directeur@ecole.demo', role: 'Directeur, École élémentaire Jules Ferry' },
  { login: 'enseignant.ce2cm1@ecole.demo', role: 'Enseignante de la classe de CE2-CM1' },
  { login: 'famille.martin@demo.fr', role: 'Famille de Lucas (3e A) et Emma (CE2-CM1) MARTIN' },
  { login: 'famille.bernard@demo.fr', role: 'Famille de Chloé BERNARD (3e A)' },
];
