/**
 * An LSU collège file → bilans in the domain's terms (not yet matched to a school). References are resolved
 * (each acquis gets its discipline, teachers and program elements; each student its EPI, AP, collective parcours,
 * vie scolaire and compétences numériques), codes are checked against the national nomenclatures, and every
 * value that had to be interpreted is noted as a French warning on its bilan.
 */
import {
  competencesNumeriques,
  composantesSocleCodes,
  enseignementsComplement,
  languesRegionales,
  modalitesAccompagnement,
  parcours as parcoursCodes,
  thematiquesEpi,
} from '@livret/domain';
import type { BilanCycleRecord, BilanPeriodiqueRecord, CollegeFile } from '../college/records.js';
import {
  civiliteOfXml,
  type ImportedBilanFinCycle,
  type ImportedBilanPeriodique,
  type ImportedRow,
  type ImportedStudent,
  type ImportedTeacher,
  personOfLabel,
} from './imported-bilan.js';

type P = ImportedBilanPeriodique;

/** `15.5/20`, `15,5` or `15.5` → 15.5; anything else (`Abs`, `Disp`, `NN`) → null. */
export function markOfXml(text: string): number | null {
  const match = /^\s*(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:\/\s*20)?\s*$/.exec(text);
  if (!match?.[1]) return null;
  const value = Number(match[1].replace(',', '.'));
  return value <= 20 ? value : null;
}

/**
 * Reads every bilan of a collège file.
 * @example for (const bilan of bilansOfCollegeFile(read.file)) match(bilan);
 */
export function bilansOfCollegeFile(file: CollegeFile): (ImportedBilanPeriodique | ImportedBilanFinCycle)[] {
  const index = indexOf(file);
  return [
    ...file.donnees.bilansPeriodiques.map((b) => periodiqueOf(index, b)),
    ...file.donnees.bilansCycle.map((b) => finDeCycleOf(index, b)),
  ];
}

/** The file's shared elements by ID, and how a bilan's references read as people: built once per file. */
function indexOf(file: CollegeFile) {
  const d = file.donnees;
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((item) => [item.id, item]));
  const eleves = byId(d.eleves);
  const disciplines = byId(d.disciplines);
  const enseignants = byId(d.enseignants);
  const responsables = byId(d.responsablesEtab);
  const teacherOf = (id: string): ImportedTeacher => {
    const e = enseignants.get(id);
    return {
      ...(e?.idSts ? { idSts: e.idSts } : {}),
      civilite: civiliteOfXml(e?.civilite),
      lastName: e?.nom ?? '',
      firstName: e?.prenom ?? '',
    };
  };
  return {
    d,
    periodes: byId(d.periodes),
    disciplines,
    elements: byId(d.elementsProgramme),
    cnCommuns: byId(d.competencesNumeriquesCommuns),
    epis: byId(d.epis),
    thematiques: new Map(d.episThematiques.map((t) => [t.code, t.libelle])),
    epiGroupes: byId(d.episGroupes),
    aps: byId(d.accPersos),
    apGroupes: byId(d.accPersosGroupes),
    teacherOf,
    personOf: (id: string) => {
      const t = teacherOf(id);
      return { civilite: t.civilite, lastName: t.lastName, firstName: t.firstName };
    },
    studentOf: (id: string): ImportedStudent => {
      const e = eleves.get(id);
      return {
        fileId: id,
        ...(e ? { idBe: e.idBe } : {}),
        lastName: e?.nom ?? '',
        firstName: e?.prenom ?? '',
        division: e?.codeDivision ?? '',
      };
    },
    responsableOf: (id: string) => {
      const label = responsables.get(id)?.libelle ?? '';
      return { label, person: personOfLabel(label) };
    },
    labelsOf: (refs: readonly string[]) => refs.map((ref) => disciplines.get(ref)?.libelle ?? ref),
  };
}
type Index = ReturnType<typeof indexOf>;
type Acquis = BilanPeriodiqueRecord['acquis'][number];

