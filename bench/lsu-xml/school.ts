/**
 * A generated collège of 600 students (24 divisions of 25, 6e to 3e), 12 disciplines, 24 teachers, 3 periods,
 * and its full LSU file: every student's 3 bilans périodiques (12 acquis each, EPI in cycle 4, AP, parcours,
 * modalités, compétences numériques in 6e, vie scolaire) and the bilans de fin de cycle of the 6e and 3e.
 * Deterministic: the same sizes give the same bytes.
 */
import { type CollegeFile, writeLsuFile } from '@livret/lsu-xml';
import type { Db } from '../../server/src/db/client.js';
import {
  accounts,
  classes,
  classSettings,
  disciplines,
  enrolments,
  periods,
  schools,
  schoolYears,
  staffRoles,
  students,
  teachingServices,
} from '../../server/src/db/schema.js';

export const UAI = '0389999Z';
const MILLESIME = 2026;
const SUBJECTS = [
  ['020700', 'Français'],
  ['061300', 'Mathématiques'],
  ['030201', 'Anglais LV1'],
  ['030602', 'Espagnol LV2'],
  ['042100', 'Histoire-géographie'],
  ['062900', 'Physique-chimie'],
  ['063000', 'Sciences de la vie et de la Terre'],
  ['070400', 'Technologie'],
  ['090100', 'Arts plastiques'],
  ['081300', 'Éducation musicale'],
  ['100100', 'Éducation physique et sportive'],
  ['044300', 'Enseignement moral et civique'],
] as const;
const NIVEAUX = ['6e', '5e', '4e', '3e'] as const;
const LOREM =
  'Élève sérieux et impliqué, qui participe volontiers à l’oral ; les progrès sont réguliers « malgré » quelques oublis. ';

export interface Sizes {
  divisionsPerNiveau: number;
  studentsPerDivision: number;
}
const text = (length: number, seed: number) =>
  LOREM.repeat(1 + Math.ceil(length / LOREM.length))
    .slice(seed % 40, (seed % 40) + length)
    .trim();

/** The division codes: 6A… 6F, 5A…, 3F. */
function divisionsOf(sizes: Sizes) {
  return NIVEAUX.flatMap((niveau) =>
    Array.from({ length: sizes.divisionsPerNiveau }, (_, i) => ({
      niveau,
      code: `${niveau[0]}${'ABCDEFGHIJ'[i]}`,
    })),
  );
}

/** Seeds the school in the database (what the file is imported into). */
export async function seedSchool(db: Db, sizes: Sizes): Promise<{ directionId: string }> {
  const [school] = await db
    .insert(schools)
    .values({ uai: UAI, name: 'Collège du Banc d’essai', kind: '2D', academie: 'Grenoble' })
    .returning();
  const [year] = await db
    .insert(schoolYears)
    .values({ schoolId: school!.id, millesime: MILLESIME })
    .returning();
  await db.insert(periods).values(
    [1, 2, 3].map((indice) => ({
      schoolYearId: year!.id,
      indice,
      count: 3,
      label: `Trimestre ${indice}`,
      startsOn: ['2026-09-01', '2026-12-01', '2027-03-01'][indice - 1]!,
      endsOn: ['2026-11-30', '2027-02-28', '2027-07-04'][indice - 1]!,
    })),
  );
  const [direction] = await db
    .insert(accounts)
    .values({
      login: 'direction@banc.test',
      kind: 'staff',
      civilite: 'Mme',
      lastName: 'Essai',
      firstName: 'Hélène',
    })
    .returning();
  await db.insert(staffRoles).values({ accountId: direction!.id, schoolId: school!.id, role: 'direction' });
  const subjectRows = await db
    .insert(disciplines)
    .values(SUBJECTS.map(([code, label], rank) => ({ schoolId: school!.id, code, label, rank })))
    .returning();
  const teachers = await db
    .insert(accounts)
    .values(
      SUBJECTS.flatMap((_, s) =>
        [0, 1].map((half) => ({
          login: `prof${s}-${half}@banc.test`,
          kind: 'staff',
          civilite: half ? 'M.' : 'Mme',
          lastName: `Professeur${s}`,
          firstName: `Prénom${half}`,
          idSts: 70_000 + s * 2 + half,
        })),
      ),
    )
    .returning();
  await db
    .insert(staffRoles)
    .values(teachers.map((t) => ({ accountId: t.id, schoolId: school!.id, role: 'enseignant' })));
  let n = 0;
  for (const [d, division] of divisionsOf(sizes).entries()) {
    const [klass] = await db
      .insert(classes)
      .values({
        schoolId: school!.id,
        schoolYearId: year!.id,
        code: division.code,
        label: division.code,
        niveaux: [division.niveau],
      })
      .returning();
    await db.insert(classSettings).values({
      classId: klass!.id,
      dataSource: 'editeurs',
      positioning: d % 2 ? 'objectifs' : 'notes-avec-moyenne',
    });
    await db.insert(teachingServices).values(
      subjectRows.map((subject, s) => ({
        accountId: teachers[s * 2 + (d % 2)]!.id,
        disciplineId: subject.id,
        classId: klass!.id,
      })),
    );
    const rows = await db
      .insert(students)
      .values(
        Array.from({ length: sizes.studentsPerDivision }, () => {
          n++;
          return {
            schoolId: school!.id,
            ine: `${String(90_000_000 + n).padStart(10, '0')}K`,
            lastName: `Nom${n}`,
            firstName: `Prénom${n}`,
            birthDate: '2013-04-01',
            sex: n % 2 ? 'F' : 'M',
            idBe: 3_000_000 + n,
          };
        }),
      )
      .returning({ id: students.id });
    await db
      .insert(enrolments)
      .values(rows.map((r) => ({ studentId: r.id, classId: klass!.id, niveau: division.niveau })));
  }
  return { directionId: direction!.id };
}

