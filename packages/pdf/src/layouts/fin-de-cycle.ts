/**
 * The bilan de fin de cycle, from its frozen record (domain reference §5): the 8 composantes du socle on the 4
 * levels of mastery, the synthèse, and in cycle 4 the enseignement de complément and the langue et culture
 * régionale, then the signatures.
 */
import {
  echelleEnseignementComplement,
  echelleLangueRegionale,
  enseignementsComplement,
  type FrozenBilanFinCycle,
  languesRegionales,
} from '@livret/domain';
import { estimatedHeight, labelled, section, textCell } from '../blocks.js';
import type { Content, ContentNode } from '../definition.js';
import { formatParisDay, schoolPersonName, schoolYear } from '../format.js';
import { finDeCycleLabels as F, periodiqueLabels as L } from '../labels.js';
import { bilanHeader } from './header.js';
import { socleSection } from './socle-table.js';

const cycleNames = {
  2: 'Cycle 2 — cycle des apprentissages fondamentaux',
  3: 'Cycle 3 — cycle de consolidation',
  4: 'Cycle 4 — cycle des approfondissements',
} as const;

function cycle4Sections(bilan: FrozenBilanFinCycle): ContentNode[] {
  if (bilan.cycle !== 4) return [];
  const complement = bilan.enseignementComplement;
  const langue = bilan.langueRegionale;
  return [
    section({
      heading: F.enseignementComplement,
      widths: ['*'],
      rows: [
        [
          complement
            ? labelled(
                enseignementsComplement[complement.code],
                echelleEnseignementComplement[complement.niveau === 'depasse' ? 2 : 1],
              )
            : textCell('Aucun'),
        ],
      ],
    }),
    section({
      heading: F.langueRegionale,
      widths: ['*'],
      rows: [
        [
          langue
            ? labelled(
                languesRegionales[langue.code],
                echelleLangueRegionale[langue.niveau === 'atteint' ? 2 : 1],
              )
            : textCell('Aucune'),
        ],
      ],
    }),
  ];
}

function signatures(bilan: FrozenBilanFinCycle): ContentNode {
  const left: ContentNode[] = [];
  if (bilan.responsableEtablissement)
    left.push(labelled(L.responsable, schoolPersonName(bilan.responsableEtablissement)));
  if (bilan.professeursPrincipaux?.length)
    left.push(
      labelled(L.professeursPrincipaux, bilan.professeursPrincipaux.map(schoolPersonName).join(', ')),
    );
  left.push({
    text: `Bilan verrouillé le ${formatParisDay(bilan.frozenAt)} par ${bilan.frozenBy.name}.`,
    fontSize: 7,
    color: '#444',
  });
  const space = { text: ' ', margin: [0, 0, 0, 34] };
  return section({
    heading: L.communication,
    widths: ['*', '*'],
    rows: [[{ stack: [...left, space] }, { stack: [{ text: L.signatureResponsables, bold: true }, space] }]],
  });
}

/**
 * The content of a bilan de fin de cycle (no page settings: the document wraps it).
 * @example const content = bilanFinCycleContent(frozen);
 */
export function bilanFinCycleContent(bilan: FrozenBilanFinCycle): Content[] {
  return [
    bilanHeader({
      bilan,
      title: `${F.title} ${bilan.cycle}`,
      subtitle: `${cycleNames[bilan.cycle]} · année scolaire ${schoolYear(bilan.millesime)}`,
      lines: [],
    }),
    socleSection(`${F.socle} ${bilan.cycle}`, bilan.socle, F.composantes),
    section({
      heading: F.synthese,
      widths: ['*'],
      rows: [[textCell(bilan.synthese)]],
      tallestRow: estimatedHeight(bilan.synthese, 530),
    }),
    ...cycle4Sections(bilan),
    signatures(bilan),
  ];
}
