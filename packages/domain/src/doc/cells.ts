/**
 * The cells of a class document and the names that carry them. Every shared type of the layout is a ROOT
 * type: concurrent lazy creation of nested types loses data in Yjs, and a root name tells the server which
 * cell an update touches without walking a tree.
 */

/** A unit of authorisation: what one update item writes. */
export type Cell =
  | { section: 'elements'; disciplineId: string }
  | { section: 'positionnement'; studentId: string; disciplineId: string }
  | { section: 'appreciation'; studentId: string; disciplineId: string }
  | { section: 'synthese'; studentId: string }
  | { section: 'vie-scolaire'; studentId: string }
  | { section: 'locks'; studentId: string };

/** The section of a cell. */
export type CellSection = Cell['section'];

/** Root names and map names of the layout, owned here and nowhere else. */
export const roots = {
  elements: (disciplineId: string) => `elements/${disciplineId}`,
  positionnement: 'positionnement',
  appreciation: (studentId: string, disciplineId: string) => `appreciation/${studentId}/${disciplineId}`,
  synthese: (studentId: string) => `synthese/${studentId}`,
  vieScolaire: 'vie-scolaire',
  locks: 'locks',
} as const;

const ID = /^[0-9A-Za-z-]{1,64}$/;

/**
 * The cell a root type (and, for maps, a key) stands for; null when it is not part of the layout.
 * @example cellOf('positionnement', 's1/d1') // { section: 'positionnement', studentId: 's1', disciplineId: 'd1' }
 */
export function cellOf(rootName: string, mapKey: string | null): Cell | null {
  const parts = rootName.split('/');
  const [head] = parts;
  const ids = (values: string[]) => values.every((v) => ID.test(v));
  if (head === 'elements' && parts.length === 2 && mapKey === null && ids([parts[1]!])) {
    return { section: 'elements', disciplineId: parts[1]! };
  }
  if (head === 'appreciation' && parts.length === 3 && mapKey === null && ids([parts[1]!, parts[2]!])) {
    return { section: 'appreciation', studentId: parts[1]!, disciplineId: parts[2]! };
  }
  if (head === 'synthese' && parts.length === 2 && mapKey === null && ids([parts[1]!])) {
    return { section: 'synthese', studentId: parts[1]! };
  }
  if (parts.length !== 1 || mapKey === null) return null;
  const keyParts = mapKey.split('/');
  if (rootName === roots.positionnement && keyParts.length === 2 && ids(keyParts)) {
    return { section: 'positionnement', studentId: keyParts[0]!, disciplineId: keyParts[1]! };
  }
  if (
    rootName === roots.vieScolaire &&
    keyParts.length === 2 &&
    ids([keyParts[0]!]) &&
    isVieScolaireKey(keyParts[1]!)
  ) {
    return { section: 'vie-scolaire', studentId: keyParts[0]! };
  }
  if (rootName === roots.locks && keyParts.length === 1 && ids(keyParts)) {
    return { section: 'locks', studentId: keyParts[0]! };
  }
  return null;
}

/**
 * A stable string for a cell (for sets and logs), e.g. `positionnement/<studentId>/<disciplineId>`.
 * @example new Set(cells.map(cellKey))
 */
export function cellKey(cell: Cell): string {
  switch (cell.section) {
    case 'elements':
      return `elements/${cell.disciplineId}`;
    case 'positionnement':
    case 'appreciation':
      return `${cell.section}/${cell.studentId}/${cell.disciplineId}`;
    case 'synthese':
    case 'vie-scolaire':
    case 'locks':
      return `${cell.section}/${cell.studentId}`;
  }
}

/** The fields of the vie scolaire, per student (map key `<studentId>/<field>`). */
export const vieScolaireFields = [
  'nbRetards',
  'nbAbsJustifiees',
  'nbAbsInjustifiees',
  'nbHeuresManquees',
  'commentaire',
] as const;
/** One field of the vie scolaire. */
export type VieScolaireField = (typeof vieScolaireFields)[number];

function isVieScolaireKey(field: string): field is VieScolaireField {
  return (vieScolaireFields as readonly string[]).includes(field);
}

/** The name of the live document of a class for a period (also its sync URL path). */
export function classDocName(classId: string, periodId: string): string {
  return `classes/${classId}/periods/${periodId}`;
}

/** The class and period of a document name; null if the name is not a class document's. */
export function parseClassDocName(name: string): { classId: string; periodId: string } | null {
  const match = /^classes\/([0-9A-Za-z-]{1,64})\/periods\/([0-9A-Za-z-]{1,64})$/.exec(name);
  return match ? { classId: match[1]!, periodId: match[2]! } : null;
}
