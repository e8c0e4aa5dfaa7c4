/**
 * The top of the first page of every bilan: the school on the left, the school year on the right, the title of
 * the document, then the box of the student (name, birth date, class) and the people of the class.
 */
import type { FrozenBilanFinCycle, FrozenBilanPeriodique } from '@livret/domain';
import { palette } from '../blocks.js';
import type { ContentNode } from '../definition.js';
import { formatDate, schoolYear, studentName } from '../format.js';

export interface HeaderOptions {
  bilan: FrozenBilanPeriodique | FrozenBilanFinCycle;
  title: string;
  subtitle: string;
  /** Lines printed under the student's class (professeurs principaux, enseignants…). */
  lines: ContentNode[];
}

/** The heading block of a bilan. */
export function bilanHeader({ bilan, title, subtitle, lines }: HeaderOptions): ContentNode {
  const { school, student } = bilan;
  const born = student.sex === 'F' ? 'Née le' : 'Né le';
  return {
    stack: [
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: school.name, bold: true, fontSize: 10 },
              { text: `UAI ${school.uai} · Académie de ${school.academie}`, fontSize: 7.5, color: '#444' },
            ],
          },
          {
            width: 'auto',
            text: `Année scolaire ${schoolYear(bilan.millesime)}`,
            alignment: 'right',
            bold: true,
            fontSize: 9,
          },
        ],
      },
      {
        margin: [0, 8, 0, 6],
        stack: [
          { text: title, fontSize: 15, bold: true, color: palette.ink },
          { text: subtitle, fontSize: 8.5, color: '#333' },
        ],
      },
      {
        table: {
          widths: ['*', '*'],
          body: [
            [
              {
                stack: [
                  { text: studentName(student), fontSize: 12, bold: true },
                  { text: `${born} ${formatDate(student.birthDate)}`, margin: [0, 1, 0, 0] },
                ],
              },
              {
                stack: [
                  {
                    text: [
                      { text: 'Classe : ', bold: true },
                      bilan.class.label,
                      `   (niveau ${student.niveau})`,
                    ],
                  },
                  ...lines,
                ],
              },
            ],
          ],
        },
        layout: {
          hLineWidth: () => 0.8,
          vLineWidth: (i: number) => (i === 1 ? 0 : 0.8),
          hLineColor: () => palette.ink,
          vLineColor: () => palette.ink,
          paddingLeft: () => 6,
          paddingRight: () => 6,
          paddingTop: () => 4,
          paddingBottom: () => 4,
        },
        margin: [0, 0, 0, 10],
      },
    ],
  };
}
