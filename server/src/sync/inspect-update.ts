/**
 * Finds which cells of a class document an incoming Yjs update touches, without applying it.
 *
 * Every shared type of the layout is a root type (see @livret/domain/doc), so each item's parent is a root
 * name, either written in the update or inherited from the item's origin (resolved in the live document or
 * earlier in the same update). Deletions are resolved against the live document. Anything that cannot be
 * resolved (a nested type, an unknown root, a dependency the server does not have) makes the whole update
 * unacceptable: the room refuses it rather than strip parts of it (y-protocols threat model).
 */
import { type Cell, cellOf } from '@livret/domain/doc';
import * as Y from 'yjs';
import { Refusal, type RefusalCode } from './protocol.js';

/** One change an update makes to one cell. */
export type Touch =
  | { cell: Cell; op: 'set'; key: string | null; value: unknown } // map entry or array element
  | { cell: Cell; op: 'text'; inserted: number } // characters inserted into a Y.Text
  | { cell: Cell; op: 'delete'; count: number }; // live content removed

export type Inspection = { ok: true; touches: Touch[] } | { ok: false; code: RefusalCode; detail: string };

type ParentInfo = { root: string; key: string | null };

class Unacceptable extends Error {
  constructor(
    readonly code: RefusalCode,
    detail: string,
  ) {
    super(detail);
  }
}

/**
 * Inspects a (v1) update against the server's live document.
 * @example
 * const inspection = inspectUpdate(room.doc, update);
 * if (inspection.ok) access.check(inspection.touches.map((t) => t.cell));
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): Inspection {
  try {
    return { ok: true, touches: collectTouches(doc, update) };
  } catch (error) {
    if (error instanceof Unacceptable) return { ok: false, code: error.code, detail: error.message };
    return { ok: false, code: Refusal.malformed, detail: 'update could not be decoded' };
  }
}

function collectTouches(doc: Y.Doc, update: Uint8Array): Touch[] {
  const { structs, ds } = Y.decodeUpdate(update);
  const ownItems = new Map<number, Y.Item[]>(); // client -> items of this update, by clock
  for (const struct of structs) {
    if (struct instanceof Y.Item) {
      const list = ownItems.get(struct.id.client) ?? [];
      list.push(struct);
      ownItems.set(struct.id.client, list);
    }
  }
  const resolved = new Map<Y.Item, ParentInfo>();

  const parentOfOwn = (item: Y.Item, depth: number): ParentInfo => {
    const known = resolved.get(item);
    if (known) return known;
    if (depth > 10_000) throw new Unacceptable(Refusal.malformed, 'origin chain too long');
    let info: ParentInfo;
    if (typeof item.parent === 'string') info = { root: item.parent, key: item.parentSub };
    else if (item.parent !== null)
      throw new Unacceptable(Refusal.unknownCell, 'nested shared types are not part of the layout');
    else {
      const ref = item.origin ?? item.rightOrigin;
      if (!ref) throw new Unacceptable(Refusal.malformed, 'item without parent nor origin');
      // Within one client, an item can only follow what that client wrote before it.
      if (ref.client === item.id.client && ref.clock >= item.id.clock) {
        throw new Unacceptable(Refusal.malformed, 'origin after the item itself');
      }
      info = parentAt(ref, depth + 1);
    }
    resolved.set(item, info);
    return info;
  };

  const parentAt = (id: Y.ID, depth: number): ParentInfo => {
    if (id.clock < Y.getState(doc.store, id.client)) return parentOfLive(Y.getItem(doc.store, id));
    const own = findOwn(ownItems, id);
    if (own) return parentOfOwn(own, depth);
    throw new Unacceptable(Refusal.missingDependency, `unknown origin ${id.client}:${id.clock}`);
  };

  checkClientBlocks(doc, structs);
  const touches: Touch[] = [];
  for (const struct of structs) {
    if (!(struct instanceof Y.Item)) continue; // refused above unless already known
    if (struct.id.clock + struct.length <= Y.getState(doc.store, struct.id.client)) continue; // Yjs ignores it
    const { root, key } = parentOfOwn(struct, 0);
    const cell = cellFor(root, key);
    touches.push(touchOfContent(cell, root, key, struct));
  }
  for (const [client, deletes] of ds.clients) {
    for (const { clock, len } of deletes) {
      for (const { cell, count } of deletedCells(doc, ownItems, client, clock, len, parentOfOwn)) {
        touches.push({ cell, op: 'delete', count });
      }
    }
  }
  return touches;
}

/**
 * What Yjs would do with each client's block must be what we inspect: one contiguous block per client that
 * starts at or below the server's clock for that client (no gap: a gap would be parked as pending and could
 * land later, unjudged), no item straddling the server's clock (Yjs would splice its tail elsewhere), and no
 * GC or Skip structs for unknown clocks (they would make the server skip a client's real edits).
 */
