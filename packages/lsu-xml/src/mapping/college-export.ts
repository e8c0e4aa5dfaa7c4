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
import type { CollegeFile, DonneesRecord } from '../college/records.js';
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
  const responsable = (person: Person | null | undefined) => {
    const label = person ? personLabel(person) : HEAD_WITHOUT_NAME;
    return once(responsables, label, (id) => ({ id, libelle: label }), d.responsablesEtab, 'RESP');
  };
  const eleves = new Map<string, string>();
  const eleve = (student: FrozenBilanPeriodique['student'], division: string): string | undefined => {
    const idBe = input.idBe(student.id);
    if (idBe === undefined) return undefined;
    return once(
      eleves,
      student.id,
      (id) => ({ id, idBe, nom: student.lastName, prenom: student.firstName, codeDivision: division }),
      d.eleves,
      'EL',
    );
  };
  const periodes = new Map<string, string>();
  const disciplines = new Map<string, string>(); // code → id
  const disciplineByLabel = new Map<string, string>();
  const discipline = (row: { code: string; label: string }) => {
    const found = once(
      disciplines,
      row.code,
      (id) => ({
        id,
        code: row.code,
        modaliteElection: 'S',
        libelle: Array.from(row.label).slice(0, 40).join(''),
      }), // characters, as the XSD counts
      d.disciplines,
      'DI',
    );
    if (!disciplineByLabel.has(row.label)) disciplineByLabel.set(row.label, found);
    return found;
  };
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
  const enseignant = (person: Teacher | (Person & { id?: string })) => {
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
  };
  const elements = new Map<string, string>();
  const element = (libelle: string) =>
    once(elements, libelle, (id) => ({ id, libelle }), d.elementsProgramme, 'EP');
  const communs = {
    parcours: new Map<string, Map<string, string>>(),
    vie: new Map<string, string>(),
    cn: new Map<string, string>(),
    epi: new Map<string, string>(),
    epiGroupe: new Map<string, string>(),
    ap: new Map<string, string>(),
    apGroupe: new Map<string, string>(),
  };

  for (const bilan of input.bilans) {
    const who = `${bilan.student.lastName} ${bilan.student.firstName} (${bilan.period.label})`;
    const division = bilan.class.code;
    if (!nonBlank(bilan.synthese)) {
      warnings.push(`${who} : bilan non exporté, la synthèse est vide.`);
      continue;
    }
    const eleveRef = eleve(bilan.student, division);
    if (!eleveRef) {
      warnings.push(`${who} : bilan non exporté, l’élève n’a pas d’identifiant de la base élèves.`);
      continue;
    }
    const periodKey = `${bilan.millesime}|${bilan.period.indice}|${bilan.period.count}`;
    const periodeRef = once(
      periodes,
      periodKey,
      (id) => ({
        id,
        millesime: String(bilan.millesime),
        indice: bilan.period.indice,
        nbPeriodes: bilan.period.count,
      }),
      d.periodes,
      'PER',
    );
    const groupKey = `${periodeRef}|${division}`;
    const rowsWithTeachers = bilan.disciplines.filter((row) => row.teachers.length > 0);
    for (const row of bilan.disciplines.filter((r) => r.teachers.length === 0)) {
      warnings.push(`${who} : ${row.label} non exporté, aucun enseignant n’y est rattaché.`);
    }
    const acquis = rowsWithTeachers.map((row) => acquisOf(row, bilan.positioning));
    function acquisOf(row: Row, positioning: FrozenBilanPeriodique['positioning']) {
      const p = row.positionnement;
      const marks = positioning !== 'objectifs';
      return {
        disciplineRef: discipline(row),
        enseignantRefs: row.teachers.map(enseignant),
        elementProgrammeRefs: row.elements.map(element),
        ...(marks && typeof p === 'number' ? { moyenneEleve: markToXml(p) } : {}),
        ...(marks && typeof row.moyenneClasse === 'number'
          ? { moyenneStructure: markToXml(row.moyenneClasse) }
          : {}),
        ...(p === 'NE' ? { eleveNonNote: true } : {}),
        ...(!marks && typeof p === 'number' ? { positionnement: p } : {}),
        ...(nonBlank(row.appreciation) ? { appreciation: row.appreciation } : {}),
      };
    }

    // Collective texts of the class and period: written once, the first non-empty one wins.
    const parcoursOfGroup = communs.parcours.get(groupKey) ?? new Map<string, string>();
    communs.parcours.set(groupKey, parcoursOfGroup);
    for (const p of bilan.parcours) {
      if (nonBlank(p.projet) && !parcoursOfGroup.has(p.code)) parcoursOfGroup.set(p.code, p.projet);
    }
    const collectif = bilan.vieScolaire?.commentaireCollectif;
    if (nonBlank(collectif) && !communs.vie.has(groupKey)) communs.vie.set(groupKey, collectif);

    const cn = bilan.competencesNumeriques;
    const cnCommun = cn?.appreciationCollective;
    const cnRefs = nonBlank(cnCommun)
      ? [
          once(
            communs.cn,
            `${division}|${cnCommun}`,
            (id) => ({ id, codeStructure: division, typeStructure: 'D', appreciation: cnCommun }),
            d.competencesNumeriquesCommuns,
            'CNC',
          ),
        ]
      : [];

    const teachersOf = (labels: readonly string[]) =>
      rowsWithTeachers
        .filter((row) => labels.includes(row.label))
        .flatMap((row) =>
          row.teachers.map((t) => ({ enseignantRef: enseignant(t), disciplineRef: discipline(row) })),
        );
    const episEleve = bilan.epi.flatMap((epi) => {
      const refs = epi.disciplines
        .map((label) => disciplineByLabel.get(label))
        .filter((r): r is string => !!r);
      const team = teachersOf(epi.disciplines);
      if (refs.length < 2 || team.length === 0) {
        warnings.push(
          `${who} : EPI « ${epi.intitule} » non exporté (disciplines ou enseignants introuvables).`,
        );
        return [];
      }
      if (epi.thematiqueLibelle && !d.episThematiques.some((t) => t.code === epi.thematique)) {
        d.episThematiques.push({ code: epi.thematique, libelle: epi.thematiqueLibelle });
      }
      const epiRef = once(
        communs.epi,
        `${epi.intitule}|${epi.thematique}|${refs.join(' ')}`,
        (id) => ({ id, intitule: epi.intitule, thematique: epi.thematique, disciplineRefs: refs }),
        d.epis,
        'EPI',
      );
      const groupRef = once(
        communs.epiGroupe,
        `${epiRef}|${division}|${epi.description}`,
        (id) => ({
          id,
          epiRef,
          intitule: epi.intitule,
          ...(nonBlank(epi.description) ? { commentaire: epi.description } : {}),
          enseignantsDisciplines: team,
        }),
        d.episGroupes,
        'EPIG',
      );
      return [
        { epiGroupeRef: groupRef, ...(nonBlank(epi.commentaire) ? { commentaire: epi.commentaire } : {}) },
      ];
    });
    const accPersosEleve = bilan.ap.flatMap((ap) => {
      const refs = ap.disciplines
        .map((label) => disciplineByLabel.get(label))
        .filter((r): r is string => !!r);
      const team = teachersOf(ap.disciplines);
      if (refs.length === 0 || team.length === 0) {
        warnings.push(
          `${who} : AP « ${ap.intitule} » non exporté (disciplines ou enseignants introuvables).`,
        );
        return [];
      }
      const apRef = once(
        communs.ap,
        `${ap.intitule}|${refs.join(' ')}`,
        (id) => ({ id, intitule: ap.intitule, disciplineRefs: refs }),
        d.accPersos,
        'AP',
      );
      const groupRef = once(
        communs.apGroupe,
        `${apRef}|${division}|${ap.description}`,
        (id) => ({
          id,
          accPersoRef: apRef,
          intitule: ap.intitule,
          ...(nonBlank(ap.description) ? { commentaire: ap.description } : {}),
          enseignantsDisciplines: team,
        }),
        d.accPersosGroupes,
        'APG',
      );
      return [
        { accPersoGroupeRef: groupRef, ...(nonBlank(ap.commentaire) ? { commentaire: ap.commentaire } : {}) },
      ];
    });

    const vie = bilan.vieScolaire;
    d.bilansPeriodiques.push({
      eleveRef,
      periodeRef,
      dateConseilClasse: bilan.dateConseil ?? parisDay(new Date(bilan.frozenAt)),
      dateScolarite: bilan.dateScolarite ?? bilan.period.startsOn,
      dateVerrou: bilan.frozenAt.slice(0, 19),
      responsableEtabRef: responsable(bilan.communication.responsableEtablissement),
      profPrincRefs: bilan.communication.professeursPrincipaux.map(enseignant),
      acquis,
      ...(cn
        ? {
            competencesNumeriques: {
              communRefs: cnRefs,
              ...(nonBlank(cn.appreciation) ? { appreciation: cn.appreciation } : {}),
              competences: Object.entries(cn.niveaux).map(([code, niveau]) => ({
                code,
                niveau: niveau as number,
              })),
            },
          }
        : {}),
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
      vieScolaire: {
        nbRetards: vie?.nbRetards ?? 0,
        nbAbsJustifiees: vie?.nbAbsJustifiees ?? 0,
        nbAbsInjustifiees: vie?.nbAbsInjustifiees ?? 0,
        ...(vie?.nbHeuresManquees === undefined ? {} : { nbHeuresManquees: vie.nbHeuresManquees }),
        ...(nonBlank(vie?.commentaire) ? { commentaire: vie.commentaire } : {}),
      },
      socle: bilan.socle
        ? composantesSocleCodes.map((code) => ({ code, positionnement: bilan.socle?.[code] ?? 0 }))
        : [],
      responsables: [],
    });
  }

  for (const [groupKey, texts] of communs.parcours) {
    if (texts.size === 0) continue;
    const [periodeRef = '', codeDivision = ''] = groupKey.split('|');
    d.parcoursCommuns.push({
      periodeRef,
      codeDivision,
      parcours: [...texts].map(([code, texte]) => ({ code, texte })),
    });
  }
  for (const [groupKey, commentaire] of communs.vie) {
    const [periodeRef = '', codeDivision = ''] = groupKey.split('|');
    d.viesScolairesCommuns.push({ periodeRef, codeDivision, commentaire });
  }

  for (const cycle of input.cycles) {
    const who = `${cycle.student.lastName} ${cycle.student.firstName} (fin de cycle ${cycle.cycle})`;
    if (cycle.cycle === 2) {
      warnings.push(`${who} : le format collège ne porte que les bilans de fin de cycle 3 et 4.`);
      continue;
    }
    if (!nonBlank(cycle.synthese)) {
      warnings.push(`${who} : bilan non exporté, la synthèse est vide.`);
      continue;
    }
    const eleveRef = eleve(cycle.student, cycle.class.code);
    if (!eleveRef) {
      warnings.push(`${who} : bilan non exporté, l’élève n’a pas d’identifiant de la base élèves.`);
      continue;
    }
    const complement = cycle.enseignementComplement;
    const langue = cycle.langueRegionale;
    d.bilansCycle.push({
      eleveRef,
      cycle: cycle.cycle,
      millesime: String(cycle.millesime),
      dateCreation: cycle.frozenAt.slice(0, 10),
      dateVerrou: cycle.frozenAt.slice(0, 19),
      responsableEtabRef: responsable(cycle.responsableEtablissement),
      profPrincRefs: (cycle.professeursPrincipaux ?? []).map(enseignant),
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
    });
  }

  const application = input.application ?? { editeur: 'Livret', application: 'Livret' };
  return {
    file: {
      degre: '2D',
      schemaVersion: '7.0',
      entete: { ...application, etablissement: input.uai },
      donnees: d,
    },
    warnings,
  };
}
