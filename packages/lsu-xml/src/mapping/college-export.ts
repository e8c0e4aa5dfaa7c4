/**
 * Frozen bilans of a collège → an LSU file (import-complet-strict v7.0). Shared things (periods, disciplines,
 * teachers, program elements, collective parcours, vie scolaire and compétences numériques, EPI and AP) are
 * written once and referenced by ID, as the format wants. A bilan the format cannot carry (a student without
 * an identifier in the base élèves, an empty synthèse) is left out with a French warning, never half-written.
 */
import {
  composantesSocleCodes,
  type FrozenBilanFinCycle,
  type FrozenBilanPeriodique,
  type Person,
  parisDay,
  type Teacher,
} from '@livret/domain';
import type {
  BilanCycleRecord,
  BilanPeriodiqueRecord,
  CollegeFile,
  DonneesRecord,
} from '../college/records.js';
import { civiliteToXml, HEAD_WITHOUT_NAME, personLabel } from './imported-bilan.js';

type Donnees = DonneesRecord;
type Row = FrozenBilanPeriodique['disciplines'][number];

export interface CollegeExportInput {
  uai: string;
  /** Identifier of each student in the base élèves (`id-be`), when known. */
  idBe: (studentId: string) => number | undefined;
  /** STS-Web identifier of each teacher (`id-sts`), when known. */
  idSts: (teacherId: string) => number | undefined;
  bilans: readonly FrozenBilanPeriodique[];
  cycles: readonly FrozenBilanFinCycle[];
  application?: { editeur: string; application: string; appliVersion?: string };
}

/** A mark as the format writes it: `15.5/20`. */
export const markToXml = (value: number) => `${value}/20`;

/** A stable positive number for a teacher the STS-Web does not know (written with type «local»). */
function localNumber(key: string): number {
  let hash = 0;
  for (let i = 0; i < key.length; i++) hash = (hash * 31 + key.charCodeAt(i)) % 2_000_000_000;
  return hash + 1;
}

const nonBlank = (text: string | null | undefined): text is string => !!text && text.trim().length > 0;

/**
 * Builds the LSU file of a collège's frozen bilans (periodic and de fin de cycle).
 * @example const { file, warnings } = collegeFileFromFrozen({ uai, idBe, idSts, bilans, cycles: [] });
 */
export function collegeFileFromFrozen(input: CollegeExportInput): { file: CollegeFile; warnings: string[] } {
  const warnings: string[] = [];
  const w = writerOf(input);
  for (const bilan of input.bilans) {
    const record = bilanPeriodiqueRecord(w, bilan, warnings);
    if (record) w.d.bilansPeriodiques.push(record);
  }
  writeCollectives(w);
  for (const cycle of input.cycles) {
    const record = bilanCycleRecord(w, cycle, warnings);
    if (record) w.d.bilansCycle.push(record);
  }
  const application = input.application ?? { editeur: 'Livret', application: 'Livret' };
  return {
    file: {
      degre: '2D',
      schemaVersion: '7.0',
      entete: { ...application, etablissement: input.uai },
      donnees: w.d,
    },
    warnings,
  };
}

/**
 * The file being written: its lists, and for each shared element (head, student, period, discipline, teacher,
 * program element) the function that writes it once and answers its ID.
 */
