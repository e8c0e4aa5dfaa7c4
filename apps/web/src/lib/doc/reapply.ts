/**
 * Taking back what this device typed after the server refused it. The server judges an update whole, so one
 * cell it refuses (a student locked meanwhile) sinks every other edit sent with it. Here the local copy is
 * merged with a copy synced to the server's state, and each cell the merge changes is written again on its own
 * if the write rule still allows it; every other one is returned, with what was typed, for the user to see.
 */
import { canWriteCell, type PositioningType, type ReadOnlyReason, type Writer } from '@livret/domain';
import {
  type Cell,
  cellKey,
  cellOf,
  getAppreciation,
  getPositionnement,
  getProgramElements,
  getSynthese,
  getVieScolaire,
  InvalidValueError,
  insertProgramElement,
  isVieScolaireValue,
  limits,
  lockedStudentIds,
  removeProgramElement,
  setAppreciation,
  setPositionnement,
  setSynthese,
  setVieScolaireField,
  type VieScolaireField,
  vieScolaireFields,
} from '@livret/domain/doc';
import * as Y from 'yjs';

/** What the write rule and the value checks need to know about this user and class. */
export interface ReapplyRules {
  writer: Writer;
  positioning: PositioningType;
  /** When given, cells of other students or disciplines are unknown cells (as on the server). */
  studentIds?: ReadonlySet<string>;
  disciplineIds?: ReadonlySet<string>;
  /** Why the whole document is read-only, when it is. */
  readOnly?: ReadOnlyReason;
}

/** A cell typed on this device that could not be written again, with what was typed and why. */
export interface RefusedEdit {
  key: string;
  cell: Cell;
  /** The value on this device, as text. */
  text: string;
  /** Why it was not kept, in French. */
  message: string;
}

/** Cell values as the helpers read them (locks are the server's and never re-applied). */
type Value = string | string[] | number | null | Partial<Record<VieScolaireField, number | string>>;

/**
 * Writes into `target` (synced to the server's state) the local edits of `local` that the server lacks, cell
 * by cell, in one transaction with `origin`. With `refuseAll`, nothing is written and every such cell is
 * returned with that message (used when the server refused the previous re-application as a whole).
 * @example const { refused } = reapplyLocalEdits(oldDoc, freshDoc, { writer, positioning: 'objectifs' }, 'reprise')
 */
export function reapplyLocalEdits(
  local: Y.Doc,
  target: Y.Doc,
  rules: ReapplyRules,
  origin: unknown,
  refuseAll?: string,
): { applied: Cell[]; refused: RefusedEdit[] } {
  const merged = mergedCopy(local, target);
  const applied: Cell[] = [];
  const refused: RefusedEdit[] = [];
  const scope = {
    lockedStudentIds: lockedStudentIds(target),
    ...(rules.studentIds ? { studentIds: rules.studentIds } : {}),
    ...(rules.disciplineIds ? { disciplineIds: rules.disciplineIds } : {}),
    ...(rules.readOnly ? { readOnly: rules.readOnly } : {}),
  };
  target.transact(() => {
    for (const [key, cell] of merged.cells) {
      if (cell.section === 'locks') continue;
      const wanted = read(merged.doc, cell);
      const current = read(target, cell);
      if (same(wanted, current)) continue;
      const refuse = (message: string) =>
        refused.push({ key, cell, text: display(cell, read(local, cell)), message });
      if (refuseAll) {
        refuse(refuseAll);
        continue;
      }
      const decision = canWriteCell(rules.writer, cell, scope);
      if (!decision.ok) {
        refuse(decision.message);
        continue;
      }
      try {
        write(target, cell, wanted, current, rules);
        applied.push(cell);
      } catch (error) {
        if (!(error instanceof InvalidValueError)) throw error;
        refuse(error.message);
      }
    }
  }, origin);
  merged.doc.destroy();
  return { applied, refused };
}

/**
 * `target` with the items of `local` it lacks (the CRDT merge the server would have made), and the cells that
 * merge changed, found from the transaction rather than by comparing whole documents.
 */
function mergedCopy(local: Y.Doc, target: Y.Doc): { doc: Y.Doc; cells: Map<string, Cell> } {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(target));
  const cells = new Map<string, Cell>();
  const names = () => new Map([...doc.share].map(([name, type]) => [type as unknown, name]));
  doc.on('afterTransaction', (transaction: Y.Transaction) => {
    const byType = names();
    for (const [type, keys] of transaction.changed) {
      const name = byType.get(type);
      if (name === undefined) continue; // nested types are not part of the layout
      for (const key of keys.size > 0 ? keys : [null]) {
        const cell = cellOf(name, key);
        if (cell) cells.set(cellKey(cell), cell);
      }
    }
  });
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(local, Y.encodeStateVector(target)));
  return { doc, cells };
}

