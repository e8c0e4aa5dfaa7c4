/**
 * What an incoming Yjs update DOES to a live document, found by letting Yjs integrate it into a trial copy
 * of the room's document and reading the transaction: the items it added (with the parent Yjs gave them),
 * the content it deleted, and whether anything was left pending or threw. The verdict is about what Yjs
 * does, not about what the bytes seem to say: an item whose right origin is content that does not exist
 * yet is parked by Yjs (and would land later, unjudged), so it is refused; an update that makes Yjs throw
 * is refused and never stored.
 *
 * The trial copy is kept in step with the room's document: an accepted update is applied to both; after a
 * refusal (or a failed store) the copy is rebuilt from the document, which costs time in proportion to the
 * document — paid only on refusals, which the per-connection rate limit bounds.
 */
import { type Cell, cellOf, textLength } from '@livret/domain/doc';
import * as Y from 'yjs';
import { Refusal, type RefusalCode } from './protocol.js';

/** One change an update makes to one cell, as Yjs integrated it. */
export type Touch =
  /** A value written: a map entry (`key`), or an element inserted into a list (`key` null). */
  | { cell: Cell; op: 'set'; key: string | null; value: unknown }
  /** A text changed: its length in characters before and after the update. */
  | { cell: Cell; op: 'text'; before: number; after: number }
  /** Content removed from the cell (a list element, a map entry, characters). */
  | { cell: Cell; op: 'delete' };

/** The effect of an update, or why Yjs cannot take it as a whole. */
export type Effect =
  | { ok: true; touches: Touch[]; noop: boolean }
  | { ok: false; code: RefusalCode; detail: string };

const TRIAL = Symbol('trial');
const SERVER_CHANGE = Symbol('server-change');

class Unacceptable extends Error {
  constructor(
    readonly code: RefusalCode,
    detail: string,
  ) {
    super(detail);
  }
}

/** A copy of a document that updates are tried on before the document itself takes them. */
export class TrialDoc {
  private copy: Y.Doc;

  constructor(private readonly source: Y.Doc) {
    this.copy = copyOf(source);
  }

  /**
   * Integrates `update` into the copy and reports its effect. After an `ok` effect the copy holds the
   * update: the caller applies it to the source too, or calls `reset()`. After a refusal the copy is
   * already back in step with the source.
   */
  try(update: Uint8Array): Effect {
    if (!onlyKnownStructKinds(this.copy, update)) {
      return { ok: false, code: Refusal.malformed, detail: 'garbage-collected or skipped content' };
    }
    let touches: Touch[] | Unacceptable | undefined;
    const onTransaction = (transaction: Y.Transaction) => {
      // Read before Yjs collects deleted content (that runs right after this event).
      if (transaction.origin !== TRIAL) return;
      try {
        touches = touchesOf(transaction, this.source);
      } catch (error) {
        touches = error instanceof Unacceptable ? error : new Unacceptable(Refusal.malformed, String(error));
      }
    };
    this.copy.on('afterTransaction', onTransaction);
    try {
      Y.applyUpdate(this.copy, update, TRIAL);
    } catch {
      this.reset();
      return { ok: false, code: Refusal.malformed, detail: 'Yjs could not integrate the update' };
    } finally {
      this.copy.off('afterTransaction', onTransaction);
    }
    const { pendingStructs, pendingDs } = this.copy.store;
    if (pendingStructs !== null || pendingDs !== null) {
      this.reset();
      return { ok: false, code: Refusal.missingDependency, detail: 'the update depends on unknown content' };
    }
    if (touches instanceof Unacceptable) {
      this.reset();
      return { ok: false, code: touches.code, detail: touches.message };
    }
    // No transaction at all: the update carried nothing Yjs did not already have.
    return { ok: true, touches: touches ?? [], noop: touches === undefined || touches.length === 0 };
  }

  /**
   * Makes a change of the server's own (a lock, an import) on the copy, and returns the update it made (null
   * when it changed nothing). The source is untouched until the caller applies that update to it.
   */
  change(change: (doc: Y.Doc) => void): Uint8Array | null {
    const updates: Uint8Array[] = [];
    const capture = (update: Uint8Array) => updates.push(update);
    this.copy.on('update', capture);
    try {
      Y.transact(this.copy, () => change(this.copy), SERVER_CHANGE);
    } catch (error) {
      this.reset();
      throw error;
    } finally {
      this.copy.off('update', capture);
    }
    if (updates.length === 0) return null;
    return updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
  }