function checkClientBlocks(doc: Y.Doc, structs: (Y.Item | Y.GC | Y.Skip)[]): void {
  const next = new Map<number, number>();
  for (const struct of structs) {
    const { client, clock } = struct.id;
    const state = Y.getState(doc.store, client);
    const expected = next.get(client);
    if (expected === undefined) {
      if (clock > state) throw new Unacceptable(Refusal.missingDependency, `gap before ${client}:${clock}`);
    } else if (clock !== expected) {
      throw new Unacceptable(Refusal.malformed, `non-contiguous block for client ${client}`);
    }
    next.set(client, clock + struct.length);
    const end = clock + struct.length;
    if (clock < state && state < end) {
      throw new Unacceptable(Refusal.malformed, `${client}:${clock} overlaps what the server has`);
    }
    if (!(struct instanceof Y.Item) && end > state) {
      throw new Unacceptable(Refusal.malformed, 'garbage-collected or skipped content is not accepted');
    }
  }
}

function findOwn(ownItems: Map<number, Y.Item[]>, id: Y.ID): Y.Item | undefined {
  return ownItems.get(id.client)?.find((i) => i.id.clock <= id.clock && id.clock < i.id.clock + i.length);
}

function parentOfLive(struct: Y.Item | Y.GC): ParentInfo {
  if (!(struct instanceof Y.Item)) throw new Unacceptable(Refusal.unknownCell, 'refers to collected content');
  const parent = struct.parent as Y.AbstractType<unknown>;
  if (parent._item !== null)
    throw new Unacceptable(Refusal.unknownCell, 'nested shared types are not part of the layout');
  return { root: Y.findRootTypeKey(parent), key: struct.parentSub };
}

function cellFor(root: string, key: string | null): Cell {
  const cell = cellOf(root, key);
  if (!cell)
    throw new Unacceptable(Refusal.unknownCell, `"${root}"${key ? ` / "${key}"` : ''} is not a cell`);
  return cell;
}

/** What an inserted item writes, checked for the content kind its root type allows. */
function touchOfContent(cell: Cell, root: string, key: string | null, item: Y.Item): Touch {
  const content = item.content;
  const isText = cell.section === 'appreciation' || cell.section === 'synthese';
  if (isText) {
    if (content instanceof Y.ContentString) return { cell, op: 'text', inserted: content.str.length };
    if (content instanceof Y.ContentDeleted) return { cell, op: 'text', inserted: 0 };
    throw new Unacceptable(Refusal.invalidValue, `only plain text is allowed in "${root}"`);
  }
  if (content instanceof Y.ContentAny) {
    // A map entry holds one value (Yjs would read the last of several, while we would check the first).
    if (key !== null && content.arr.length !== 1) {
      throw new Unacceptable(Refusal.invalidValue, `"${root}" takes one value per entry`);
    }
    return { cell, op: 'set', key, value: key === null ? content.arr : content.arr[0] };
  }
  if (content instanceof Y.ContentDeleted) return { cell, op: 'set', key, value: undefined };
  throw new Unacceptable(Refusal.invalidValue, `only plain values are allowed in "${root}"`);
}

/** The cells whose live content a delete range removes, with how many live elements each loses. */
function deletedCells(
  doc: Y.Doc,
  ownItems: Map<number, Y.Item[]>,
  client: number,
  clock: number,
  len: number,
  parentOfOwn: (item: Y.Item, depth: number) => ParentInfo,
): { cell: Cell; count: number }[] {
  const out: { cell: Cell; count: number }[] = [];
  const end = clock + len;
  const liveEnd = Math.min(end, Y.getState(doc.store, client));
  if (clock < liveEnd) {
    const structs = doc.store.clients.get(client) ?? [];
    for (let i = Y.findIndexSS(structs, clock); i < structs.length; i++) {
      const struct = structs[i]!;
      if (struct.id.clock >= liveEnd) break;
      if (!(struct instanceof Y.Item) || struct.deleted) continue; // already gone: a no-op delete
      const { root, key } = parentOfLive(struct);
      const from = Math.max(clock, struct.id.clock);
      const to = Math.min(liveEnd, struct.id.clock + struct.length);
      out.push({ cell: cellFor(root, key), count: struct.countable ? to - from : 0 });
    }
  }
  for (let c = Math.max(clock, liveEnd); c < end; ) {
    const own = findOwn(ownItems, Y.createID(client, c));
    if (!own) throw new Unacceptable(Refusal.missingDependency, `deletes unknown content ${client}:${c}`);
    const { root, key } = parentOfOwn(own, 0);
    out.push({ cell: cellFor(root, key), count: 0 }); // inserted and deleted in the same update
    c = own.id.clock + own.length;
  }
  return out;
}