function read(doc: Y.Doc, cell: Cell): Value {
  switch (cell.section) {
    case 'positionnement':
      return getPositionnement(doc, cell.studentId, cell.disciplineId);
    case 'appreciation':
      return getAppreciation(doc, cell.studentId, cell.disciplineId);
    case 'synthese':
      return getSynthese(doc, cell.studentId);
    case 'vie-scolaire':
      return getVieScolaire(doc, cell.studentId);
    case 'elements':
      return getProgramElements(doc, cell.disciplineId);
    case 'locks':
      return null;
  }
}

function same(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
  }
  return vieScolaireFields.every((f) => a[f] === b[f]);
}

/** Writes one cell with the domain's helpers (which check the value); throws InvalidValueError before writing. */
function write(doc: Y.Doc, cell: Cell, wanted: Value, current: Value, rules: ReapplyRules): void {
  switch (cell.section) {
    case 'positionnement':
      setPositionnement(
        doc,
        cell.studentId,
        cell.disciplineId,
        wanted as number | 'NE' | null,
        rules.positioning,
      );
      return;
    case 'appreciation':
      setAppreciation(doc, cell.studentId, cell.disciplineId, wanted as string);
      return;
    case 'synthese':
      setSynthese(doc, cell.studentId, wanted as string, rules.writer.schoolKind);
      return;
    case 'vie-scolaire': {
      const next = wanted as Partial<Record<VieScolaireField, number | string>>;
      const now = current as Partial<Record<VieScolaireField, number | string>>;
      const fields = vieScolaireFields.filter((f) => next[f] !== now[f]);
      // All fields checked first: a student's vie scolaire is kept whole or not at all.
      if (fields.some((f) => next[f] !== undefined && !isVieScolaireValue(f, next[f]))) {
        throw new InvalidValueError('Valeur de vie scolaire non valide.', 'out-of-range');
      }
      for (const f of fields) setVieScolaireField(doc, cell.studentId, f, next[f] ?? null);
      return;
    }
    case 'elements':
      writeElements(doc, cell.disciplineId, wanted as string[], current as string[]);
      return;
    case 'locks':
      return;
  }
}

/** Only the part of the list that differs is replaced, so a colleague's concurrent change elsewhere stays. */
function writeElements(doc: Y.Doc, disciplineId: string, wanted: string[], current: string[]): void {
  const shortest = Math.min(wanted.length, current.length);
  let start = 0;
  while (start < shortest && wanted[start] === current[start]) start++;
  let end = 0;
  while (end < shortest - start && wanted[wanted.length - 1 - end] === current[current.length - 1 - end])
    end++;
  const inserted = wanted.slice(start, wanted.length - end);
  if (inserted.some((e) => e.trim() !== e || e.length === 0 || e.length > limits.programElement)) {
    throw new InvalidValueError('Un élément du programme n’est pas valide.', 'not-allowed');
  }
  for (let i = current.length - end - start; i > 0; i--) removeProgramElement(doc, disciplineId, start);
  inserted.forEach((e, i) => {
    insertProgramElement(doc, disciplineId, start + i, e);
  });
}

const vieScolaireLabels: Record<VieScolaireField, string> = {
  nbRetards: 'Retards',
  nbAbsJustifiees: 'Absences justifiées',
  nbAbsInjustifiees: 'Absences non justifiées',
  nbHeuresManquees: 'Heures manquées',
  commentaire: 'Commentaire',
};

/** A cell's value as the panel shows it (and as «Copier» copies it). */
function display(cell: Cell, value: Value): string {
  const empty = '(effacé)';
  switch (cell.section) {
    case 'positionnement':
      return value === null ? empty : String(value).replace('.', ',');
    case 'appreciation':
    case 'synthese':
      return (value as string) || empty;
    case 'elements':
      return (value as string[]).join('\n') || empty;
    case 'vie-scolaire': {
      const v = value as Partial<Record<VieScolaireField, number | string>>;
      const parts = vieScolaireFields
        .filter((f) => v[f] !== undefined)
        .map((f) => `${vieScolaireLabels[f]} : ${v[f]}`);
      return parts.join(' · ') || empty;
    }
    case 'locks':
      return '';
  }
}
