/**
 * PDF of a frozen bilan périodique, rendered by pdfmake from the frozen JSON only (so it never changes).
 * A provisional, plain layout: the faithful official layout comes with packages/pdf. The metadata dates are
 * the frozen date, so the same frozen bilan always gives the same bytes.
 */
import { createRequire } from 'node:module';
import { type FrozenBilanPeriodique, FrozenBilanPeriodiqueSchema, positionnementLabel } from '@livret/domain';
import pdfmake from 'pdfmake';

const require = createRequire(import.meta.url);
const font = (file: string) => require.resolve(`pdfmake/fonts/Roboto/${file}`);

let configured = false;
function printer() {
  if (!configured) {
    pdfmake.setFonts({
      Roboto: {
        normal: font('Roboto-Regular.ttf'),
        bold: font('Roboto-Medium.ttf'),
        italics: font('Roboto-Italic.ttf'),
        bolditalics: font('Roboto-MediumItalic.ttf'),
      },
    });
    pdfmake.setUrlAccessPolicy(() => false); // frozen bilans never load anything from the network
    const fontsDir = font('Roboto-Regular.ttf').replace(/Roboto-Regular\.ttf$/, '');
    pdfmake.setLocalAccessPolicy((path) => path.startsWith(fontsDir)); // nor any file but the fonts
    configured = true;
  }
  return pdfmake;
}

/** Renders the PDF of a frozen bilan (validated again: only a real frozen bilan is printed). */
export async function renderBilanPdf(content: unknown, meta: { hash: string }): Promise<Buffer> {
  const bilan = FrozenBilanPeriodiqueSchema.parse(content);
  const doc = printer().createPdf(definition(bilan, meta.hash));
  return doc.getBuffer();
}

function definition(bilan: FrozenBilanPeriodique, hash: string) {
  const student = `${bilan.student.firstName} ${bilan.student.lastName.toUpperCase()}`;
  const frozenAt = new Date(bilan.frozenAt);
  const is1D = bilan.school.kind === '1D';
  const rows = bilan.disciplines.map((d) => [
    {
      text: [
        { text: d.label, bold: true },
        `\n${d.teachers.map((t) => `${t.civilite ?? ''} ${t.lastName}`.trim()).join(', ')}`,
      ],
      fontSize: 8,
    },
    { ul: d.elements, fontSize: 8 },
    { text: d.appreciation, fontSize: 8 },
    { text: positionnementLabel(d.positionnement, bilan.positioning), fontSize: 8, alignment: 'center' },
  ]);
  return {
    info: {
      title: `Bilan périodique — ${student} — ${bilan.period.label} ${bilan.millesime}-${bilan.millesime + 1}`,
      author: bilan.school.name,
      subject: `UAI ${bilan.school.uai} · version ${bilan.version} · sha256 ${hash}`,
      creator: 'Livret',
      producer: 'Livret',
      creationDate: frozenAt,
      modDate: frozenAt,
    },
    pageSize: 'A4',
    pageMargins: [36, 48, 36, 48],
    footer: (page: number, pages: number) => ({
      text: `${bilan.school.name} · ${student} · version ${bilan.version} · empreinte ${hash.slice(0, 16)} · page ${page}/${pages}`,
      fontSize: 7,
      color: '#555',
      alignment: 'center',
    }),
    content: [
      { text: bilan.school.name, style: 'school' },
      { text: `Bilan périodique — ${bilan.period.label}`, style: 'title' },
      {
        text: `${student} · ${bilan.class.label} · né(e) le ${bilan.student.birthDate.split('-').reverse().join('/')} · année ${bilan.millesime}-${bilan.millesime + 1}`,
        margin: [0, 0, 0, 10],
      },
      { text: 'Suivi des acquis scolaires de l’élève', style: 'heading' },
      {
        table: {
          headerRows: 1,
          widths: [90, '*', '*', 70],
          body: [
            [
              is1D ? 'Domaines d’enseignement' : 'Disciplines',
              'Principaux éléments du programme travaillés durant la période',
              'Acquisitions, progrès et difficultés éventuelles',
              'Positionnement',
            ].map((text) => ({ text, bold: true, fontSize: 8, fillColor: '#e8eef6' })),
            ...rows,
          ],
        },
      },
      {
        text: is1D
          ? 'Appréciation générale sur la progression de l’élève'
          : 'Synthèse de l’évolution des acquis scolaires et conseils pour progresser',
        style: 'heading',
      },
      { text: bilan.synthese },
      ...(bilan.vieScolaire
        ? [
            { text: 'Vie scolaire', style: 'heading' },
            {
              text: `Retards : ${bilan.vieScolaire.nbRetards} · Absences justifiées : ${bilan.vieScolaire.nbAbsJustifiees} · Absences non justifiées : ${bilan.vieScolaire.nbAbsInjustifiees}${bilan.vieScolaire.commentaire ? `\n${bilan.vieScolaire.commentaire}` : ''}`,
            },
          ]
        : []),
      { text: 'Communication avec la famille', style: 'heading' },
      {
        text: `Verrouillé le ${frozenAt.toLocaleDateString('fr-FR', { timeZone: 'Europe/Paris' })} par ${bilan.frozenBy.name}. Date, nom et signature des responsables légaux :`,
      },
    ],
    styles: {
      school: { fontSize: 10, color: '#333' },
      title: { fontSize: 16, bold: true, margin: [0, 4, 0, 4] },
      heading: { fontSize: 11, bold: true, margin: [0, 12, 0, 4] },
    },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
  };
}