/** A bilan périodique, section by section in the order of the format; `warnings` collects what was not taken. */
function periodiqueOf(x: Index, b: BilanPeriodiqueRecord): ImportedBilanPeriodique {
  const warnings: string[] = [];
  const student = x.studentOf(b.eleveRef);
  const periode = x.periodes.get(b.periodeRef);
  // The class's collective texts of the period are keyed by period and division.
  const group = `${b.periodeRef}|${student.division}`;
  const positioning = positioningOf(b.acquis);
  return {
    kind: 'periodique',
    student,
    period: {
      millesime: Number(periode?.millesime),
      indice: periode?.indice ?? 0,
      count: periode?.nbPeriodes ?? 0,
    },
    positioning,
    rows: b.acquis.map((a) => acquisOf(x, a, positioning, warnings)),
    epi: episOf(x, b, warnings),
    ap: apsOf(x, b, warnings),
    parcours: parcoursOf(x, b, group),
    modalites: modalitesOf(b, warnings),
    competencesNumeriques: competencesNumeriquesOf(x, b, warnings),
    synthese: b.acquisConseils,
    devoirsFaits: b.devoirsFaits ?? null,
    vieScolaire: vieScolaireOf(x, b, group),
    socle: socleOf(b, warnings),
    responsableEtablissement: x.responsableOf(b.responsableEtabRef),
    professeursPrincipaux: b.profPrincRefs.map(x.personOf),
    enseignants: [],
    dateConseil: b.dateConseilClasse,
    dateScolarite: b.dateScolarite,
    warnings,
  };
}

/**
 * One scale per bilan: the one most of the student's acquis use. A value on the other scale cannot be written
 * on it, and the report says so, discipline by discipline (`acquisOf`).
 */
function positioningOf(acquis: readonly Acquis[]): P['positioning'] {
  const levels = acquis.filter((a) => a.positionnement !== undefined).length;
  const marks = acquis.filter((a) => a.positionnement === undefined && a.moyenneEleve !== undefined).length;
  if (levels > 0 && levels >= marks) return 'objectifs';
  return acquis.some((a) => a.moyenneStructure !== undefined) ? 'notes-avec-moyenne' : 'notes-sans-moyenne';
}

/** «Suivi des acquis»: one row per acquis, its value on the bilan's scale. */
function acquisOf(x: Index, a: Acquis, positioning: P['positioning'], warnings: string[]): ImportedRow {
  const discipline = x.disciplines.get(a.disciplineRef);
  const label = discipline?.libelle ?? a.disciplineRef;
  let positionnement: number | 'NE' | null = null;
  if (a.eleveNonNote) positionnement = 'NE';
  else if (positioning === 'objectifs') {
    positionnement = a.positionnement ?? null;
    if (a.positionnement === undefined && a.moyenneEleve !== undefined) {
      warnings.push(
        `${label} : moyenne « ${a.moyenneEleve} » non reprise, les autres disciplines de l’élève sont positionnées sur l’échelle des objectifs (1 à 4).`,
      );
    }
  } else if (a.moyenneEleve !== undefined) {
    positionnement = markOfXml(a.moyenneEleve);
    if (positionnement === null) {
      positionnement = 'NE';
      warnings.push(`${label} : moyenne « ${a.moyenneEleve} » lue comme « non noté ».`);
    }
  } else if (a.positionnement !== undefined) {
    warnings.push(
      `${label} : positionnement ${a.positionnement} (échelle des objectifs) non repris, les autres disciplines de l’élève sont notées.`,
    );
  }
  const moyenneClasse = a.moyenneStructure === undefined ? undefined : markOfXml(a.moyenneStructure);
  if (moyenneClasse === null && !a.structureNonNotee) {
    warnings.push(`${label} : moyenne de la classe « ${a.moyenneStructure} » illisible, non reprise.`);
  }
  return {
    code: discipline?.code ?? '',
    ...(discipline?.codeNational ? { codeNational: discipline.codeNational } : {}),
    label: discipline?.libelle ?? '',
    teachers: a.enseignantRefs.map(x.teacherOf),
    elements: a.elementProgrammeRefs.map((ref) => x.elements.get(ref)?.libelle ?? '').filter(Boolean),
    appreciation: a.appreciation ?? '',
    positionnement,
    ...(moyenneClasse === undefined ? {} : { moyenneClasse }),
  };
}

