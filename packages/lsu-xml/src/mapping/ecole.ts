/**
 * Frozen bilans of an école ↔ the LSU 1D file (schema 1.0). Writer and reader sit together, in the same order.
 * Each row of a bilan (a domaine or sous-domaine such as `FRA-LGO`) is one `acquis` of its code; on reading, the
 * sous-domaines of a file that groups them under a domaine become rows too. Students are identified by INE.
 */
import {
  composantesSocleCodes,
  type FrozenBilanFinCycle,
  type FrozenBilanPeriodique,
  modalitesAccompagnement,
  type Person,
  parcours as parcoursCodes,
  parisDay,
} from '@livret/domain';
import type { EcoleFile } from '../ecole/records.js';
import {
  civiliteOfXml,
  civiliteToXml,
  type ImportedBilanFinCycle,
  type ImportedBilanPeriodique,
  type ImportedRow,
} from './imported-bilan.js';

const nonBlank = (text: string | null | undefined): text is string => !!text && text.trim().length > 0;

export interface EcoleExportInput {
  uai: string;
  /** Identifier of each class in the base élèves (`id-be`), when known; else a stable local number. */
  classIdBe?: (classId: string) => number | undefined;
  bilans: readonly FrozenBilanPeriodique[];
  cycles: readonly FrozenBilanFinCycle[];
  application?: { editeur: string; application: string };
}

/**
 * Builds the LSU 1D file of an école's frozen bilans (periodic and de fin de cycle 2).
 * @example const { file, warnings } = ecoleFileFromFrozen({ uai, bilans, cycles: [] });
 */
