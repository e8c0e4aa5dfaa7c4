/**
 * Éditeurs mode: an imported bilan, matched to the school, becomes a frozen record exactly as a lock in the app
 * would have made it (same schema, same context), so the family portal, the PDF and the export treat both alike.
 */
import {
  type FrozenBilanFinCycle,
  FrozenBilanFinCycleSchema,
  type FrozenBilanPeriodique,
  FrozenBilanPeriodiqueSchema,
  type Person,
} from '@livret/domain';
import type { ImportedBilanFinCycle, ImportedBilanPeriodique } from '@livret/lsu-xml';
import type { SchoolDirectory } from './directory.js';
import { samePerson } from './identity.js';
import type { Match } from './matching.js';

export interface FreezeMeta {
  frozenAt: string;
  frozenBy: { id: string; name: string };
  version: number;
}

const contextOf = (directory: SchoolDirectory, match: Match) => ({
  school: {
    uai: directory.school.uai,
    name: directory.school.name,
    kind: directory.school.kind as '1D' | '2D',
    academie: directory.school.academie,
  },
  millesime: directory.millesime,
  class: {
    id: match.klass.id,
    code: match.klass.code,
    label: match.klass.label,
    niveaux: match.klass.niveaux,
  },
  student: {
    id: match.student.id,
    ine: match.student.ine,
    lastName: match.student.lastName,
    firstName: match.student.firstName,
    birthDate: match.student.birthDate,
    sex: match.student.sex as 'M' | 'F',
    niveau: match.niveau,
  },
});

/** The head named by the file: a direction account of the school when the names match, else the file's. */
function responsableOf(
  directory: SchoolDirectory,
  imported: { label: string; person: Person | null },
): Person | null {
  const person = imported.person;
  if (!person) return null;
  // «Prénom NOM», «MME NOM Prénom»…: compared as names are (case, accents, hyphens); a title alone never matches.
  const account = person.firstName ? directory.direction.find((a) => samePerson(person, a)) : undefined;
  return account
    ? {
        civilite: account.civilite as Person['civilite'],
        lastName: account.lastName,
        firstName: account.firstName,
      }
    : person;
}

/**
 * The frozen bilan périodique of an import (throws a ZodError when the content breaks the LSU limits).
 * The positioning is the class's, unless the file's values are on the other scale.
 */
export function frozenPeriodique(
  directory: SchoolDirectory,
  match: Match,
  bilan: ImportedBilanPeriodique,
  meta: FreezeMeta,
): FrozenBilanPeriodique {
  const classPositioning = match.klass.settings.positioning as FrozenBilanPeriodique['positioning'];
  const hasValues = bilan.rows.some((r) => typeof r.positionnement === 'number');
  const sameKind = (bilan.positioning === 'objectifs') === (classPositioning === 'objectifs');
  const positioning = !hasValues || sameKind ? classPositioning : bilan.positioning;
  const period = match.period!;
  return FrozenBilanPeriodiqueSchema.parse({
    format: 'livret/bilan-periodique',
    formatVersion: 1,
    ...meta,
    ...contextOf(directory, match),
    period: {
      id: period.id,
      indice: period.indice,
      count: period.count,
      label: period.label,
      startsOn: period.startsOn,
      endsOn: period.endsOn,
    },
    positioning,
    disciplines: match.rows.map((row) => ({
      id: row.disciplineId,
      code: row.code,
      label: row.label,
      teachers: row.teachers,
      elements: row.source.elements,
      appreciation: row.source.appreciation.trim(),
      positionnement: row.source.positionnement,
      ...(row.source.moyenneClasse === undefined ? {} : { moyenneClasse: row.source.moyenneClasse }),
    })),
    epi: bilan.epi,
    ap: bilan.ap,
    parcours: bilan.parcours,
    modalites: bilan.modalites,
    competencesNumeriques: bilan.competencesNumeriques,
    synthese: bilan.synthese.trim(),
    devoirsFaits: bilan.devoirsFaits,
    vieScolaire: bilan.vieScolaire,
    socle: bilan.socle,
    communication: {
      responsableEtablissement: responsableOf(directory, bilan.responsableEtablissement),
      professeursPrincipaux: bilan.professeursPrincipaux,
      enseignants: bilan.enseignants,
    },
    dateConseil: bilan.dateConseil,
    dateScolarite: bilan.dateScolarite,
  });
}

/** The frozen bilan de fin de cycle of an import. */
export function frozenFinCycle(
  directory: SchoolDirectory,
  match: Match,
  bilan: ImportedBilanFinCycle,
  meta: FreezeMeta,
): FrozenBilanFinCycle {
  return FrozenBilanFinCycleSchema.parse({
    format: 'livret/bilan-fin-cycle',
    formatVersion: 1,
    ...meta,
    ...contextOf(directory, match),
    cycle: bilan.cycle,
    socle: bilan.socle,
    synthese: bilan.synthese.trim(),
    enseignementComplement: bilan.enseignementComplement,
    langueRegionale: bilan.langueRegionale,
    responsableEtablissement: responsableOf(directory, bilan.responsableEtablissement),
    professeursPrincipaux: bilan.professeursPrincipaux,
  });
}
