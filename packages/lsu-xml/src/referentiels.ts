/**
 * The référentiels of a collège LSU file (élèves, périodes, disciplines, enseignants, éléments du programme,
 * responsables) and the periodic bilans' core (acquis per discipline), as typed records. Each element is
 * checked against the XSD's constraints that matter for the data (required attributes, lengths, enumerations)
 * and every reference (IDREF) must point to an element of the right kind (ID). Problems are collected, with
 * the element and the reason in French, rather than stopping at the first.
 */
import { z } from 'zod';
import type { LsuIssue } from './errors.js';

const str = (min: number, max: number) => z.string().trim().min(min).max(max);
const id = z.string().regex(/^[A-Za-z_][\w.-]*$/, 'identifiant XML non valide');

export const EleveSchema = z.object({
  id,
  'id-be': z.string().regex(/^\d+$/, 'id-be doit être un nombre'),
  nom: str(1, 100),
  prenom: str(1, 100),
  'code-division': str(1, 8),
});
export const PeriodeSchema = z.object({
  id,
  millesime: z.string().regex(/^\d{4}$/, 'millésime sur 4 chiffres'),
  indice: z.string().regex(/^[1-9]\d*$/),
  'nb-periodes': z.string().regex(/^[1-9]\d*$/),
});
export const DisciplineSchema = z.object({
  id,
  code: str(1, 6),
  'modalite-election': z.enum(['S', 'O', 'F', 'L', 'R', 'X']),
  libelle: str(1, 40),
});
export const EnseignantSchema = z.object({
  id,
  type: z.enum(['epp', 'local', 'dir', 'autre']),
  'id-sts': str(1, 20),
  civilite: z.enum(['M', 'MME']),
  nom: str(1, 100),
  prenom: str(1, 100).optional(),
});
export const ElementProgrammeSchema = z.object({ id, libelle: str(1, 300) });
export const ResponsableEtabSchema = z.object({ id, libelle: str(1, 100) });

export const AcquisSchema = z.object({
  'discipline-ref': id,
  'enseignant-refs': z.string().optional(),
  'element-programme-refs': z.string().optional(),
  'moyenne-eleve': z.string().max(8).optional(),
  'moyenne-structure': z.string().max(8).optional(),
  positionnement: z
    .string()
    .regex(/^[1-4]$/)
    .optional(),
  'eleve-non-note': z.string().optional(),
  'structure-non-notee': z.string().optional(),
  appreciation: z.string().max(600).optional(),
});
export const BilanPeriodiqueSchema = z.object({
  'eleve-ref': id,
  'periode-ref': id,
  'prof-princ-refs': z.string().optional(),
  'responsable-etab-ref': id,
  'date-conseil-classe': z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  'date-scolarite': z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  'date-verrou': z.string().regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/),
  acquis: z.array(AcquisSchema),
});

export type Eleve = z.infer<typeof EleveSchema>;
export type Periode = z.infer<typeof PeriodeSchema>;
export type Discipline = z.infer<typeof DisciplineSchema>;
export type Enseignant = z.infer<typeof EnseignantSchema>;
export type ElementProgramme = z.infer<typeof ElementProgrammeSchema>;
export type ResponsableEtab = z.infer<typeof ResponsableEtabSchema>;
export type BilanPeriodiqueXml = z.infer<typeof BilanPeriodiqueSchema>;

export interface CollegeFile {
  schemaVersion: string;
  entete: { editeur: string; application: string; appliVersion?: string; etablissement: string };
  responsables: ResponsableEtab[];
  eleves: Eleve[];
  periodes: Periode[];
  disciplines: Discipline[];
  enseignants: Enseignant[];
  elementsProgramme: ElementProgramme[];
  bilansPeriodiques: BilanPeriodiqueXml[];
}

type Node = Record<string, unknown>;
const list = (node: unknown, container: string, item: string): Node[] =>
  (((node as Node | undefined)?.[container] as Node | undefined)?.[item] as Node[] | undefined) ?? [];

