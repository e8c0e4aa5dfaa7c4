/**
 * Crafted updates that try to make Yjs do something else than what the inspector sees (found in review):
 * each must be refused, and the live document must stay byte-identical.
 */
import { setLock, setPositionnement } from '@livret/domain/doc';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inspectUpdate } from './inspect-update.js';

const S1 = '11111111-1111-4111-8111-111111111111';
const S2 = '22222222-2222-4222-8222-222222222222';
const D1 = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';

/** Writes a v1 update by hand: one block per entry, items with a root parent and ContentAny/ContentString. */
function craft(blocks: { client: number; clock: number; structs: Struct[] }[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, blocks.length);
  for (const block of blocks) {
    encoding.writeVarUint(e, block.structs.length);
    encoding.writeVarUint(e, block.client);
    encoding.writeVarUint(e, block.clock);
    for (const s of block.structs) writeStruct(e, s);
  }
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}

type Struct =
  | { kind: 'gc'; length: number }
  | { kind: 'any'; root: string; key: string | null; values: unknown[]; origin?: [number, number] }
  | { kind: 'string'; root: string; text: string };

function writeStruct(e: encoding.Encoder, s: Struct): void {
  if (s.kind === 'gc') {
    encoding.writeUint8(e, 0);
    encoding.writeVarUint(e, s.length);
    return;
  }
  const contentRef = s.kind === 'any' ? 8 : 4;
  const hasOrigin = s.kind === 'any' && s.origin !== undefined;
  const hasSub = s.kind === 'any' && s.key !== null;
  encoding.writeUint8(e, contentRef | (hasOrigin ? 0x80 : 0) | (hasSub ? 0x20 : 0));
  if (hasOrigin) {
    encoding.writeVarUint(e, s.origin![0]);
    encoding.writeVarUint(e, s.origin![1]);
  } else {
    encoding.writeVarUint(e, 1); // parent is a root name
    encoding.writeVarString(e, s.root);
    if (hasSub) encoding.writeVarString(e, s.key!);
  }
  if (s.kind === 'any') {
    encoding.writeVarUint(e, s.values.length);
    for (const v of s.values) encoding.writeAny(e, v as never);
  } else encoding.writeVarString(e, s.text);
}

function lockedDoc(): Y.Doc {
  const doc = new Y.Doc();
  doc.clientID = 1000;
  setLock(doc, S1, { version: 1, lockedAt: '2026-11-27T17:00:00.000Z', lockedBy: 'Direction' });
  return doc;
}

describe('inspectUpdate refuses updates Yjs would apply differently', () => {
  it('an item straddling a clock the server has (it would delete the lock)', () => {
    const doc = lockedDoc();
    const update = craft([
      { client: 1000, clock: 0, structs: [{ kind: 'string', root: `appreciation/${S2}/${D1}`, text: 'XY' }] },
    ]);
    expect(inspectUpdate(doc, update)).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('GC structs for clocks the server does not have', () => {
    const update = craft([{ client: 77, clock: 0, structs: [{ kind: 'gc', length: 1_000_000 }] }]);
    expect(inspectUpdate(new Y.Doc(), update)).toMatchObject({ ok: false, code: 'malformed' });
  });

  it('a gap before the first clock (it would wait, unjudged, as pending)', () => {
    const update = craft([
      { client: 9, clock: 5, structs: [{ kind: 'string', root: `appreciation/${S1}/${D1}`, text: 'late' }] },
    ]);
    expect(inspectUpdate(new Y.Doc(), update)).toMatchObject({ ok: false, code: 'missing-dependency' });
  });

  it('an origin later than the item in the same client', () => {
    const update = craft([
      {
        client: 9,
        clock: 0,
        structs: [
          { kind: 'any', root: 'positionnement', key: null, values: [1], origin: [9, 1] },
          { kind: 'any', root: 'positionnement', key: `${S2}/${D1}`, values: [2] },
        ],
      },
    ]);
    expect(inspectUpdate(new Y.Doc(), update)).toMatchObject({ ok: false });
  });

  it('several values for one map entry (Yjs reads the last, a check would read the first)', () => {
    const update = craft([
      {
        client: 9,
        clock: 0,
        structs: [{ kind: 'any', root: 'positionnement', key: `${S2}/${D1}`, values: [3, 99] }],
      },
    ]);
    expect(inspectUpdate(new Y.Doc(), update)).toMatchObject({ ok: false, code: 'invalid-value' });
  });

  it('still accepts ordinary updates, and ignores content the server already has', () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    setPositionnement(client, S2, D1, 3);
    const first = Y.encodeStateAsUpdate(client);
    expect(inspectUpdate(server, first)).toMatchObject({ ok: true, touches: [{ op: 'set', value: 3 }] });
    Y.applyUpdate(server, first);
    expect(inspectUpdate(server, first)).toEqual({ ok: true, touches: [] });
  });
});