function writerOf(input: CollegeExportInput) {
  const d: Donnees = {
    responsablesEtab: [],
    eleves: [],
    periodes: [],
    disciplines: [],
    enseignants: [],
    elementsProgramme: [],
    competencesNumeriquesCommuns: [],
    parcoursCommuns: [],
    viesScolairesCommuns: [],
    episThematiques: [],
    epis: [],
    episGroupes: [],
    accPersos: [],
    accPersosGroupes: [],
    bilansPeriodiques: [],
    bilansCycle: [],
  };
  const once = <T>(
    map: Map<string, string>,
    key: string,
    make: (id: string) => T,
    list: T[],
    prefix: string,
  ) => {
    let found = map.get(key);
    if (!found) {
      found = `${prefix}_${map.size + 1}`;
      map.set(key, found);
      list.push(make(found));
    }
    return found;
  };
  const responsables = new Map<string, string>();
  const eleves = new Map<string, string>();
  const periodes = new Map<string, string>();
  const disciplines = new Map<string, string>(); // code → id
  const disciplineByLabel = new Map<string, string>();
  // A professeur principal is a Person (no id): when they teach a row of the export, they are that teacher,
  // written once with their STS id, not a second time as a «local» teacher with a made-up one.
  const nameKey = (p: { lastName: string; firstName: string }) =>
    `${p.lastName.trim().toLowerCase()}|${p.firstName.trim().toLowerCase()}`;
  const teacherByName = new Map<string, Teacher>();
  for (const bilan of input.bilans) {
    for (const row of bilan.disciplines) {
      for (const t of row.teachers) if (!teacherByName.has(nameKey(t))) teacherByName.set(nameKey(t), t);
    }
  }
  const enseignants = new Map<string, string>();
  const elements = new Map<string, string>();
  return {
    d,
    once,
    disciplineByLabel,
    responsable(person: Person | null | undefined) {
      const label = person ? personLabel(person) : HEAD_WITHOUT_NAME;
      return once(responsables, label, (id) => ({ id, libelle: label }), d.responsablesEtab, 'RESP');
    },
    eleve(student: FrozenBilanPeriodique['student'], division: string): string | undefined {
      const idBe = input.idBe(student.id);
      if (idBe === undefined) return undefined;
      return once(
        eleves,
        student.id,
        (id) => ({ id, idBe, nom: student.lastName, prenom: student.firstName, codeDivision: division }),
        d.eleves,
        'EL',
      );
    },
    periode(bilan: FrozenBilanPeriodique) {
      return once(
        periodes,
        `${bilan.millesime}|${bilan.period.indice}|${bilan.period.count}`,
        (id) => ({
          id,
          millesime: String(bilan.millesime),
          indice: bilan.period.indice,
          nbPeriodes: bilan.period.count,
        }),
        d.periodes,
        'PER',
      );
    },
    discipline(row: { code: string; label: string }) {
      // The label is cut in characters, as the XSD counts them.
      const libelle = Array.from(row.label).slice(0, 40).join('');
      const found = once(
        disciplines,
        row.code,
        (id) => ({ id, code: row.code, modaliteElection: 'S', libelle }),
        d.disciplines,
        'DI',
      );
      if (!disciplineByLabel.has(row.label)) disciplineByLabel.set(row.label, found);
      return found;
    },
    enseignant(person: Teacher | (Person & { id?: string })) {
      const teacher = person.id ? person : (teacherByName.get(nameKey(person)) ?? person);
      const key = teacher.id ?? `${teacher.lastName}|${teacher.firstName}`;
      const known = teacher.id ? input.idSts(teacher.id) : undefined;
      return once(
        enseignants,
        key,
        (id) => ({
          id,
          type: known === undefined ? 'local' : 'epp',
          idSts: known ?? localNumber(key),
          ...(civiliteToXml(teacher.civilite) ? { civilite: civiliteToXml(teacher.civilite) } : {}),
          nom: teacher.lastName,
          ...(teacher.firstName ? { prenom: teacher.firstName } : {}), // optional in the format
        }),
        d.enseignants,
        'ENS',
      );
    },
    element(libelle: string) {
      return once(elements, libelle, (id) => ({ id, libelle }), d.elementsProgramme, 'EP');
    },
    /** The collective texts and projects, by class and period (or division), written once each. */
    communs: {
      parcours: new Map<string, Map<string, string>>(),
      vie: new Map<string, string>(),
      cn: new Map<string, string>(),
      epi: new Map<string, string>(),
      epiGroupe: new Map<string, string>(),
      ap: new Map<string, string>(),
      apGroupe: new Map<string, string>(),
    },
  };
}
type Writer = ReturnType<typeof writerOf>;
type Periodique = FrozenBilanPeriodique;

