/**
 * The building blocks of every layout: the grid of the tables and the section, a table whose first row is the
 * section's heading band. Header rows repeat on each page and stay with the first row of the body, so a heading
 * is never left alone at the foot of a page; rows are kept whole unless one of them could be taller than a page.
 */
import type { Content, ContentNode } from './definition.js';
import { frenchSpacing } from './format.js';

/** Colours of the printed bilan (sober, legible in black and white). */
export const palette = {
  ink: '#1f3c66',
  band: '#dce5f0',
  header: '#eef2f7',
  group: '#f5f7fa',
  rule: '#7d8a99',
} as const;

/** The table layout of every section: thin rules, compact padding. */
export const gridLayout = {
  hLineWidth: () => 0.5,
  vLineWidth: () => 0.5,
  hLineColor: () => palette.rule,
  vLineColor: () => palette.rule,
  paddingLeft: () => 4,
  paddingRight: () => 4,
  paddingTop: () => 2,
  paddingBottom: () => 2,
};

/** A cell spanning `count` columns, followed by the empty placeholders pdfmake expects. */
export function span(cell: ContentNode, count: number): ContentNode[] {
  return [{ ...cell, colSpan: count }, ...Array.from({ length: count - 1 }, () => ({}))];
}

/** A column header cell. */
export function th(text: string, extra: ContentNode = {}): ContentNode {
  return { text, bold: true, fontSize: 7.5, alignment: 'center', fillColor: palette.header, ...extra };
}

/** A group row (a parent domaine, a domaine du socle) across the whole table. */
export function groupRow(text: string, columns: number): ContentNode[] {
  return span({ text, bold: true, fillColor: palette.group }, columns);
}

/** A cell of typed text (French spacing applied); an empty text keeps the cell's height. */
export function textCell(text: string | undefined | null, extra: ContentNode = {}): ContentNode {
  return { text: frenchSpacing(text ?? ''), ...extra };
}

/** A label and its value on one line: «Retards : 2». */
export function labelled(label: string, value: string): ContentNode {
  return { text: [{ text: `${label} : `, bold: true }, value] };
}

/** Rough height, in points, of a text set in a column of this width (8 pt type, line height 1.1). */
export function estimatedHeight(text: string, width: number, fontSize = 8): number {
  const perLine = Math.max(1, Math.floor(width / (fontSize * 0.5)));
  const lines = text
    .split('\n')
    .reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
  return lines * fontSize * 1.25;
}

/** Taller than this, a row may break across pages (a row kept whole must fit on one page). */
const TALL_ROW = 420;

export interface SectionOptions {
  heading: string;
  widths: (number | string)[];
  /** Column headers, below the heading band (repeated on each page with it). */
  header?: ContentNode[][];
  rows: ContentNode[][];
  /** Estimated height of the tallest row: above a third of a page, rows may break across pages. */
  tallestRow?: number;
  /** Starts the section on a new page (the verso of the bilan). */
  pageBreakBefore?: boolean;
}

/**
 * A section of the bilan: a table whose first row is the heading band.
 * @example section({ heading: 'Vie scolaire', widths: ['*'], rows: [[textCell('Retards : 2')]] })
 */
export function section(options: SectionOptions): ContentNode {
  const columns = options.widths.length;
  const header = options.header ?? [];
  const band = span(
    { text: options.heading, bold: true, fontSize: 9.5, color: palette.ink, fillColor: palette.band },
    columns,
  );
  return {
    table: {
      widths: options.widths,
      headerRows: 1 + header.length,
      keepWithHeaderRows: 1,
      dontBreakRows: (options.tallestRow ?? 0) < TALL_ROW,
      body: [band, ...header, ...options.rows],
    },
    layout: gridLayout,
    margin: [0, 0, 0, 8],
    ...(options.pageBreakBefore ? { pageBreak: 'before' } : {}),
  };
}

/** Several contents as one stack (skips the absent ones). */
export function stack(...parts: (Content | null | undefined | false)[]): ContentNode {
  return { stack: parts.filter((p): p is Content => Boolean(p)) };
}