  /** Applies an update the source document took without a trial (the server's own). */
  follow(update: Uint8Array): void {
    try {
      Y.applyUpdate(this.copy, update, TRIAL);
    } catch {
      this.reset();
    }
    if (this.copy.store.pendingStructs !== null || this.copy.store.pendingDs !== null) this.reset();
  }

  /** Makes the copy equal to the source again. */
  reset(): void {
    this.copy.destroy();
    this.copy = copyOf(this.source);
  }

  destroy(): void {
    this.copy.destroy();
  }
}

function copyOf(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), TRIAL);
  return copy;
}

/**
 * Two shapes are refused before Yjs sees them. GC and Skip structs for clocks the document does not have: a
 * client could advance another client's clock (its later real edits would be ignored as already known). An
 * item straddling the document's clock for its client: Yjs would splice its tail after the client's previous
 * item, whatever cell that is in, leaving the document's lists and lengths inconsistent (no Yjs client sends
 * one: a step 2 starts exactly at the server's clock).
 */
function onlyKnownStructKinds(doc: Y.Doc, update: Uint8Array): boolean {
  let structs: (Y.Item | Y.GC | Y.Skip)[];
  try {
    structs = Y.decodeUpdate(update).structs;
  } catch {
    return false;
  }
  return structs.every((s) => {
    const state = Y.getState(doc.store, s.id.client);
    const end = s.id.clock + s.length;
    if (!(s instanceof Y.Item)) return end <= state;
    return end <= state || s.id.clock >= state;
  });
}

/** The cells an integrated transaction changed, read from the trial copy (after) and the source (before). */
function touchesOf(transaction: Y.Transaction, source: Y.Doc): Touch[] {
  const touches: Touch[] = [];
  const texts = new Map<string, Cell>(); // root name -> cell
  const cellOfItem = (item: Y.Item): { cell: Cell; key: string | null } => {
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) {
      throw new Unacceptable(Refusal.malformed, 'an item without a parent');
    }
    if (parent._item !== null) {
      throw new Unacceptable(Refusal.unknownCell, 'nested shared types are not part of the layout');
    }
    const root = Y.findRootTypeKey(parent);
    const cell = cellOf(root, item.parentSub);
    if (!cell) {
      const where = `"${root}"${item.parentSub ? ` / "${item.parentSub}"` : ''}`;
      throw new Unacceptable(Refusal.unknownCell, `${where} is not a cell`);
    }
    if (cell.section === 'appreciation' || cell.section === 'synthese') texts.set(root, cell);
    return { cell, key: item.parentSub };
  };

  // Added items: every clock range the transaction added, per client.
  for (const [client, after] of transaction.afterState) {
    const before = transaction.beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = transaction.doc.store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= after) break;
      // A GC here is content Yjs integrated as garbage (its place was collected): it writes nothing.
      if (!(struct instanceof Y.Item)) continue;
      const { cell, key } = cellOfItem(struct);
      touches.push(...touchesOfContent(cell, key, struct));
    }
  }
  // Deleted content, resolved in the copy before Yjs collects it.
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (struct instanceof Y.Item) touches.push({ cell: cellOfItem(struct).cell, op: 'delete' });
  });
  // Texts: their whole length after the update (several small items cannot slip past a limit).
  for (const [root, cell] of texts) {
    const after = textLength(textOf(transaction.doc, root));
    touches.push({ cell, op: 'text', before: textLength(textOf(source, root)), after });
  }
  return touches;
}

/** The text of a root (typed as Y.Text on first read, as the domain helpers do); '' when absent. */
function textOf(doc: Y.Doc, root: string): string {
  if (!doc.share.has(root)) return '';
  try {
    return doc.getText(root).toString();
  } catch {
    throw new Unacceptable(Refusal.unknownCell, `"${root}" is not a text`);
  }
}

/** What an added item writes, checked for the content kind its cell allows (texts are measured whole). */
function touchesOfContent(cell: Cell, key: string | null, item: Y.Item): Touch[] {
  const { content } = item;
  if (content instanceof Y.ContentDeleted) return [{ cell, op: 'delete' }];
  if (cell.section === 'appreciation' || cell.section === 'synthese') {
    if (content instanceof Y.ContentString) return [];
    throw new Unacceptable(Refusal.invalidValue, 'only plain text is allowed in a text cell');
  }
  if (!(content instanceof Y.ContentAny)) {
    throw new Unacceptable(Refusal.invalidValue, 'only plain values are allowed in this cell');
  }
  // A map entry holds one value (Yjs would read the last of several); a list takes each element.
  if (key !== null && content.arr.length !== 1) {
    throw new Unacceptable(Refusal.invalidValue, 'one value per map entry');
  }
  return content.arr.map((value) => ({ cell, op: 'set', key, value }));
}