/** A bilan périodique, section by section in the XSD's order; undefined (and why, in `warnings`) when left out. */
function bilanPeriodiqueRecord(
  w: Writer,
  bilan: Periodique,
  warnings: string[],
): BilanPeriodiqueRecord | undefined {
  const who = `${bilan.student.lastName} ${bilan.student.firstName} (${bilan.period.label})`;
  const division = bilan.class.code;
  if (!nonBlank(bilan.synthese)) {
    warnings.push(`${who} : bilan non exporté, la synthèse est vide.`);
    return undefined;
  }
  const eleveRef = w.eleve(bilan.student, division);
  if (!eleveRef) {
    warnings.push(`${who} : bilan non exporté, l’élève n’a pas d’identifiant de la base élèves.`);
    return undefined;
  }
  const periodeRef = w.periode(bilan);
  const group = `${periodeRef}|${division}`;
  const rows = bilan.disciplines.filter((row) => row.teachers.length > 0);
  for (const row of bilan.disciplines.filter((r) => r.teachers.length === 0)) {
    warnings.push(`${who} : ${row.label} non exporté, aucun enseignant n’y est rattaché.`);
  }
  const acquis = rows.map((row) => acquisRecord(w, row, bilan.positioning));
  noteCollectives(w, bilan, group);
  const competencesNumeriques = competencesNumeriquesRecord(w, bilan, division);
  const episEleve = episEleveRecords(w, bilan, rows, division, who, warnings);
  const accPersosEleve = accPersosEleveRecords(w, bilan, rows, division, who, warnings);
  return {
    eleveRef,
    periodeRef,
    dateConseilClasse: bilan.dateConseil ?? parisDay(new Date(bilan.frozenAt)),
    dateScolarite: bilan.dateScolarite ?? bilan.period.startsOn,
    dateVerrou: bilan.frozenAt.slice(0, 19),
    responsableEtabRef: w.responsable(bilan.communication.responsableEtablissement),
    profPrincRefs: bilan.communication.professeursPrincipaux.map(w.enseignant),
    acquis,
    ...(competencesNumeriques ? { competencesNumeriques } : {}),
    episEleve,
    accPersosEleve,
    parcours: bilan.parcours
      .filter((p) => nonBlank(p.commentaire))
      .map((p) => ({ code: p.code, texte: p.commentaire ?? '' })),
    modalites: bilan.modalites.map((m) => ({
      code: m.code,
      ...(m.code === 'PPRE' && nonBlank(m.complement) ? { complementPpre: m.complement } : {}),
      ...(m.code === 'CTR' && nonBlank(m.complement) ? { complementContratReussite: m.complement } : {}),
    })),
    acquisConseils: bilan.synthese,
    ...(nonBlank(bilan.devoirsFaits) ? { devoirsFaits: bilan.devoirsFaits } : {}),
    vieScolaire: vieScolaireRecord(bilan.vieScolaire),
    socle: bilan.socle
      ? composantesSocleCodes.map((code) => ({ code, positionnement: bilan.socle?.[code] ?? 0 }))
      : [],
    responsables: [],
  };
}

/** One row of «Suivi des acquis»: marks as `15.5/20` with the class average, or a level 1–4. */
function acquisRecord(w: Writer, row: Row, positioning: Periodique['positioning']) {
  const p = row.positionnement;
  const marks = positioning !== 'objectifs';
  return {
    disciplineRef: w.discipline(row),
    enseignantRefs: row.teachers.map(w.enseignant),
    elementProgrammeRefs: row.elements.map(w.element),
    ...(marks && typeof p === 'number' ? { moyenneEleve: markToXml(p) } : {}),
    ...(marks && typeof row.moyenneClasse === 'number'
      ? { moyenneStructure: markToXml(row.moyenneClasse) }
      : {}),
    ...(p === 'NE' ? { eleveNonNote: true } : {}),
    ...(!marks && typeof p === 'number' ? { positionnement: p } : {}),
    ...(nonBlank(row.appreciation) ? { appreciation: row.appreciation } : {}),
  };
}

