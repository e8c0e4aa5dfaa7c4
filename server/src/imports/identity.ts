/**
 * Identity is checked, not trusted: a file's identifier (id-be, INE, id-sts) finds a person of the school, and
 * the names the file gives must then be that person's. Names are compared the way people write them differently
 * without meaning someone else: case, accents, ligatures, hyphens, apostrophes and spaces do not count, and a
 * compound name written in part («MARTIN» for «MARTIN-DUPONT», «Marie» for «Marie-Claire») still matches.
 */

/** A name reduced to its words: no case, no accents, ligatures spelled out, any punctuation a separator. */
export function nameWords(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

/**
 * Whether two spellings name the same person's (last or first) name: the same letters once separators are
 * dropped («D'ALMEIDA» = «Dalmeida», «Jean Pierre» = «Jean-Pierre»), or every word of one found in the other
 * (a compound name given in part).
 * @example sameName('Lemaître', 'LEMAITRE') // true
 */
export function sameName(a: string, b: string): boolean {
  const wa = nameWords(a);
  const wb = nameWords(b);
  if (wa.length === 0 || wb.length === 0) return true; // nothing to compare: the file gave no name
  if (wa.join('') === wb.join('')) return true;
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  return short.every((word) => long.includes(word));
}

/** A person as the report names them: «NOM Prénom», the way the LSU lists students. */
export const reportName = (person: { lastName: string; firstName: string }) =>
  [person.lastName.toUpperCase(), person.firstName].filter(Boolean).join(' ') || '(sans nom)';

/**
 * Whether the names a file gives for a person match the school's record of them; absent names (optional in
 * the format) are not a mismatch.
 */
export function samePerson(
  file: { lastName: string; firstName: string },
  school: { lastName: string; firstName: string },
): boolean {
  return sameName(file.lastName, school.lastName) && sameName(file.firstName, school.firstName);
}