export function ecoleFileFromFrozen(input: EcoleExportInput): { file: EcoleFile; warnings: string[] } {
  const warnings: string[] = [];
  const d: EcoleFile['donnees'] = {
    directeurs: [],
    classes: [],
    eleves: [],
    periodes: [],
    enseignants: [],
    elementsProgramme: [],
    parcoursCommuns: [],
    bilansPeriodiques: [],
    bilansCycle: [],
  };
  const registry = new Map<string, string>();
  const once = <T>(key: string, prefix: string, list: T[], make: (id: string) => T) => {
    let id = registry.get(`${prefix}|${key}`);
    if (!id) {
      id = `${prefix}_${list.length + 1}`;
      registry.set(`${prefix}|${key}`, id);
      list.push(make(id));
    }
    return id;
  };
  const person = (
    p: { civilite: string | null; lastName: string; firstName: string },
    prefix: 'DIR' | 'ENS',
    list: { id: string }[],
  ) =>
    once(`${p.civilite}|${p.lastName}|${p.firstName}`, prefix, list, (id) => ({
      id,
      civilite: civiliteToXml(p.civilite) ?? 'M',
      nom: p.lastName,
      prenom: p.firstName,
    }));
  const directeur = (p: Person | null | undefined) =>
    person(p ?? { civilite: null, lastName: 'Directeur', firstName: 'École' }, 'DIR', d.directeurs);
  const classe = (c: FrozenBilanPeriodique['class']) =>
    once(c.id, 'CL', d.classes, (id) => ({
      id,
      idBe: input.classIdBe?.(c.id) ?? d.classes.length + 1,
      libelle: Array.from(c.label).slice(0, 50).join(''), // characters, as the XSD counts
    }));
  const eleve = (bilan: {
    student: FrozenBilanPeriodique['student'];
    class: FrozenBilanPeriodique['class'];
  }) =>
    once(bilan.student.id, 'EL', d.eleves, (id) => ({
      id,
      ine: bilan.student.ine,
      classeRef: classe(bilan.class),
      nom: bilan.student.lastName,
      prenom: bilan.student.firstName,
    }));
  const enseignantsOf = (people: readonly Person[], rows: FrozenBilanPeriodique['disciplines']) => {
    const list = people.length > 0 ? people : rows.flatMap((r) => r.teachers);
    return [...new Set(list.map((p) => person(p, 'ENS', d.enseignants)))];
  };
  const communs = new Map<string, Map<string, string>>();

  for (const bilan of input.bilans) {
    const who = `${bilan.student.lastName} ${bilan.student.firstName} (${bilan.period.label})`;
    if (!nonBlank(bilan.synthese)) {
      warnings.push(`${who} : bilan non exporté, l’appréciation générale est vide.`);
      continue;
    }
    const enseignantRefs = enseignantsOf(bilan.communication.enseignants, bilan.disciplines);
    if (enseignantRefs.length === 0) {
      warnings.push(`${who} : bilan non exporté, aucun enseignant n’y est rattaché.`);
      continue;
    }
    const eleveRef = eleve(bilan);
    const periodeRef = once(`${bilan.millesime}|${bilan.period.indice}`, 'PER', d.periodes, (id) => ({
      id,
      millesime: String(bilan.millesime),
      indice: bilan.period.indice,
      nbPeriodes: bilan.period.count,
      dateDebut: bilan.period.startsOn,
      dateFin: bilan.period.endsOn,
    }));
    const group = `${periodeRef}|${classe(bilan.class)}`;
    const texts = communs.get(group) ?? new Map<string, string>();
    communs.set(group, texts);
    for (const p of bilan.parcours) if (nonBlank(p.projet) && !texts.has(p.code)) texts.set(p.code, p.projet);

    d.bilansPeriodiques.push({
      eleveRef,
      periodeRef,
      enseignantRefs,
      dateCreation: bilan.dateConseil ?? parisDay(new Date(bilan.frozenAt)),
      dateScolarite: bilan.dateScolarite ?? bilan.period.startsOn,
      dateVerrou: bilan.frozenAt.slice(0, 19),
      directeurRef: directeur(bilan.communication.responsableEtablissement),
      acquis: bilan.disciplines.map((row) => ({
        codeDomaine: row.code,
        elementProgrammeRefs: row.elements.map((libelle) =>
          once(libelle, 'EP', d.elementsProgramme, (id) => ({ id, libelle })),
        ),
        ...(typeof row.positionnement === 'number' ? { positionnement: row.positionnement } : {}),
        ...(row.positionnement === 'NE' ? { nonEvalue: true } : {}),
        ...(nonBlank(row.appreciation) ? { appreciation: row.appreciation } : {}),
        sousDomaines: [],
      })),
      parcours: bilan.parcours
        .filter((p) => nonBlank(p.commentaire))
        .map((p) => ({ code: p.code, texte: p.commentaire ?? '' })),
      modalites: bilan.modalites.map((m) => ({
        code: m.code,
        ...(m.code === 'PPRE' && nonBlank(m.complement) ? { complementPpre: m.complement } : {}),
      })),
      appreciationGenerale: bilan.synthese,
      socle: bilan.socle
        ? composantesSocleCodes.map((code) => ({ code, positionnement: bilan.socle?.[code] ?? 0 }))
        : [],
      responsables: [],
    });
  }
  for (const [group, texts] of communs) {
    if (texts.size === 0) continue;
    const [periodeRef = '', classeRef = ''] = group.split('|');
    d.parcoursCommuns.push({
      periodeRef,
      classeRef,
      parcours: [...texts].map(([code, texte]) => ({ code, texte })),
    });
  }

  for (const cycle of input.cycles) {
    const who = `${cycle.student.lastName} ${cycle.student.firstName} (fin de cycle ${cycle.cycle})`;
    if (cycle.cycle !== 2) {
      warnings.push(`${who} : le format école ne porte que le bilan de fin de cycle 2.`);
      continue;
    }
    if (!nonBlank(cycle.synthese)) {
      warnings.push(`${who} : bilan non exporté, la synthèse est vide.`);
      continue;
    }
    const teachers = cycle.professeursPrincipaux ?? [];
    if (teachers.length === 0) {
      warnings.push(`${who} : bilan non exporté, aucun enseignant n’y est rattaché.`);
      continue;
    }
    d.bilansCycle.push({
      eleveRef: eleve(cycle),
      cycle: 2,
      millesime: String(cycle.millesime),
      enseignantRefs: teachers.map((p) => person(p, 'ENS', d.enseignants)),
      dateCreation: cycle.frozenAt.slice(0, 10),
      dateVerrou: cycle.frozenAt.slice(0, 19),
      directeurRef: directeur(cycle.responsableEtablissement),
      socle: composantesSocleCodes.map((code) => ({ code, positionnement: cycle.socle[code] })),
      synthese: cycle.synthese,
      responsables: [],
    });
  }
  const application = input.application ?? { editeur: 'Livret', application: 'Livret' };
  return {
    file: {
      degre: '1D',
      schemaVersion: '1.0',
      entete: { ...application, etablissement: input.uai },
      donnees: d,
    },
    warnings,
  };
}

/**
 * Reads every bilan of an école file.
 * @example for (const bilan of bilansOfEcoleFile(read.file)) match(bilan);
 */
