/**
 * How names, dates and years are written on a bilan. Dates are printed in Paris time whatever the machine's
 * zone, so the same frozen bilan prints the same text anywhere.
 */
import { type Person, parisDay, personName, type Teacher } from '@livret/domain';

/** A calendar date `2026-11-27` as `27/11/2026`. */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-');
  return `${day}/${month}/${year}`;
}

/** A date-time (ISO 8601) as its calendar day in Paris, `27/11/2026` (the domain's Paris day). */
export function formatParisDay(isoDateTime: string): string {
  return formatDate(parisDay(new Date(isoDateTime)));
}

/** The school year of a millésime: 2026 → `2026-2027`. */
export function schoolYear(millesime: number): string {
  return `${millesime}-${millesime + 1}`;
}

/** A student as printed: `Lucas MARTIN`. */
export function studentName(student: { firstName: string; lastName: string }): string {
  return personName(student);
}

/** A person of the school as printed: `Mme Claire LEMAÎTRE`. */
export function schoolPersonName(person: Person | Teacher): string {
  return personName(person, { civilite: true });
}

/** The teachers of a row, short: `Mme C. Lemaître, M. J. Perrot`. */
export function teachersLine(teachers: readonly Teacher[]): string {
  return teachers
    .map((t) =>
      [t.civilite, t.firstName ? `${t.firstName.charAt(0)}.` : '', t.lastName].filter(Boolean).join(' '),
    )
    .join(', ');
}

/** A mark out of 20 in French: 15.5 → `15,5`. */
export function formatMark(value: number): string {
  return String(value).replace('.', ',');
}

/** A file name for a student's bilan: `martin-lucas-trimestre-1.pdf`, ASCII only. */
export function fileNameOf(parts: readonly string[]): string {
  const slug = parts
    .join('-')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/gi, 'oe')
    .replace(/æ/gi, 'ae')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `${slug || 'bilan'}.pdf`;
}

/**
 * French spacing of a typed text: the space inside « » and before : ; ! ? becomes non-breaking, so a guillemet
 * or a colon is never alone at the start of a line.
 * @example frenchSpacing('« classiques »') // '«\u00a0classiques\u00a0»'
 */
export function frenchSpacing(text: string): string {
  return text.replace(/« /g, '«\u00a0').replace(/ ([»:;!?])/g, '\u00a0$1');
}
