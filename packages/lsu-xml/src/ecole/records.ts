/**
 * The école file (1st degree, livret-scolaire 1D schema, schemaVersion 1.0) declared element by element in the
 * XSD's order: entête, directeurs, classes, élèves, périodes, enseignants, éléments du programme, parcours
 * communs, bilans périodiques (acquis per domaine d'enseignement and sous-domaines) and bilans de fin de cycle 2.
 */
import {
  attr,
  boolean,
  type Codec,
  child,
  container,
  content,
  element,
  id,
  integer,
  items,
  ref,
  string,
  text,
} from '../codec/codec.js';

export const Entete = element({
  editeur: text('editeur'),
  application: text('application'),
  etablissement: text('etablissement'),
});

export const Directeur = element({
  id: id('directeur'),
  civilite: attr('civilite', string),
  nom: attr('nom', string),
  prenom: attr('prenom', string),
});

export const Classe = element({
  id: id('classe'),
  idBe: attr('id-be', integer),
  libelle: attr('libelle', string).optional(),
});

export const Eleve = element({
  id: id('eleve'),
  ine: attr('ine', string),
  classeRef: ref('classe-ref', 'classe'),
  nom: attr('nom', string).optional(),
  prenom: attr('prenom', string).optional(),
});

export const Periode = element({
  id: id('periode'),
  millesime: attr('millesime', string),
  indice: attr('indice', integer),
  nbPeriodes: attr('nb-periodes', integer),
  dateDebut: attr('date-debut', string),
  dateFin: attr('date-fin', string),
});

export const Enseignant = element({
  id: id('enseignant'),
  civilite: attr('civilite', string),
  nom: attr('nom', string),
  prenom: attr('prenom', string),
});

export const ElementProgramme = element({ id: id('element-programme'), libelle: attr('libelle', string) });

export const Parcours = element({ code: attr('code', string), texte: content });

export const ParcoursCommun = element({
  periodeRef: ref('periode-ref', 'periode'),
  classeRef: ref('classe-ref', 'classe'),
  parcours: items('parcours', Parcours),
});

export const SousDomaine = element({
  codeDomaine: attr('code-domaine', string),
  elementProgrammeRefs: ref('element-programme-refs', 'element-programme', 'many'),
  positionnement: attr('positionnement', integer).optional(),
  nonEvalue: attr('non-evalue', boolean).optional(),
});

export const Acquis = element({
  codeDomaine: attr('code-domaine', string),
  elementProgrammeRefs: ref('element-programme-refs', 'element-programme', 'many'),
  positionnement: attr('positionnement', integer).optional(),
  nonEvalue: attr('non-evalue', boolean).optional(),
  appreciation: text('appreciation').optional(),
  sousDomaines: container('sous-domaines', 'sous-domaine', SousDomaine),
});

export const ModaliteAccompagnement = element({
  code: attr('code', string),
  complementPpre: text('complement-ppre').optional(),
});

export const DomaineSocle = element({
  code: attr('code', string),
  positionnement: attr('positionnement', integer).optional(),
});

export const DomaineSocleCycle = element({
  code: attr('code', string),
  positionnement: attr('positionnement', integer),
});

export const Adresse = element({
  ligne1: attr('ligne1', string),
  ligne2: attr('ligne2', string).optional(),
  ligne3: attr('ligne3', string).optional(),
  ligne4: attr('ligne4', string).optional(),
  codePostal: attr('code-postal', string),
  commune: attr('commune', string),
});

export const Responsable = element({
  civilite: attr('civilite', string),
  nom: attr('nom', string),
  prenom: attr('prenom', string),
  lienParente: attr('lien-parente', string).optional(),
  adresse: child('adresse', Adresse).optional(),
});

export const BilanPeriodique = element({
  eleveRef: ref('eleve-ref', 'eleve'),
  periodeRef: ref('periode-ref', 'periode'),
  enseignantRefs: ref('enseignant-refs', 'enseignant', 'many'),
  dateCreation: attr('date-creation', string),
  dateScolarite: attr('date-scolarite', string),
  dateVerrou: attr('date-verrou', string),
  directeurRef: ref('directeur-ref', 'directeur'),
  acquis: container('liste-acquis', 'acquis', Acquis),
  parcours: container('liste-parcours', 'parcours', Parcours),
  modalites: container('modalites-accompagnement', 'modalite-accompagnement', ModaliteAccompagnement),
  appreciationGenerale: text('appreciation-generale'),
  socle: container('socle', 'domaine', DomaineSocle),
  responsables: container('responsables', 'responsable', Responsable),
});

export const BilanCycle = element({
  eleveRef: ref('eleve-ref', 'eleve'),
  cycle: attr('cycle', integer),
  millesime: attr('millesime', string),
  enseignantRefs: ref('enseignant-refs', 'enseignant', 'many'),
  dateCreation: attr('date-creation', string),
  dateVerrou: attr('date-verrou', string),
  directeurRef: ref('directeur-ref', 'directeur'),
  socle: container('socle', 'domaine', DomaineSocleCycle),
  synthese: text('synthese'),
  responsables: container('responsables', 'responsable', Responsable),
});

export const Donnees = element({
  directeurs: container('directeurs', 'directeur', Directeur),
  classes: container('classes', 'classe', Classe),
  eleves: container('eleves', 'eleve', Eleve),
  periodes: container('periodes', 'periode', Periode),
  enseignants: container('enseignants', 'enseignant', Enseignant),
  elementsProgramme: container('elements-programme', 'element-programme', ElementProgramme),
  parcoursCommuns: container('parcours-communs', 'parcours-commun', ParcoursCommun),
  bilansPeriodiques: container('bilans-periodiques', 'bilan-periodique', BilanPeriodique),
  bilansCycle: container('bilans-cycle', 'bilan-cycle', BilanCycle),
});

type Of<C> = C extends Codec<infer T> ? T : never;
export type EcoleEnteteRecord = Of<typeof Entete>;
export type EcoleAcquisRecord = Of<typeof Acquis>;
export type EcoleBilanPeriodiqueRecord = Of<typeof BilanPeriodique>;
export type EcoleBilanCycleRecord = Of<typeof BilanCycle>;
export type EcoleDonneesRecord = Of<typeof Donnees>;

/** A whole école file, as typed records. */
export interface EcoleFile {
  degre: '1D';
  schemaVersion: string;
  entete: EcoleEnteteRecord;
  donnees: EcoleDonneesRecord;
}
