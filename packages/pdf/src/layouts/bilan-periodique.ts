/**
 * The bilan périodique of an école or a collège, from its frozen record: the heading block, the recto «Suivi des
 * acquis scolaires de l'élève», then on a new page the verso in the official order (domain reference §4).
 */
import type { FrozenBilanPeriodique } from '@livret/domain';
import type { Content, ContentNode } from '../definition.js';
import { formatDate, schoolPersonName, schoolYear } from '../format.js';
import { periodiqueLabels as L } from '../labels.js';
import { bilanAcquisitionSection, communicationSection, vieScolaireSection } from './closing.js';
import { bilanHeader } from './header.js';
import { suiviAcquisSection } from './recto.js';
import { socleSection } from './socle-table.js';
import {
  apSection,
  competencesNumeriquesSection,
  epiSection,
  modalitesSection,
  parcoursSection,
} from './verso.js';

function headerLines(bilan: FrozenBilanPeriodique): ContentNode[] {
  const { communication } = bilan;
  const lines: ContentNode[] = [];
  const people =
    bilan.school.kind === '1D'
      ? { label: 'Enseignant(e)(s)', list: communication.enseignants }
      : { label: L.professeursPrincipaux, list: communication.professeursPrincipaux };
  if (people.list.length)
    lines.push({
      text: [{ text: `${people.label} : `, bold: true }, people.list.map(schoolPersonName).join(', ')],
    });
  if (bilan.dateScolarite)
    lines.push({ text: `Date de scolarité : ${formatDate(bilan.dateScolarite)}`, fontSize: 7.5 });
  return lines;
}

/**
 * The content of a bilan périodique (no page settings: the document wraps it); `draft` for a preview, whose
 * closing says the bilan is not locked.
 * @example const content = bilanPeriodiqueContent(frozen);
 */
export function bilanPeriodiqueContent(
  bilan: FrozenBilanPeriodique,
  options: { draft?: boolean } = {},
): Content[] {
  const { period } = bilan;
  const verso = [
    epiSection(bilan),
    apSection(bilan),
    parcoursSection(bilan),
    modalitesSection(bilan),
    competencesNumeriquesSection(bilan),
    bilanAcquisitionSection(bilan),
    vieScolaireSection(bilan),
    bilan.socle ? socleSection(L.socle, bilan.socle, 'Composantes du socle') : null,
    communicationSection(bilan, options),
  ].filter((part): part is ContentNode => part !== null);
  // The verso starts on a page of its own, as on the printed recto-verso sheet.
  verso[0] = { ...verso[0], pageBreak: 'before' };
  return [
    bilanHeader({
      bilan,
      title: `${L.title} — ${period.label}`,
      subtitle: `Période ${period.indice} sur ${period.count}, du ${formatDate(period.startsOn)} au ${formatDate(period.endsOn)} · année scolaire ${schoolYear(bilan.millesime)}`,
      lines: headerLines(bilan),
    }),
    suiviAcquisSection(bilan),
    ...verso,
  ];
}