/**
 * The project's description and its group's comment are one text of the bilan: both kept, joined, when they
 * fit its 600 characters; else the group's (closer to the student), and the report says so.
 */
function describe(what: string, project: string | undefined, group: string | undefined, warnings: string[]) {
  const texts = [project, group].map((t) => t?.trim() ?? '').filter(Boolean);
  if (texts.length < 2 || texts[0] === texts[1]) return texts[texts.length - 1] ?? '';
  const joined = texts.join('\n');
  if (Array.from(joined).length <= 600) return joined;
  warnings.push(
    `${what} : description du projet non reprise (avec celle du groupe, plus de 600 caractères).`,
  );
  return texts[1] ?? '';
}

/** Enseignements pratiques interdisciplinaires: the project, its group, the student's part. */
function episOf(x: Index, b: BilanPeriodiqueRecord, warnings: string[]): P['epi'] {
  return b.episEleve.flatMap((e) => {
    const groupe = x.epiGroupes.get(e.epiGroupeRef);
    const projet = groupe ? x.epis.get(groupe.epiRef) : undefined;
    if (!groupe || !projet) return [];
    // A thématique of the school's own is declared in the file with its label; a national one is not.
    const own = x.thematiques.get(projet.thematique);
    if (!own && !(projet.thematique in thematiquesEpi)) {
      warnings.push(
        `EPI « ${projet.intitule} » : thématique « ${projet.thematique} » inconnue, gardée telle quelle.`,
      );
    }
    return [
      {
        intitule: projet.intitule,
        thematique: projet.thematique,
        ...(own && !(projet.thematique in thematiquesEpi) ? { thematiqueLibelle: own } : {}),
        disciplines: x.labelsOf(projet.disciplineRefs),
        description: describe(`EPI « ${projet.intitule} »`, projet.description, groupe.commentaire, warnings),
        ...(e.commentaire ? { commentaire: e.commentaire } : {}),
      },
    ];
  });
}

/** Accompagnement personnalisé: the action, its group, the student's part. */
function apsOf(x: Index, b: BilanPeriodiqueRecord, warnings: string[]): P['ap'] {
  return b.accPersosEleve.flatMap((e) => {
    const groupe = x.apGroupes.get(e.accPersoGroupeRef);
    const projet = groupe ? x.aps.get(groupe.accPersoRef) : undefined;
    if (!groupe || !projet) return [];
    return [
      {
        intitule: projet.intitule,
        disciplines: x.labelsOf(projet.disciplineRefs),
        description: describe(`AP « ${projet.intitule} »`, projet.description, groupe.commentaire, warnings),
        ...(e.commentaire ? { commentaire: e.commentaire } : {}),
      },
    ];
  });
}

/** Parcours éducatifs: the class's collective project for the period, and the student's own comment. */
function parcoursOf(x: Index, b: BilanPeriodiqueRecord, group: string): P['parcours'] {
  const communs = new Map(
    x.d.parcoursCommuns
      .filter((c) => `${c.periodeRef}|${c.codeDivision}` === group)
      .flatMap((c) => c.parcours.map((p) => [p.code, p.texte] as const)),
  );
  const individuels = new Map(b.parcours.map((p) => [p.code, p.texte] as const));
  return (Object.keys(parcoursCodes) as (keyof typeof parcoursCodes)[])
    .filter((code) => communs.has(code) || individuels.has(code))
    .map((code) => ({
      code,
      projet: communs.get(code) ?? '',
      ...(individuels.has(code) ? { commentaire: individuels.get(code) } : {}),
    }));
}

/**
 * Modalités spécifiques d'accompagnement, with the PPRE's or contrat de réussite's complement; a code of the XSD
 * that Livret's nomenclature lacks is reported, not dropped in silence.
 */