/** The school's full LSU file (the same students, teachers and divisions as `seedSchool`). */
export function generateFile(sizes: Sizes): string {
  const divisions = divisionsOf(sizes);
  const file: CollegeFile = {
    degre: '2D',
    schemaVersion: '7.0',
    entete: { editeur: 'Banc d’essai', application: 'Générateur', appliVersion: '1.0', etablissement: UAI },
    donnees: {
      responsablesEtab: [{ id: 'RESP_1', libelle: 'Mme Hélène Essai' }],
      eleves: [],
      periodes: [1, 2, 3].map((indice) => ({
        id: `PER_${indice}`,
        millesime: String(MILLESIME),
        indice,
        nbPeriodes: 3,
      })),
      disciplines: SUBJECTS.map(([code, libelle]) => ({
        id: `DI_${code}`,
        code,
        modaliteElection: 'S',
        libelle,
      })),
      enseignants: SUBJECTS.flatMap((_, s) =>
        [0, 1].map((half) => ({
          id: `ENS_${s}_${half}`,
          type: 'epp',
          idSts: 70_000 + s * 2 + half,
          civilite: half ? 'M' : 'MME',
          nom: `Professeur${s}`,
          prenom: `Prénom${half}`,
        })),
      ),
      elementsProgramme: [],
      competencesNumeriquesCommuns: [],
      parcoursCommuns: [],
      viesScolairesCommuns: [],
      episThematiques: [],
      epis: [
        {
          id: 'EPI_1',
          intitule: 'Le corps en mouvement',
          thematique: 'EPI_SAN',
          disciplineRefs: ['DI_100100', 'DI_063000'],
        },
      ],
      episGroupes: [],
      accPersos: [{ id: 'AP_1', intitule: 'Méthodologie', disciplineRefs: ['DI_020700', 'DI_061300'] }],
      accPersosGroupes: [],
      bilansPeriodiques: [],
      bilansCycle: [],
    },
  };
  const d = file.donnees;
  for (const [p, indice] of [1, 2, 3].entries()) {
    for (const [s, [code, label]] of SUBJECTS.entries()) {
      for (const k of [1, 2])
        d.elementsProgramme.push({
          id: `EP_${indice}_${s}_${k}`,
          libelle: `${label} : notion ${k} de la période ${p + 1}`,
        });
    }
  }
  let n = 0;
  for (const [dv, division] of divisionsOf(sizes).entries()) {
    const half = dv % 2;
    const objectifs = half === 1;
    const cycle4 = division.niveau !== '6e';
    d.competencesNumeriquesCommuns.push({
      id: `CNC_${division.code}`,
      codeStructure: division.code,
      typeStructure: 'D',
      appreciation: text(300, dv),
    });
    d.episGroupes.push({
      id: `EPIG_${division.code}`,
      epiRef: 'EPI_1',
      intitule: 'Le corps en mouvement',
      commentaire: text(400, dv),
      enseignantsDisciplines: [{ enseignantRef: `ENS_10_${half}`, disciplineRef: 'DI_100100' }],
    });
    d.accPersosGroupes.push({
      id: `APG_${division.code}`,
      accPersoRef: 'AP_1',
      intitule: 'Méthodologie',
      commentaire: text(300, dv),
      enseignantsDisciplines: [{ enseignantRef: `ENS_0_${half}`, disciplineRef: 'DI_020700' }],
    });
    for (const indice of [1, 2, 3]) {
      d.parcoursCommuns.push({
        periodeRef: `PER_${indice}`,
        codeDivision: division.code,
        parcours: [
          { code: 'PAR_CIT', texte: text(300, indice) },
          { code: 'PAR_AVN', texte: text(200, dv) },
        ],
      });
      d.viesScolairesCommuns.push({
        periodeRef: `PER_${indice}`,
        codeDivision: division.code,
        commentaire: text(200, indice + dv),
      });
    }
    for (let i = 0; i < sizes.studentsPerDivision; i++) {
      n++;
      const eleveRef = `EL_${n}`;
      d.eleves.push({
        id: eleveRef,
        idBe: 3_000_000 + n,
        nom: `Nom${n}`,
        prenom: `Prénom${n}`,
        codeDivision: division.code,
      });
      for (const indice of [1, 2, 3]) {
        d.bilansPeriodiques.push({
          eleveRef,
          periodeRef: `PER_${indice}`,
          dateConseilClasse: ['2026-11-27', '2027-03-05', '2027-06-18'][indice - 1]!,
          dateScolarite: '2026-09-01',
          dateVerrou: '2026-11-27T18:00:00',
          responsableEtabRef: 'RESP_1',
          profPrincRefs: [`ENS_0_${half}`],
          acquis: SUBJECTS.map(([code], s) => ({
            disciplineRef: `DI_${code}`,
            enseignantRefs: [`ENS_${s}_${half}`],
            elementProgrammeRefs: [`EP_${indice}_${s}_1`, `EP_${indice}_${s}_2`],
            ...(objectifs
              ? { positionnement: 1 + ((n + s) % 4) }
              : { moyenneEleve: `${8 + ((n + s) % 12)}.5/20`, moyenneStructure: `${11 + (s % 3)}/20` }),
            appreciation: text(150 + ((n * 7 + s * 13) % 300), n + s),
          })),
          ...(cycle4
            ? {}
            : {
                competencesNumeriques: {
                  communRefs: [`CNC_${division.code}`],
                  appreciation: text(120, n),
                  competences: [
                    { code: 'CN_INF_MEN', niveau: 1 + (n % 3) },
                    { code: 'CN_COM_INT', niveau: 2 },
                  ],
                },
              }),
          episEleve: cycle4 ? [{ epiGroupeRef: `EPIG_${division.code}`, commentaire: text(200, n) }] : [],
          accPersosEleve: [{ accPersoGroupeRef: `APG_${division.code}`, commentaire: text(150, n) }],
          parcours: n % 3 === 0 ? [{ code: 'PAR_CIT', texte: text(180, n) }] : [],
          modalites: n % 10 === 0 ? [{ code: 'PPRE', complementPpre: text(100, n) }] : [],
          acquisConseils: text(600 + (n % 300), n),
          vieScolaire: {
            nbRetards: n % 5,
            nbAbsJustifiees: n % 7,
            nbAbsInjustifiees: n % 2,
            nbHeuresManquees: n % 11,
            commentaire: text(100, n),
          },
          socle: [],
          responsables: [],
        });
      }
      if (division.niveau === '6e' || division.niveau === '3e') {
        d.bilansCycle.push({
          eleveRef,
          cycle: division.niveau === '6e' ? 3 : 4,
          millesime: String(MILLESIME),
          dateCreation: '2027-06-20',
          dateVerrou: '2027-06-20T17:00:00',
          responsableEtabRef: 'RESP_1',
          profPrincRefs: [`ENS_0_${half}`],
          socle: ['CPD_FRA', 'CPD_ETR', 'CPD_SCI', 'CPD_ART', 'MET_APP', 'FRM_CIT', 'SYS_NAT', 'REP_MND'].map(
            (code, k) => ({ code, positionnement: 1 + ((n + k) % 4) }),
          ),
          synthese: text(1000, n),
          ...(division.niveau === '3e'
            ? { enseignementComplement: { code: 'LCA', positionnement: 1 + (n % 2) } }
            : {}),
          responsables: [],
        });
      }
    }
  }
  return writeLsuFile(file);
}
