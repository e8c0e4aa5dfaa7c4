/**
 * Hand-made Yjs v1 updates, byte by byte, as an attacker writes them: items with any origin, right origin
 * or parent, GC and Skip structs, and delete sets — well-formed bytes that no Yjs client would produce.
 * Mirrors yjs's UpdateEncoderV1 / Item.write (v13.6).
 */
import * as encoding from 'lib0/encoding';

/** A Yjs id: [client, clock]. */
export type CraftId = [client: number, clock: number];

/** One struct of a block. */
export type CraftStruct =
  | { kind: 'gc'; length: number }
  | { kind: 'skip'; length: number }
  | {
      kind: 'item';
      content: { string: string } | { any: unknown[] } | { deleted: number };
      origin?: CraftId;
      rightOrigin?: CraftId;
      /** Written only when the item has neither origin (Yjs copies the parent from its neighbours). */
      parent?: { root: string } | { id: CraftId };
      parentSub?: string;
    };

/** A run of structs of one client, starting at `clock`. */
export interface CraftBlock {
  client: number;
  clock: number;
  structs: CraftStruct[];
}

/** Encodes blocks and deletions as a v1 update. */
export function craftUpdate(
  blocks: CraftBlock[],
  deletes: [client: number, clock: number, len: number][] = [],
) {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, blocks.length);
  for (const block of blocks) {
    encoding.writeVarUint(e, block.structs.length);
    encoding.writeVarUint(e, block.client);
    encoding.writeVarUint(e, block.clock);
    for (const struct of block.structs) writeStruct(e, struct);
  }
  const byClient = new Map<number, [number, number][]>();
  for (const [client, clock, len] of deletes) {
    byClient.set(client, [...(byClient.get(client) ?? []), [clock, len]]);
  }
  encoding.writeVarUint(e, byClient.size);
  for (const [client, ranges] of byClient) {
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, ranges.length);
    for (const [clock, len] of ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, len);
    }
  }
  return encoding.toUint8Array(e);
}

/** The number of clocks a struct takes. */
export function structLength(struct: CraftStruct): number {
  if (struct.kind !== 'item') return struct.length;
  const { content } = struct;
  if ('string' in content) return content.string.length;
  if ('any' in content) return content.any.length;
  return content.deleted;
}

function writeStruct(e: encoding.Encoder, s: CraftStruct): void {
  if (s.kind === 'gc') {
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, s.length);
    return;
  }
  if (s.kind === 'skip') {
    encoding.writeUint8(e, 10);
    encoding.writeVarUint(e, s.length);
    return;
  }
  const { content } = s;
  const ref = 'string' in content ? 4 : 'any' in content ? 8 : 1;
  const info =
    ref | (s.origin ? 0x80 : 0) | (s.rightOrigin ? 0x40 : 0) | (s.parentSub !== undefined ? 0x20 : 0);
  encoding.writeUint8(e, info);
  if (s.origin) writeId(e, s.origin);
  if (s.rightOrigin) writeId(e, s.rightOrigin);
  if (!s.origin && !s.rightOrigin) {
    const parent = s.parent ?? { root: 'positionnement' };
    if ('root' in parent) {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, parent.root);
    } else {
      encoding.writeVarUint(e, 0);
      writeId(e, parent.id);
    }
    if (s.parentSub !== undefined) encoding.writeVarString(e, s.parentSub);
  }
  if ('string' in content) encoding.writeVarString(e, content.string);
  else if ('any' in content) {
    encoding.writeVarUint(e, content.any.length);
    for (const value of content.any) encoding.writeAny(e, value as never);
  } else encoding.writeVarUint(e, content.deleted);
}

function writeId(e: encoding.Encoder, [client, clock]: CraftId): void {
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
}
