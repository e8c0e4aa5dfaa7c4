/**
 * The end of the bilan périodique: «Bilan de l'acquisition des connaissances et compétences» (appréciation
 * générale in an école, synthèse and devoirs faits in a collège), «Vie scolaire» and «Communication avec la
 * famille» (visas in an école; conseil de classe, head and signature of the responsables légaux in a collège).
 */
import type { FrozenBilanPeriodique, Person } from '@livret/domain';
import { estimatedHeight, labelled, section, textCell, th } from '../blocks.js';
import type { ContentNode } from '../definition.js';
import { formatDate, formatParisDay, schoolPersonName } from '../format.js';
import { periodiqueLabels as L } from '../labels.js';

/** «Bilan de l'acquisition des connaissances et compétences». */
export function bilanAcquisitionSection(bilan: FrozenBilanPeriodique): ContentNode {
  const is1D = bilan.school.kind === '1D';
  const rows: ContentNode[][] = [
    [th(is1D ? L.appreciationGenerale : L.synthese, { alignment: 'left' })],
    [textCell(bilan.synthese, { margin: [0, 1, 0, 3] })],
  ];
  if (bilan.devoirsFaits)
    rows.push([th(L.devoirsFaits, { alignment: 'left' })], [textCell(bilan.devoirsFaits)]);
  return section({
    heading: L.bilanAcquisition,
    widths: ['*'],
    rows,
    tallestRow: estimatedHeight(bilan.synthese, 530),
  });
}

/** «Vie scolaire» (collège): the counts, the student's comment and the class's. */
export function vieScolaireSection(bilan: FrozenBilanPeriodique): ContentNode | null {
  const v = bilan.vieScolaire;
  if (!v) return null;
  const counts: ContentNode[] = [
    labelled('Retards', String(v.nbRetards)),
    labelled('Demi-journées d’absence justifiées', String(v.nbAbsJustifiees)),
    labelled('Demi-journées d’absence injustifiées', String(v.nbAbsInjustifiees)),
  ];
  if (v.nbHeuresManquees !== undefined)
    counts.push(labelled('Heures de cours manquées', String(v.nbHeuresManquees)));
  const rows: ContentNode[][] = [[{ columns: counts, columnGap: 8 }]];
  if (v.commentaire) rows.push([textCell(v.commentaire)]);
  if (v.commentaireCollectif) rows.push([labelled('Pour la classe', v.commentaireCollectif)]);
  return section({ heading: L.vieScolaire, widths: ['*'], rows });
}

const signatureSpace = { text: ' ', margin: [0, 0, 0, 34] };

/** «Le directeur», «La directrice» (or both when the civilité is unknown). */
function headTitle(head: Person): string {
  return head.civilite === 'Mme'
    ? 'La directrice'
    : head.civilite === 'M.'
      ? 'Le directeur'
      : 'Le directeur ou la directrice';
}

function names(people: readonly Person[]): string {
  return people.map(schoolPersonName).join(', ');
}

/** «Communication avec la famille»; a draft (preview) says it is not locked instead of when it was. */
export function communicationSection(
  bilan: FrozenBilanPeriodique,
  options: { draft?: boolean } = {},
): ContentNode {
  const { communication } = bilan;
  const locked = options.draft
    ? `Aperçu du ${formatParisDay(bilan.frozenAt)} : bilan non verrouillé, non publié.`
    : `Bilan verrouillé le ${formatParisDay(bilan.frozenAt)} par ${bilan.frozenBy.name}.`;
  const head = communication.responsableEtablissement;
  if (bilan.school.kind === '1D') {
    return section({
      heading: L.communication,
      widths: ['*', '*'],
      header: [[th(L.visaEnseignant), th(L.visaParents)]],
      rows: [
        [
          {
            stack: [
              { text: names(communication.enseignants) },
              ...(head ? [{ text: `${headTitle(head)} : ${schoolPersonName(head)}`, fontSize: 7 }] : []),
              { text: locked, fontSize: 7, color: '#444' },
              signatureSpace,
            ],
          },
          { stack: [{ text: 'Date et signature :', fontSize: 7 }, signatureSpace] },
        ],
      ],
    });
  }
  const left: ContentNode[] = [];
  if (bilan.dateConseil) left.push(labelled(L.dateConseil, formatDate(bilan.dateConseil)));
  if (head) left.push(labelled(L.responsable, schoolPersonName(head)));
  if (communication.professeursPrincipaux.length)
    left.push(labelled(L.professeursPrincipaux, names(communication.professeursPrincipaux)));
  left.push({ text: locked, fontSize: 7, color: '#444', margin: [0, 2, 0, 0] });
  left.push({ text: 'Signature :', fontSize: 7, margin: [0, 4, 0, 0] }, signatureSpace);
  return section({
    heading: L.communication,
    widths: ['*', '*'],
    rows: [[{ stack: left }, { stack: [{ text: L.signatureResponsables, bold: true }, signatureSpace] }]],
  });
}
