/**
 * The recto of the bilan périodique, «Suivi des acquis scolaires de l'élève»: one row per domaine d'enseignement
 * (école, sub-domaines grouped under their domaine) or discipline (collège, with its teachers), the program
 * elements, the appreciation and the positioning — an X on the objectives scale, or the student's mark and the
 * class average.
 */
import { type DisciplineRow, domaine1D, echelleObjectifs, type FrozenBilanPeriodique } from '@livret/domain';
import { estimatedHeight, groupRow, section, span, textCell, th } from '../blocks.js';
import type { ContentNode } from '../definition.js';
import { formatMark, frenchSpacing, teachersLine } from '../format.js';
import { periodiqueLabels as L } from '../labels.js';

const levels = [1, 2, 3, 4] as const;
/** Width of the content area of the A4 page (595 pt less the margins). */
const CONTENT_WIDTH = 539;

/** The positioning columns of the class setting, with their headers. */
function positioningColumns(bilan: FrozenBilanPeriodique): { widths: number[]; labels: string[] } {
  if (bilan.positioning === 'objectifs') {
    return { widths: [39, 39, 39, 39], labels: levels.map((l) => echelleObjectifs[l]) };
  }
  if (bilan.positioning === 'notes-avec-moyenne') {
    return { widths: [46, 46], labels: [L.moyenneEleve, L.moyenneClasse] };
  }
  return { widths: [50], labels: [L.moyenneEleve] };
}

function positioningCells(bilan: FrozenBilanPeriodique, row: DisciplineRow, count: number): ContentNode[] {
  const value = row.positionnement;
  const center = { alignment: 'center' };
  if (bilan.positioning === 'objectifs') {
    if (value === 'NE') return span({ text: 'Non évalué', italics: true, ...center }, count);
    return levels.map((level) => ({ text: value === level ? 'X' : '', bold: true, fontSize: 10, ...center }));
  }
  const mark =
    value === 'NE'
      ? { text: 'Non noté', italics: true, ...center }
      : { text: value === null ? '' : `${formatMark(value)}/20`, bold: true, ...center };
  if (count === 1) return [mark];
  const average = row.moyenneClasse;
  return [mark, { text: average == null ? '' : `${formatMark(average)}/20`, ...center }];
}

function labelCell(bilan: FrozenBilanPeriodique, row: DisciplineRow): ContentNode {
  if (bilan.school.kind === '1D') {
    return { text: domaine1D(row.code)?.libelle ?? row.label, bold: true };
  }
  const teachers = teachersLine(row.teachers);
  return {
    stack: [
      { text: row.label, bold: true },
      ...(teachers ? [{ text: teachers, italics: true, fontSize: 7, color: '#333' }] : []),
    ],
  };
}

function elementsCell(elements: readonly string[]): ContentNode {
  if (elements.length === 0) return textCell('');
  return { ul: elements.map(frenchSpacing), fontSize: 7, markerColor: '#555' };
}

/**
 * The section «Suivi des acquis scolaires de l'élève».
 * @example content.push(suiviAcquisSection(frozen))
 */
export function suiviAcquisSection(bilan: FrozenBilanPeriodique): ContentNode {
  const positioning = positioningColumns(bilan);
  const firstWidth = bilan.school.kind === '1D' ? 96 : 92;
  const textWidth = (CONTENT_WIDTH - firstWidth - positioning.widths.reduce((a, b) => a + b, 0)) / 2;
  const columns = 3 + positioning.widths.length;
  const tall = { rowSpan: 2 };
  const header: ContentNode[][] = [
    [
      th(bilan.school.kind === '1D' ? L.domaines : L.disciplines, tall),
      th(L.elements, tall),
      th(L.acquisitions, tall),
      ...span(th(L.positionnement), positioning.widths.length),
    ],
    [{}, {}, {}, ...positioning.labels.map((label) => th(label, { fontSize: 6 }))],
  ];
  const rows: ContentNode[][] = [];
  let parent: string | null = null;
  let tallest = 0;
  for (const row of bilan.disciplines) {
    const domaine = bilan.school.kind === '1D' ? domaine1D(row.code) : undefined;
    const group = domaine?.domaine ?? null;
    if (group && group !== parent) rows.push(groupRow(group, columns));
    parent = group;
    tallest = Math.max(
      tallest,
      estimatedHeight(row.elements.join('\n'), textWidth - 14, 7.5),
      estimatedHeight(row.appreciation, textWidth - 8),
    );
    rows.push([
      labelCell(bilan, row),
      elementsCell(row.elements),
      textCell(row.appreciation),
      ...positioningCells(bilan, row, positioning.widths.length),
    ]);
  }
  return section({
    heading: L.suiviAcquis,
    widths: [firstWidth, '*', '*', ...positioning.widths],
    header,
    rows,
    tallestRow: tallest,
  });
}
