/**
 * The table of the 8 composantes du socle on the 4 levels of mastery, shared by the bilan de fin de cycle and the
 * periodic bilans of the classes that show the socle. The four «Comprendre, s'exprimer…» composantes are grouped
 * under their domaine, as on the official document.
 */
import {
  type ComposanteSocle,
  composantesSocle,
  composantesSocleCodes,
  domaineSocleOf,
  echelleMaitrise,
} from '@livret/domain';
import { groupRow, section, span, th } from '../blocks.js';
import type { ContentNode } from '../definition.js';
import { domaineLangages } from '../labels.js';

const levels = [1, 2, 3, 4] as const;

/** The section of the socle: one row per composante, an X under its level, «Dispensé» across the levels. */
export function socleSection(
  heading: string,
  socle: Record<ComposanteSocle, number>,
  firstColumn: string,
): ContentNode {
  const rows: ContentNode[][] = [];
  let inLangages = false;
  for (const code of composantesSocleCodes) {
    const grouped = domaineSocleOf[code] === 1;
    if (grouped && !inLangages) rows.push(groupRow(domaineLangages, 5));
    inLangages = grouped;
    const value = socle[code];
    const label = { text: composantesSocle[code], margin: grouped ? [6, 0, 0, 0] : [0, 0, 0, 0] };
    const marks =
      value === 0
        ? span({ text: echelleMaitrise[0], alignment: 'center', italics: true }, 4)
        : levels.map((level) => ({
            text: level === value ? 'X' : '',
            bold: true,
            fontSize: 10,
            alignment: 'center',
          }));
    rows.push([label, ...marks]);
  }
  return section({
    heading,
    widths: ['*', 58, 58, 58, 58],
    header: [[th(firstColumn, { alignment: 'left' }), ...levels.map((level) => th(echelleMaitrise[level]))]],
    rows,
  });
}
