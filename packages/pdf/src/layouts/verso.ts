/**
 * The verso of the bilan périodique, in the official order: EPI, AP, parcours éducatifs, modalités spécifiques
 * d'accompagnement, compétences numériques. A section with nothing to say is left out (no EPI outside cycle 4,
 * no modalité for most students).
 */
import {
  type CodeCompetenceNumerique,
  competencesNumeriques,
  domaineOfCompetence,
  domainesCompetencesNumeriques,
  type FrozenBilanPeriodique,
  modalitesAccompagnement,
  niveauxCompetenceNumerique,
  parcours,
  thematiquesEpi,
} from '@livret/domain';
import { estimatedHeight, groupRow, section, span, textCell, th } from '../blocks.js';
import type { ContentNode } from '../definition.js';
import { periodiqueLabels as L } from '../labels.js';

const implication = "Implication de l'élève";
/** Width of each text column of a three-column project section (539 pt less the first column, halved). */
const PROJECT_TEXT_WIDTH = 200;

function tallest(...texts: (string | undefined)[]): number {
  return Math.max(0, ...texts.map((t) => estimatedHeight(t ?? '', PROJECT_TEXT_WIDTH)));
}

function projectSection(heading: string, first: string, second: string, rows: ContentNode[][], tall: number) {
  return section({
    heading,
    widths: [135, '*', '*'],
    header: [[th(first, { alignment: 'left' }), th(second), th(implication)]],
    rows,
    tallestRow: tall,
  });
}

/** «Enseignements pratiques interdisciplinaires (EPI)», when the student took part in one. */
export function epiSection(bilan: FrozenBilanPeriodique): ContentNode | null {
  if (bilan.epi.length === 0) return null;
  const rows = bilan.epi.map((epi) => [
    {
      stack: [
        {
          text:
            thematiquesEpi[epi.thematique as keyof typeof thematiquesEpi] ??
            epi.thematiqueLibelle ??
            epi.thematique,
          bold: true,
        },
        { text: epi.intitule, margin: [0, 1, 0, 1] },
        { text: epi.disciplines.join(', '), italics: true, fontSize: 7, color: '#333' },
      ],
    },
    textCell(epi.description),
    textCell(epi.commentaire),
  ]);
  const tall = tallest(...bilan.epi.flatMap((e) => [e.description, e.commentaire]));
  return projectSection(L.epi, 'Thématique, intitulé et disciplines', 'Projet réalisé', rows, tall);
}

/** «Accompagnement personnalisé (AP)», when there is one. */
export function apSection(bilan: FrozenBilanPeriodique): ContentNode | null {
  if (bilan.ap.length === 0) return null;
  const rows = bilan.ap.map((ap) => [
    {
      stack: [
        { text: ap.intitule, bold: true },
        { text: ap.disciplines.join(', '), italics: true, fontSize: 7, color: '#333' },
      ],
    },
    textCell(ap.description),
    textCell(ap.commentaire),
  ]);
  const tall = tallest(...bilan.ap.flatMap((a) => [a.description, a.commentaire]));
  return projectSection(L.ap, 'Intitulé et disciplines', 'Action réalisée', rows, tall);
}

/** «Parcours éducatifs»: the class's project of the period and the student's own part. */
export function parcoursSection(bilan: FrozenBilanPeriodique): ContentNode | null {
  if (bilan.parcours.length === 0) return null;
  const rows = bilan.parcours.map((p) => [
    { text: parcours[p.code], bold: true },
    textCell(p.projet),
    textCell(p.commentaire),
  ]);
  const tall = tallest(...bilan.parcours.flatMap((p) => [p.projet, p.commentaire]));
  return projectSection(L.parcours, 'Parcours', 'Projet mis en œuvre', rows, tall);
}

/** «Modalités spécifiques d'accompagnement»: each one the student has, with its complement (PPRE, CTR). */
export function modalitesSection(bilan: FrozenBilanPeriodique): ContentNode | null {
  if (bilan.modalites.length === 0) return null;
  const rows = bilan.modalites.map((m) => [
    { text: [{ text: `${m.code} `, bold: true }, `– ${modalitesAccompagnement[m.code].label}`] },
    textCell(m.complement),
  ]);
  return section({
    heading: L.modalites,
    widths: [220, '*'],
    header: [[th('Modalité', { alignment: 'left' }), th('Précisions')]],
    rows,
  });
}

/** «Compétences numériques»: the appreciations and the student's level (1–3) per competence, by domaine. */
export function competencesNumeriquesSection(bilan: FrozenBilanPeriodique): ContentNode | null {
  const cn = bilan.competencesNumeriques;
  if (!cn) return null;
  const rows: ContentNode[][] = [];
  if (cn.appreciationCollective)
    rows.push(
      span({ text: [{ text: 'Appréciation de la classe : ', bold: true }, cn.appreciationCollective] }, 4),
    );
  if (cn.appreciation)
    rows.push(span({ text: [{ text: "Appréciation de l'élève : ", bold: true }, cn.appreciation] }, 4));
  const codes = (Object.keys(competencesNumeriques) as CodeCompetenceNumerique[]).filter(
    (code) => cn.niveaux[code] !== undefined,
  );
  let domaine = '';
  for (const code of codes) {
    const d = domaineOfCompetence(code);
    if (d !== domaine) rows.push(groupRow(domainesCompetencesNumeriques[d], 4));
    domaine = d;
    rows.push([
      { text: competencesNumeriques[code], margin: [6, 0, 0, 0] },
      ...niveauxCompetenceNumerique.map((n) => ({
        text: cn.niveaux[code] === n ? 'X' : '',
        bold: true,
        alignment: 'center',
      })),
    ]);
  }
  if (rows.length === 0) return null;
  return section({
    heading: L.competencesNumeriques,
    widths: ['*', 50, 50, 50],
    header: codes.length
      ? [
          [
            th('Compétence', { alignment: 'left' }),
            ...niveauxCompetenceNumerique.map((n) => th(`Niveau ${n}`)),
          ],
        ]
      : [],
    rows,
  });
}