/** Reads the collège référentiels and bilans of a parsed `lsun-bilans` element. */
export function readCollege(root: Node, schemaVersion: string): { file: CollegeFile; issues: LsuIssue[] } {
  const issues: LsuIssue[] = [];
  const donnees = (root.donnees ?? {}) as Node;
  const entete = (root.entete ?? {}) as Node;
  const ids = new Map<string, string>(); // id -> kind, for IDREF checks

  const take = <T>(schema: z.ZodType<T>, nodes: Node[], path: string, kind: string): T[] => {
    const out: T[] = [];
    nodes.forEach((node, index) => {
      const result = schema.safeParse(node);
      const where = `lsun-bilans/donnees/${path}[${index + 1}]`;
      if (!result.success) {
        for (const issue of result.error.issues) {
          issues.push({
            element: where,
            reason: `${issue.path.join('/') || 'élément'} : ${frenchReason(issue)}`,
          });
        }
        return;
      }
      const nodeId = (result.data as { id?: string }).id;
      if (nodeId) {
        if (ids.has(nodeId)) issues.push({ element: where, reason: `identifiant « ${nodeId} » en double` });
        ids.set(nodeId, kind);
      }
      out.push(result.data);
    });
    return out;
  };

  const etablissement = String(entete.etablissement ?? '');
  if (!/^\d{7}[A-Z]$/.test(etablissement)) {
    issues.push({
      element: 'lsun-bilans/entete/etablissement',
      reason: `code UAI « ${etablissement} » non valide`,
    });
  }
  const file: CollegeFile = {
    schemaVersion,
    entete: {
      editeur: String(entete.editeur ?? ''),
      application: String(entete.application ?? ''),
      ...(entete.appliVersion ? { appliVersion: String(entete.appliVersion) } : {}),
      etablissement,
    },
    responsables: take(
      ResponsableEtabSchema,
      list(donnees, 'responsables-etab', 'responsable-etab'),
      'responsables-etab/responsable-etab',
      'responsable',
    ),
    eleves: take(EleveSchema, list(donnees, 'eleves', 'eleve'), 'eleves/eleve', 'eleve'),
    periodes: take(PeriodeSchema, list(donnees, 'periodes', 'periode'), 'periodes/periode', 'periode'),
    disciplines: take(
      DisciplineSchema,
      list(donnees, 'disciplines', 'discipline'),
      'disciplines/discipline',
      'discipline',
    ),
    enseignants: take(
      EnseignantSchema,
      list(donnees, 'enseignants', 'enseignant'),
      'enseignants/enseignant',
      'enseignant',
    ),
    elementsProgramme: take(
      ElementProgrammeSchema,
      list(donnees, 'elements-programme', 'element-programme'),
      'elements-programme/element-programme',
      'element-programme',
    ),
    bilansPeriodiques: [],
  };
  if (file.eleves.length === 0 && issues.length === 0) {
    issues.push({ element: 'lsun-bilans/donnees/eleves', reason: 'aucun élève dans le fichier' });
  }

  const bilans = list(donnees, 'bilans-periodiques', 'bilan-periodique').map((node) => ({
    ...node,
    acquis: (((node['liste-acquis'] as Node | undefined)?.acquis as Node[] | undefined) ?? []).map((a) => ({
      ...a,
      appreciation: typeof a.appreciation === 'string' ? a.appreciation : undefined,
    })),
  }));
  file.bilansPeriodiques = take(
    BilanPeriodiqueSchema,
    bilans,
    'bilans-periodiques/bilan-periodique',
    'bilan',
  );

  // References must point to an element of the right kind.
  const ref = (value: string | undefined, kind: string, where: string, attribute: string) => {
    for (const target of (value ?? '').split(/\s+/).filter(Boolean)) {
      if (ids.get(target) !== kind) {
        issues.push({
          element: where,
          reason: `${attribute} « ${target} » ne désigne aucun élément ${kind} du fichier`,
        });
      }
    }
  };
  file.bilansPeriodiques.forEach((bilan, index) => {
    const where = `lsun-bilans/donnees/bilans-periodiques/bilan-periodique[${index + 1}]`;
    ref(bilan['eleve-ref'], 'eleve', where, 'eleve-ref');
    ref(bilan['periode-ref'], 'periode', where, 'periode-ref');
    ref(bilan['responsable-etab-ref'], 'responsable', where, 'responsable-etab-ref');
    ref(bilan['prof-princ-refs'], 'enseignant', where, 'prof-princ-refs');
    bilan.acquis.forEach((acquis, i) => {
      const at = `${where}/liste-acquis/acquis[${i + 1}]`;
      ref(acquis['discipline-ref'], 'discipline', at, 'discipline-ref');
      ref(acquis['enseignant-refs'], 'enseignant', at, 'enseignant-refs');
      ref(acquis['element-programme-refs'], 'element-programme', at, 'element-programme-refs');
    });
  });
  return { file, issues };
}

function frenchReason(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'attribut obligatoire absent' : 'type inattendu';
    case 'too_big':
      return `trop long (${String(issue.maximum)} caractères au plus)`;
    case 'too_small':
      return 'ne peut pas être vide';
    case 'invalid_value':
      return `valeur non autorisée (attendu : ${issue.values.map(String).join(', ')})`;
    default:
      return issue.message === 'Invalid string: must match pattern' || issue.code === 'invalid_format'
        ? 'format non valide'
        : issue.message;
  }
}
