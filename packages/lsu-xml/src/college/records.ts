/**
 * The collège file (import-complet-strict v7.0, schemaVersion 2.0 to 7.0) declared element by element in the
 * XSD's order: entête, référentiels (responsables, élèves, périodes, disciplines, enseignants, éléments du
 * programme), collective data (compétences numériques, parcours, vie scolaire, EPI, AP), the bilans
 * périodiques and the bilans de fin de cycle. Each declaration reads and writes its element.
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
  type RecordOf,
  ref,
  string,
  text,
} from '../codec/codec.js';

export const Entete = element({
  editeur: text('editeur'),
  application: text('application'),
  appliVersion: text('appliVersion').optional(),
  etablissement: text('etablissement'),
});

export const ResponsableEtab = element({ id: id('responsable-etab'), libelle: attr('libelle', string) });

export const Eleve = element({
  id: id('eleve'),
  idBe: attr('id-be', integer),
  nom: attr('nom', string).optional(),
  prenom: attr('prenom', string).optional(),
  codeDivision: attr('code-division', string),
});

export const Periode = element({
  id: id('periode'),
  millesime: attr('millesime', string),
  indice: attr('indice', integer),
  nbPeriodes: attr('nb-periodes', integer),
});

export const Discipline = element({
  id: id('discipline'),
  code: attr('code', string),
  codeNational: attr('code-national', string).optional(),
  modaliteElection: attr('modalite-election', string),
  libelle: attr('libelle', string),
  idLv: attr('id-lv', string).optional(),
});

export const Enseignant = element({
  id: id('enseignant'),
  type: attr('type', string),
  idSts: attr('id-sts', integer),
  civilite: attr('civilite', string).optional(),
  nom: attr('nom', string).optional(),
  prenom: attr('prenom', string).optional(),
});

export const ElementProgramme = element({ id: id('element-programme'), libelle: attr('libelle', string) });

export const CompetencesNumeriquesCommun = element({
  id: id('competences-numeriques-commun'),
  codeStructure: attr('code-structure', string),
  typeStructure: attr('type-structure', string),
  appreciation: content,
});

export const Parcours = element({ code: attr('code', string), texte: content });

export const ParcoursCommun = element({
  periodeRef: ref('periode-ref', 'periode'),
  codeDivision: attr('code-division', string),
  parcours: items('parcours', Parcours),
});

export const VieScolaireCommun = element({
  periodeRef: ref('periode-ref', 'periode'),
  codeDivision: attr('code-division', string),
  commentaire: text('commentaire'),
});

export const EpiThematique = element({ code: attr('code', string), libelle: attr('libelle', string) });

export const Epi = element({
  id: id('epi'),
  intitule: attr('intitule', string),
  thematique: attr('thematique', string),
  disciplineRefs: ref('discipline-refs', 'discipline', 'many'),
  description: text('description').optional(),
});

export const EnseignantDiscipline = element({
  enseignantRef: ref('enseignant-ref', 'enseignant'),
  disciplineRef: ref('discipline-ref', 'discipline'),
});

export const EpiGroupe = element({
  id: id('epi-groupe'),
  epiRef: ref('epi-ref', 'epi'),
  intitule: attr('intitule', string),
  commentaire: text('commentaire').optional(),
  enseignantsDisciplines: container('enseignants-disciplines', 'enseignant-discipline', EnseignantDiscipline),
});

export const AccPerso = element({
  id: id('acc-perso'),
  intitule: attr('intitule', string),
  disciplineRefs: ref('discipline-refs', 'discipline', 'many'),
  description: text('description').optional(),
});

export const AccPersoGroupe = element({
  id: id('acc-perso-groupe'),
  accPersoRef: ref('acc-perso-ref', 'acc-perso'),
  intitule: attr('intitule', string),
  commentaire: text('commentaire').optional(),
  enseignantsDisciplines: container('enseignants-disciplines', 'enseignant-discipline', EnseignantDiscipline),
});

export const Acquis = element({
  disciplineRef: ref('discipline-ref', 'discipline'),
  enseignantRefs: ref('enseignant-refs', 'enseignant', 'many'),
  elementProgrammeRefs: ref('element-programme-refs', 'element-programme', 'many'),
  moyenneEleve: attr('moyenne-eleve', string).optional(),
  moyenneStructure: attr('moyenne-structure', string).optional(),
  eleveNonNote: attr('eleve-non-note', boolean).optional(),
  structureNonNotee: attr('structure-non-notee', boolean).optional(),
  positionnement: attr('positionnement', integer).optional(),
  appreciation: text('appreciation').optional(),
});

export const CompetenceNumerique = element({ code: attr('code', string), niveau: attr('niveau', integer) });

export const CompetencesNumeriques = element({
  communRefs: ref('comp-num-commun-refs', 'competences-numeriques-commun', 'many'),
  appreciation: text('appreciation-num').optional(),
  competences: items('competence-num', CompetenceNumerique),
});

export const EpiEleve = element({
  epiGroupeRef: ref('epi-groupe-ref', 'epi-groupe'),
  commentaire: text('commentaire').optional(),
});

export const AccPersoEleve = element({
  accPersoGroupeRef: ref('acc-perso-groupe-ref', 'acc-perso-groupe'),
  commentaire: text('commentaire').optional(),
});

export const ModaliteAccompagnement = element({
  code: attr('code', string),
  complementPpre: text('complement-ppre').optional(),
  complementContratReussite: text('complement-contrat-reussite').optional(),
});

export const VieScolaire = element({
  nbRetards: attr('nb-retards', integer),
  nbAbsJustifiees: attr('nb-abs-justifiees', integer),
  nbAbsInjustifiees: attr('nb-abs-injustifiees', integer),
  nbHeuresManquees: attr('nb-heures-manquees', integer).optional(),
  commentaire: text('commentaire').optional(),
});

export const DomaineSocle = element({
  code: attr('code', string),
  positionnement: attr('positionnement', integer),
});

export const Adresse = element({
  ligne1: attr('ligne1', string).optional(),
  ligne2: attr('ligne2', string).optional(),
  ligne3: attr('ligne3', string).optional(),
  ligne4: attr('ligne4', string).optional(),
  codePostal: attr('code-postal', string),
  commune: attr('commune', string),
});

export const Responsable = element({
  civilite: attr('civilite', string).optional(),
  nom: attr('nom', string).optional(),
  prenom: attr('prenom', string).optional(),
  legal1: attr('legal1', boolean).optional(),
  legal2: attr('legal2', boolean).optional(),
  lienParente: attr('lien-parente', string).optional(),
  denomination: attr('denomination', string).optional(),
  adresse: child('adresse', Adresse).optional(),
});

export const BilanPeriodique = element({
  eleveRef: ref('eleve-ref', 'eleve'),
  periodeRef: ref('periode-ref', 'periode'),
  dateConseilClasse: attr('date-conseil-classe', string),
  dateScolarite: attr('date-scolarite', string),
  dateVerrou: attr('date-verrou', string).optional(),
  responsableEtabRef: ref('responsable-etab-ref', 'responsable-etab'),
  profPrincRefs: ref('prof-princ-refs', 'enseignant', 'many'),
  acquis: container('liste-acquis', 'acquis', Acquis),
  competencesNumeriques: child('competences-numeriques', CompetencesNumeriques).optional(),
  episEleve: container('epis-eleve', 'epi-eleve', EpiEleve),
  accPersosEleve: container('acc-persos-eleve', 'acc-perso-eleve', AccPersoEleve),
  parcours: container('liste-parcours', 'parcours', Parcours),
  modalites: container('modalites-accompagnement', 'modalite-accompagnement', ModaliteAccompagnement),
  acquisConseils: text('acquis-conseils'),
  devoirsFaits: text('devoirs-faits').optional(),
  vieScolaire: child('vie-scolaire', VieScolaire),
  socle: container('socle', 'domaine', DomaineSocle),
  responsables: container('responsables', 'responsable', Responsable),
});

export const EnseignementComplement = element({
  code: attr('code', string),
  positionnement: attr('positionnement', integer).optional(),
});

export const LangueCultureRegionale = element({
  code: attr('code', string),
  positionnement: attr('positionnement', integer).optional(),
});

export const BilanCycle = element({
  eleveRef: ref('eleve-ref', 'eleve'),
  cycle: attr('cycle', integer),
  millesime: attr('millesime', string),
  dateCreation: attr('date-creation', string),
  dateVerrou: attr('date-verrou', string).optional(),
  responsableEtabRef: ref('responsable-etab-ref', 'responsable-etab'),
  profPrincRefs: ref('prof-princ-refs', 'enseignant', 'many'),
  socle: container('socle', 'domaine', DomaineSocle),
  synthese: text('synthese'),
  enseignementComplement: child('enseignement-complement', EnseignementComplement).optional(),
  responsables: container('responsables', 'responsable', Responsable),
  langueCultureRegionale: child('langue-culture-regionale', LangueCultureRegionale).optional(),
});

export const Donnees = element({
  responsablesEtab: container('responsables-etab', 'responsable-etab', ResponsableEtab),
  eleves: container('eleves', 'eleve', Eleve),
  periodes: container('periodes', 'periode', Periode),
  disciplines: container('disciplines', 'discipline', Discipline),
  enseignants: container('enseignants', 'enseignant', Enseignant),
  elementsProgramme: container('elements-programme', 'element-programme', ElementProgramme),
  competencesNumeriquesCommuns: container(
    'competences-numeriques-communs',
    'competences-numeriques-commun',
    CompetencesNumeriquesCommun,
  ),
  parcoursCommuns: container('parcours-communs', 'parcours-commun', ParcoursCommun),
  viesScolairesCommuns: container('vies-scolaires-communs', 'vie-scolaire-commun', VieScolaireCommun),
  episThematiques: container('epis-thematiques', 'epi-thematique', EpiThematique),
  epis: container('epis', 'epi', Epi),
  episGroupes: container('epis-groupes', 'epi-groupe', EpiGroupe),
  accPersos: container('acc-persos', 'acc-perso', AccPerso),
  accPersosGroupes: container('acc-persos-groupes', 'acc-perso-groupe', AccPersoGroupe),
  bilansPeriodiques: container('bilans-periodiques', 'bilan-periodique', BilanPeriodique),
  bilansCycle: container('bilans-cycle', 'bilan-cycle', BilanCycle),
});

type Of<C> = C extends Codec<infer T> ? T : never;
export type EnteteRecord = Of<typeof Entete>;
export type EleveRecord = Of<typeof Eleve>;
export type PeriodeRecord = Of<typeof Periode>;
export type DisciplineRecord = Of<typeof Discipline>;
export type EnseignantRecord = Of<typeof Enseignant>;
export type AcquisRecord = Of<typeof Acquis>;
export type BilanPeriodiqueRecord = Of<typeof BilanPeriodique>;
export type BilanCycleRecord = Of<typeof BilanCycle>;
export type DonneesRecord = Of<typeof Donnees>;

/** A whole collège file, as typed records. */
export interface CollegeFile {
  degre: '2D';
  schemaVersion: string;
  entete: EnteteRecord;
  donnees: DonneesRecord;
}

export type { RecordOf };
