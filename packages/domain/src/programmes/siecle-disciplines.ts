/**
 * Collège disciplines → the keys of suggestions.json. A discipline is found by its SIECLE subject code (only
 * codes seen in the official sample `sample-bilan-complet.xml` are listed: 020700 Français, 030201 Anglais
 * LV1, 042100 Histoire-Géographie, 061300 Mathématiques, 062300 Physique-Chimie, 062900 SVT, 070800
 * Technologie, 081300 Éducation musicale, 090100 Arts plastiques, 100100 EPS — national code of the sample's
 * local 100A00) or else by its label, compared without case, accents or punctuation, with common aliases
 * (any language name → Langues vivantes, «Sciences de la vie et de la Terre» → SVT, …).
 */

/** The collège keys of suggestions.json. */
export const collegeSuggestionKeys = [
  'Français',
  'Mathématiques',
  'Histoire-géographie',
  'Sciences et technologie',
  'Physique-chimie',
  'SVT',
  'Technologie',
  'Langues vivantes',
  'EPS',
  'Arts plastiques',
  'Éducation musicale',
  'Histoire des arts',
  'EMC',
  'EMI',
] as const;
/** A collège key of suggestions.json. */
export type CollegeSuggestionKey = (typeof collegeSuggestionKeys)[number];

/** SIECLE subject code → suggestions key (codes checked against the official sample). */
export const suggestionKeyBySiecleCode: Record<string, CollegeSuggestionKey> = {
  '020700': 'Français',
  '030201': 'Langues vivantes',
  '042100': 'Histoire-géographie',
  '061300': 'Mathématiques',
  '062300': 'Physique-chimie',
  '062900': 'SVT',
  '070800': 'Technologie',
  '081300': 'Éducation musicale',
  '090100': 'Arts plastiques',
  '100100': 'EPS',
};

/** Lower case, no accents, letters and digits only: 'Histoire-Géographie' → 'histoiregeographie'. */
function normalise(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/[^a-z0-9]/g, '');
}

const languages = [
  'anglais',
  'allemand',
  'espagnol',
  'italien',
  'portugais',
  'arabe',
  'chinois',
  'russe',
  'neerlandais',
  'hebreu',
  'japonais',
  'turc',
  'languevivante',
  'languesvivantes',
  'lva',
  'lvb',
  'lv1',
  'lv2',
];

const aliases: Record<string, CollegeSuggestionKey> = {
  sciencesdelavieetdelaterre: 'SVT',
  educationphysiqueetsportive: 'EPS',
  enseignementmoraletcivique: 'EMC',
  educationauxmediasetalinformation: 'EMI',
  histoireetgeographie: 'Histoire-géographie',
  histoiregeographieemc: 'Histoire-géographie',
  sciencesphysiques: 'Physique-chimie',
  sciencesphysiquesetchimiques: 'Physique-chimie',
  musique: 'Éducation musicale',
  artsplastique: 'Arts plastiques',
  math: 'Mathématiques',
  maths: 'Mathématiques',
};

/**
 * The suggestions key of a collège discipline given by SIECLE code, file key or label; undefined when none fits.
 * @example collegeSuggestionKey('061300') // 'Mathématiques'
 * @example collegeSuggestionKey('Anglais (LV1)') // 'Langues vivantes'
 */
export function collegeSuggestionKey(codeOrLabel: string): CollegeSuggestionKey | undefined {
  const byCode = suggestionKeyBySiecleCode[codeOrLabel.trim()];
  if (byCode) return byCode;
  const wanted = normalise(codeOrLabel);
  if (!wanted) return undefined;
  const direct = collegeSuggestionKeys.find((key) => normalise(key) === wanted);
  if (direct) return direct;
  if (aliases[wanted]) return aliases[wanted];
  if (languages.some((language) => wanted.startsWith(language))) return 'Langues vivantes';
  return undefined;
}