/** Collective texts of the class and period (parcours projects, vie scolaire): the first non-empty one wins. */
function noteCollectives(w: Writer, bilan: Periodique, group: string): void {
  const parcoursOfGroup = w.communs.parcours.get(group) ?? new Map<string, string>();
  w.communs.parcours.set(group, parcoursOfGroup);
  for (const p of bilan.parcours) {
    if (nonBlank(p.projet) && !parcoursOfGroup.has(p.code)) parcoursOfGroup.set(p.code, p.projet);
  }
  const collectif = bilan.vieScolaire?.commentaireCollectif;
  if (nonBlank(collectif) && !w.communs.vie.has(group)) w.communs.vie.set(group, collectif);
}

/** Compétences numériques: the division's collective appreciation (written once), the student's, the levels. */
function competencesNumeriquesRecord(w: Writer, bilan: Periodique, division: string) {
  const cn = bilan.competencesNumeriques;
  if (!cn) return undefined;
  const commun = cn.appreciationCollective;
  const communRefs = nonBlank(commun)
    ? [
        w.once(
          w.communs.cn,
          `${division}|${commun}`,
          (id) => ({ id, codeStructure: division, typeStructure: 'D', appreciation: commun }),
          w.d.competencesNumeriquesCommuns,
          'CNC',
        ),
      ]
    : [];
  return {
    communRefs,
    ...(nonBlank(cn.appreciation) ? { appreciation: cn.appreciation } : {}),
    competences: Object.entries(cn.niveaux).map(([code, niveau]) => ({ code, niveau: niveau as number })),
  };
}

/** The teachers of the rows a project names, with their discipline (`enseignants-disciplines`). */
function teamOf(w: Writer, rows: readonly Row[], labels: readonly string[]) {
  return rows
    .filter((row) => labels.includes(row.label))
    .flatMap((row) =>
      row.teachers.map((t) => ({ enseignantRef: w.enseignant(t), disciplineRef: w.discipline(row) })),
    );
}

const refsOf = (w: Writer, labels: readonly string[]) =>
  labels.map((label) => w.disciplineByLabel.get(label)).filter((r): r is string => !!r);

/** EPI: the project and the division's group written once, the student's part on the bilan. */
function episEleveRecords(
  w: Writer,
  bilan: Periodique,
  rows: readonly Row[],
  division: string,
  who: string,
  warnings: string[],
) {
  return bilan.epi.flatMap((epi) => {
    const refs = refsOf(w, epi.disciplines);
    const team = teamOf(w, rows, epi.disciplines);
    if (refs.length < 2 || team.length === 0) {
      warnings.push(
        `${who} : EPI « ${epi.intitule} » non exporté (disciplines ou enseignants introuvables).`,
      );
      return [];
    }
    if (epi.thematiqueLibelle && !w.d.episThematiques.some((t) => t.code === epi.thematique)) {
      w.d.episThematiques.push({ code: epi.thematique, libelle: epi.thematiqueLibelle });
    }
    const epiRef = w.once(
      w.communs.epi,
      `${epi.intitule}|${epi.thematique}|${refs.join(' ')}`,
      (id) => ({ id, intitule: epi.intitule, thematique: epi.thematique, disciplineRefs: refs }),
      w.d.epis,
      'EPI',
    );
    const groupRef = w.once(
      w.communs.epiGroupe,
      `${epiRef}|${division}|${epi.description}`,
      (id) => ({
        id,
        epiRef,
        intitule: epi.intitule,
        ...(nonBlank(epi.description) ? { commentaire: epi.description } : {}),
        enseignantsDisciplines: team,
      }),
      w.d.episGroupes,
      'EPIG',
    );
    return [
      { epiGroupeRef: groupRef, ...(nonBlank(epi.commentaire) ? { commentaire: epi.commentaire } : {}) },
    ];
  });
}

