/**
 * The LSU's length limits, checked on an imported bilan before anything is written, in characters (code points)
 * as the official checker counts them. A value over its limit rejects its bilan with a French reason naming the
 * student and the field, instead of failing the whole import on the first helper that refuses it.
 */
import { limits, syntheseLimit, textLength } from '@livret/domain/doc';
import type { ImportedBilan } from '@livret/lsu-xml';
import { reportName } from './identity.js';

/** The limit of each free text, as the domain and the XSD state them. */
const MAX = { comment: 600, intitule: 150 } as const;

/**
 * Why a bilan cannot be taken as it is: one French reason per text over its limit (empty when all fit).
 * @example overLimit(bilan, '2D') // ['MARTIN Lucas — synthèse : 1004 caractères (1000 au plus).']
 */
export function overLimit(bilan: ImportedBilan, kind: '1D' | '2D'): string[] {
  const reasons: string[] = [];
  const who = reportName(bilan.student);
  const check = (field: string, value: string | null | undefined, max: number) => {
    if (!value) return;
    const length = textLength(value.trim());
    if (length > max) reasons.push(`${who} — ${field} : ${length} caractères (${max} au plus).`);
  };
  check('synthèse', bilan.synthese, syntheseLimit(kind));
  if (bilan.kind === 'fin-de-cycle') return reasons;
  for (const row of bilan.rows) {
    check(`appréciation en ${row.label}`, row.appreciation, limits.appreciation);
    for (const element of row.elements) {
      check(`élément du programme en ${row.label}`, element, limits.programElement);
    }
  }
  check('devoirs faits', bilan.devoirsFaits, MAX.comment);
  check('commentaire de vie scolaire', bilan.vieScolaire?.commentaire, limits.vieScolaireCommentaire);
  check('commentaire collectif de vie scolaire', bilan.vieScolaire?.commentaireCollectif, MAX.comment);
  for (const epi of bilan.epi) {
    check(`intitulé de l’EPI « ${epi.intitule} »`, epi.intitule, MAX.intitule);
    check(`description de l’EPI « ${epi.intitule} »`, epi.description, MAX.comment);
    check(`commentaire de l’EPI « ${epi.intitule} »`, epi.commentaire, MAX.comment);
  }
  for (const ap of bilan.ap) {
    check(`intitulé de l’AP « ${ap.intitule} »`, ap.intitule, MAX.intitule);
    check(`description de l’AP « ${ap.intitule} »`, ap.description, MAX.comment);
    check(`commentaire de l’AP « ${ap.intitule} »`, ap.commentaire, MAX.comment);
  }
  for (const parcours of bilan.parcours) {
    check(`projet du parcours ${parcours.code}`, parcours.projet, MAX.comment);
    check(`commentaire du parcours ${parcours.code}`, parcours.commentaire, MAX.comment);
  }
  for (const modalite of bilan.modalites) {
    check(`complément de la modalité ${modalite.code}`, modalite.complement, MAX.comment);
  }
  const cn = bilan.competencesNumeriques;
  check('appréciation des compétences numériques', cn?.appreciation, MAX.comment);
  check('appréciation collective des compétences numériques', cn?.appreciationCollective, MAX.comment);
  return reasons;
}

const SECTIONS: Record<string, string> = {
  disciplines: 'suivi des acquis',
  epi: 'EPI',
  ap: 'accompagnement personnalisé',
  parcours: 'parcours éducatifs',
  modalites: 'modalités d’accompagnement',
  competencesNumeriques: 'compétences numériques',
  vieScolaire: 'vie scolaire',
  communication: 'communication avec la famille',
  socle: 'socle',
  enseignementComplement: 'enseignement de complément',
  langueRegionale: 'langue régionale',
  responsableEtablissement: 'chef d’établissement',
  professeursPrincipaux: 'professeurs principaux',
};
const FIELDS: Record<string, string> = {
  appreciation: 'appréciation',
  elements: 'éléments du programme',
  positionnement: 'positionnement',
  moyenneClasse: 'moyenne de la classe',
  teachers: 'enseignants',
  synthese: 'synthèse',
  devoirsFaits: 'devoirs faits',
  commentaire: 'commentaire',
  commentaireCollectif: 'commentaire collectif',
  description: 'description',
  intitule: 'intitulé',
  projet: 'projet',
  complement: 'complément',
  lastName: 'nom',
  firstName: 'prénom',
  dateConseil: 'date du conseil de classe',
  dateScolarite: 'date de scolarité',
};

/**
 * A field of a frozen bilan, named for the team from its schema path: `disciplines.2.appreciation` with the
 * rows' labels → «suivi des acquis, Mathématiques : appréciation».
 * @example fieldOfPath(['synthese'], []) // 'synthèse'
 */
export function fieldOfPath(path: readonly PropertyKey[], rowLabels: readonly string[]): string {
  const [head, index, ...rest] = path.map(String);
  const last = path.map(String).findLast((step) => Number.isNaN(Number(step))) ?? '';
  if (head === undefined) return 'contenu';
  if (SECTIONS[head] === undefined) return FIELDS[head] ?? head;
  const where = head === 'disciplines' && index !== undefined ? `, ${rowLabels[Number(index)] ?? ''}` : '';
  const field = rest.length > 0 || Number.isNaN(Number(index)) ? ` : ${FIELDS[last] ?? last}` : '';
  return `${SECTIONS[head]}${where}${field}`;
}