export function bilansOfEcoleFile(file: EcoleFile): (ImportedBilanPeriodique | ImportedBilanFinCycle)[] {
  const d = file.donnees;
  const byId = <T extends { id: string }>(list: readonly T[]) => new Map(list.map((item) => [item.id, item]));
  const eleves = byId(d.eleves);
  const classes = byId(d.classes);
  const periodes = byId(d.periodes);
  const elements = byId(d.elementsProgramme);
  const people = new Map([...d.enseignants, ...d.directeurs].map((p) => [p.id, p]));
  const personOf = (id: string): Person => {
    const p = people.get(id);
    return { civilite: civiliteOfXml(p?.civilite), lastName: p?.nom ?? '', firstName: p?.prenom ?? '' };
  };
  const studentOf = (id: string) => {
    const e = eleves.get(id);
    const classe = e ? classes.get(e.classeRef) : undefined;
    return {
      fileId: id,
      ...(e ? { ine: e.ine } : {}),
      lastName: e?.nom ?? '',
      firstName: e?.prenom ?? '',
      division: classe?.libelle ?? String(classe?.idBe ?? ''),
      classeRef: e?.classeRef,
    };
  };
  const directeurOf = (id: string) => {
    const person = personOf(id);
    return { label: [person.civilite, person.firstName, person.lastName].filter(Boolean).join(' '), person };
  };
  const elementsOf = (refs: readonly string[]) =>
    refs.map((ref) => elements.get(ref)?.libelle ?? '').filter(Boolean);
  const positionOf = (a: { positionnement?: number; nonEvalue?: boolean }): ImportedRow['positionnement'] =>
    a.nonEvalue ? 'NE' : (a.positionnement ?? null);

  const periodiques = d.bilansPeriodiques.map((b): ImportedBilanPeriodique => {
    const { classeRef, ...student } = studentOf(b.eleveRef);
    const periode = periodes.get(b.periodeRef);
    const teachers = b.enseignantRefs.map(personOf).map((p) => ({ ...p }));
    const rows: ImportedRow[] = b.acquis.flatMap((a) => {
      const own: ImportedRow = {
        code: a.codeDomaine,
        label: a.codeDomaine,
        teachers,
        elements: elementsOf(a.elementProgrammeRefs),
        appreciation: a.appreciation ?? '',
        positionnement: positionOf(a),
      };
      if (a.sousDomaines.length === 0) return [own];
      const subRows = a.sousDomaines.map((s, index) => ({
        code: s.codeDomaine,
        label: s.codeDomaine,
        teachers,
        elements: elementsOf(s.elementProgrammeRefs),
        // The domaine's appreciation goes with its first sous-domaine: the format has none per sous-domaine.
        appreciation: index === 0 ? (a.appreciation ?? '') : '',
        positionnement: positionOf(s),
      }));
      const ownHasData = own.positionnement !== null || own.elements.length > 0;
      return ownHasData ? [{ ...own, appreciation: '' }, ...subRows] : subRows;
    });
    const communs = new Map(
      d.parcoursCommuns
        .filter((c) => c.periodeRef === b.periodeRef && c.classeRef === classeRef)
        .flatMap((c) => c.parcours.map((p) => [p.code, p.texte] as const)),
    );
    const individuels = new Map(b.parcours.map((p) => [p.code, p.texte] as const));
    const socleComplete = b.socle.length === 8 && b.socle.every((s) => s.positionnement !== undefined);
    const warnings =
      b.socle.length > 0 && !socleComplete
        ? [
            'Niveaux de maîtrise du socle non repris : les 8 composantes, chacune positionnée, sont attendues.',
          ]
        : [];
    return {
      kind: 'periodique',
      student,
      period: {
        millesime: Number(periode?.millesime),
        indice: periode?.indice ?? 0,
        count: periode?.nbPeriodes ?? 0,
      },
      positioning: 'objectifs',
      rows,
      epi: [],
      ap: [],
      parcours: (Object.keys(parcoursCodes) as (keyof typeof parcoursCodes)[])
        .filter((code) => communs.has(code) || individuels.has(code))
        .map((code) => ({
          code,
          projet: communs.get(code) ?? '',
          ...(individuels.has(code) ? { commentaire: individuels.get(code) } : {}),
        })),
      modalites: b.modalites.flatMap((m) =>
        m.code in modalitesAccompagnement
          ? [
              {
                code: m.code as keyof typeof modalitesAccompagnement,
                ...(m.complementPpre ? { complement: m.complementPpre } : {}),
              },
            ]
          : [],
      ),
      competencesNumeriques: null,
      synthese: b.appreciationGenerale,
      devoirsFaits: null,
      vieScolaire: null,
      socle: socleComplete
        ? (Object.fromEntries(
            b.socle.map((s) => [s.code, s.positionnement]),
          ) as ImportedBilanPeriodique['socle'])
        : null,
      responsableEtablissement: directeurOf(b.directeurRef),
      professeursPrincipaux: [],
      enseignants: b.enseignantRefs.map(personOf),
      dateConseil: b.dateCreation,
      dateScolarite: b.dateScolarite,
      warnings,
    };
  });

  const cycles = d.bilansCycle.map((b): ImportedBilanFinCycle => {
    const { classeRef: _classe, ...student } = studentOf(b.eleveRef);
    return {
      kind: 'fin-de-cycle',
      student,
      millesime: Number(b.millesime),
      cycle: 2,
      socle: Object.fromEntries(
        b.socle.map((s) => [s.code, s.positionnement]),
      ) as ImportedBilanFinCycle['socle'],
      synthese: b.synthese,
      enseignementComplement: null,
      langueRegionale: null,
      responsableEtablissement: directeurOf(b.directeurRef),
      professeursPrincipaux: b.enseignantRefs.map(personOf),
      warnings: [],
    };
  });
  return [...periodiques, ...cycles];
}