function modalitesOf(b: BilanPeriodiqueRecord, warnings: string[]): P['modalites'] {
  return b.modalites.flatMap((m) => {
    if (!(m.code in modalitesAccompagnement)) {
      warnings.push(`Modalité d’accompagnement « ${m.code} » non reprise : Livret ne la connaît pas.`);
      return [];
    }
    const complement = m.complementPpre ?? m.complementContratReussite;
    return [{ code: m.code as keyof typeof modalitesAccompagnement, ...(complement ? { complement } : {}) }];
  });
}

/** Compétences numériques: the structure's collective appreciation, the student's own, the levels. */
function competencesNumeriquesOf(
  x: Index,
  b: BilanPeriodiqueRecord,
  warnings: string[],
): P['competencesNumeriques'] {
  const cn = b.competencesNumeriques;
  if (!cn) return null;
  const collective = cn.communRefs.map((ref) => x.cnCommuns.get(ref)?.appreciation).find(Boolean);
  return {
    ...(collective ? { appreciationCollective: collective } : {}),
    ...(cn.appreciation ? { appreciation: cn.appreciation } : {}),
    niveaux: Object.fromEntries(
      cn.competences.flatMap((c) => {
        if (c.code in competencesNumeriques) return [[c.code, c.niveau]];
        warnings.push(`Compétence numérique « ${c.code} » non reprise : Livret ne la connaît pas.`);
        return [];
      }),
    ),
  };
}

/** Vie scolaire: the student's counts and comment, and the class's collective comment for the period. */
function vieScolaireOf(x: Index, b: BilanPeriodiqueRecord, group: string): P['vieScolaire'] {
  const vie = b.vieScolaire;
  const collectif = x.d.viesScolairesCommuns.find(
    (v) => `${v.periodeRef}|${v.codeDivision}` === group,
  )?.commentaire;
  return {
    nbRetards: vie.nbRetards,
    nbAbsJustifiees: vie.nbAbsJustifiees,
    nbAbsInjustifiees: vie.nbAbsInjustifiees,
    ...(vie.nbHeuresManquees === undefined ? {} : { nbHeuresManquees: vie.nbHeuresManquees }),
    ...(vie.commentaire ? { commentaire: vie.commentaire } : {}),
    ...(collectif ? { commentaireCollectif: collectif } : {}),
  };
}

/** Niveaux de maîtrise du socle in a periodic bilan: all 8 composantes, or none (and the report says so). */
function socleOf(b: BilanPeriodiqueRecord, warnings: string[]): P['socle'] {
  if (b.socle.length === 8) {
    return Object.fromEntries(b.socle.map((s) => [s.code, s.positionnement])) as P['socle'];
  }
  if (b.socle.length > 0) {
    warnings.push('Niveaux de maîtrise du socle ignorés : les 8 composantes sont attendues.');
  }
  return null;
}

/** A bilan de fin de cycle (3 or 4). */
function finDeCycleOf(x: Index, b: BilanCycleRecord): ImportedBilanFinCycle {
  const warnings: string[] = [];
  const complement = b.enseignementComplement;
  const langue = b.langueCultureRegionale;
  const socle = Object.fromEntries(composantesSocleCodes.map((code) => [code, 0]));
  for (const s of b.socle) socle[s.code] = s.positionnement;
  return {
    kind: 'fin-de-cycle',
    student: x.studentOf(b.eleveRef),
    millesime: Number(b.millesime),
    cycle: b.cycle as 3 | 4,
    socle: socle as ImportedBilanFinCycle['socle'],
    synthese: b.synthese,
    enseignementComplement:
      complement && complement.code in enseignementsComplement && complement.positionnement
        ? {
            code: complement.code as keyof typeof enseignementsComplement,
            niveau: complement.positionnement === 2 ? 'depasse' : 'atteint',
          }
        : null,
    langueRegionale:
      langue && langue.code in languesRegionales && langue.positionnement
        ? {
            code: langue.code as keyof typeof languesRegionales,
            niveau: langue.positionnement === 2 ? 'atteint' : 'non-atteint',
          }
        : null,
    responsableEtablissement: x.responsableOf(b.responsableEtabRef),
    professeursPrincipaux: b.profPrincRefs.map(x.personOf),
    warnings,
  };
}