/** Accompagnement personnalisé: the action and the division's group written once, the student's part. */
function accPersosEleveRecords(
  w: Writer,
  bilan: Periodique,
  rows: readonly Row[],
  division: string,
  who: string,
  warnings: string[],
) {
  return bilan.ap.flatMap((ap) => {
    const refs = refsOf(w, ap.disciplines);
    const team = teamOf(w, rows, ap.disciplines);
    if (refs.length === 0 || team.length === 0) {
      warnings.push(`${who} : AP « ${ap.intitule} » non exporté (disciplines ou enseignants introuvables).`);
      return [];
    }
    const apRef = w.once(
      w.communs.ap,
      `${ap.intitule}|${refs.join(' ')}`,
      (id) => ({ id, intitule: ap.intitule, disciplineRefs: refs }),
      w.d.accPersos,
      'AP',
    );
    const groupRef = w.once(
      w.communs.apGroupe,
      `${apRef}|${division}|${ap.description}`,
      (id) => ({
        id,
        accPersoRef: apRef,
        intitule: ap.intitule,
        ...(nonBlank(ap.description) ? { commentaire: ap.description } : {}),
        enseignantsDisciplines: team,
      }),
      w.d.accPersosGroupes,
      'APG',
    );
    return [
      { accPersoGroupeRef: groupRef, ...(nonBlank(ap.commentaire) ? { commentaire: ap.commentaire } : {}) },
    ];
  });
}

/** Vie scolaire: the counts (0 when the bilan has none, as the format requires them) and the comment. */
function vieScolaireRecord(vie: Periodique['vieScolaire']) {
  return {
    nbRetards: vie?.nbRetards ?? 0,
    nbAbsJustifiees: vie?.nbAbsJustifiees ?? 0,
    nbAbsInjustifiees: vie?.nbAbsInjustifiees ?? 0,
    ...(vie?.nbHeuresManquees === undefined ? {} : { nbHeuresManquees: vie.nbHeuresManquees }),
    ...(nonBlank(vie?.commentaire) ? { commentaire: vie.commentaire } : {}),
  };
}

/** The collective parcours and vie scolaire of each class and period, once all bilans are written. */
function writeCollectives(w: Writer): void {
  for (const [group, texts] of w.communs.parcours) {
    if (texts.size === 0) continue;
    const [periodeRef = '', codeDivision = ''] = group.split('|');
    w.d.parcoursCommuns.push({
      periodeRef,
      codeDivision,
      parcours: [...texts].map(([code, texte]) => ({ code, texte })),
    });
  }
  for (const [group, commentaire] of w.communs.vie) {
    const [periodeRef = '', codeDivision = ''] = group.split('|');
    w.d.viesScolairesCommuns.push({ periodeRef, codeDivision, commentaire });
  }
}

/** A bilan de fin de cycle 3 or 4; undefined (and why, in `warnings`) when left out. */
function bilanCycleRecord(
  w: Writer,
  cycle: FrozenBilanFinCycle,
  warnings: string[],
): BilanCycleRecord | undefined {
  const who = `${cycle.student.lastName} ${cycle.student.firstName} (fin de cycle ${cycle.cycle})`;
  if (cycle.cycle === 2) {
    warnings.push(`${who} : le format collège ne porte que les bilans de fin de cycle 3 et 4.`);
    return undefined;
  }
  if (!nonBlank(cycle.synthese)) {
    warnings.push(`${who} : bilan non exporté, la synthèse est vide.`);
    return undefined;
  }
  const eleveRef = w.eleve(cycle.student, cycle.class.code);
  if (!eleveRef) {
    warnings.push(`${who} : bilan non exporté, l’élève n’a pas d’identifiant de la base élèves.`);
    return undefined;
  }
  const complement = cycle.enseignementComplement;
  const langue = cycle.langueRegionale;
  return {
    eleveRef,
    cycle: cycle.cycle,
    millesime: String(cycle.millesime),
    dateCreation: cycle.frozenAt.slice(0, 10),
    dateVerrou: cycle.frozenAt.slice(0, 19),
    responsableEtabRef: w.responsable(cycle.responsableEtablissement),
    profPrincRefs: (cycle.professeursPrincipaux ?? []).map(w.enseignant),
    socle: composantesSocleCodes.map((code) => ({ code, positionnement: cycle.socle[code] })),
    synthese: cycle.synthese,
    ...(complement
      ? {
          enseignementComplement: {
            code: complement.code,
            positionnement: complement.niveau === 'depasse' ? 2 : 1,
          },
        }
      : {}),
    responsables: [],
    ...(langue
      ? {
          langueCultureRegionale: {
            code: langue.code,
            positionnement: langue.niveau === 'atteint' ? 2 : 1,
          },
        }
      : {}),
  };
}
