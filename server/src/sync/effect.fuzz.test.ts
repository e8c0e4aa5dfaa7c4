/**
 * Structure-aware fuzz of the room's judge: random but well-formed Yjs updates — dangling and forward
 * origins and right origins, parents by name or by id, map keys, deletions, GC and Skip structs, across
 * several clients, some reusing the clients already in the document — sent by a teacher of one discipline
 * in a class where one student is locked. Whatever is accepted must change only cells that teacher may
 * write, the room never throws nor keeps anything pending, every client converges, and the stored log
 * reopens into the same document with nothing quarantined. Seeded (lib0/prng): a failure replays.
 */
import { appreciationText, setLock, setPositionnement } from '@livret/domain/doc';
import * as encoding from 'lib0/encoding';
import * as prng from 'lib0/prng';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from './protocol.js';
import { Room } from './room.js';
import { FRANCAIS, MATHS, S1, S2, teacherSession } from './testing/class-session.js';
import { type CraftId, type CraftStruct, craftUpdate, structLength } from './testing/craft-update.js';
import { memoryLog, settle, TestPeer } from './testing/test-peer.js';

const DOC = 'classes/c/periods/p';
const ROOTS = [
  `appreciation/${S1}/${MATHS}`, // locked student
  `appreciation/${S2}/${MATHS}`, // allowed
  `appreciation/${S2}/${FRANCAIS}`, // another discipline
  'positionnement',
  'locks',
  `elements/${MATHS}`,
  `elements/${FRANCAIS}`,
  'vie-scolaire',
  'anything',
];
const KEYS = [`${S2}/${MATHS}`, `${S1}/${MATHS}`, `${S2}/${FRANCAIS}`, S1, S2, `${S2}/nbRetards`, 'x'];
const VALUES: unknown[] = [1, 2, 3, 4, 7, 'NE', 12.5, 'Nombres', '', { a: 1 }, null, [1]];

/** What the teacher of maths must never change: everything but S2's maths cells and the maths elements. */
function protectedCells(doc: Y.Doc): string {
  const position = doc.getMap('positionnement').toJSON() as Record<string, unknown>;
  return JSON.stringify({
    s1: doc.getText(ROOTS[0]!).toString(),
    fr: doc.getText(ROOTS[2]!).toString(),
    positions: Object.entries(position).filter(([key]) => key !== `${S2}/${MATHS}`),
    locks: doc.getMap('locks').toJSON(),
    elementsFr: doc.getArray(`elements/${FRANCAIS}`).toJSON(),
    vie: doc.getMap('vie-scolaire').toJSON(),
    unknown: [...doc.share.keys()].filter((name) => !ROOTS.slice(0, 8).includes(name) && name !== 'anything'),
    anything: doc.share.has('anything') ? doc.getMap('anything').toJSON() : null,
  });
}

/** The ids of every clock of the document's items, to aim origins at. */
function knownIds(doc: Y.Doc): CraftId[] {
  const ids: CraftId[] = [];
  for (const [client, structs] of doc.store.clients) {
    for (const struct of structs) {
      for (let c = struct.id.clock; c < struct.id.clock + struct.length; c++) ids.push([client, c]);
    }
  }
  return ids;
}

function randomId(gen: prng.PRNG, doc: Y.Doc, self: { client: number; clock: number }): CraftId {
  const known = knownIds(doc);
  const roll = prng.int32(gen, 0, 9);
  if (roll < 5 && known.length > 0) return prng.oneOf(gen, known);
  if (roll < 7 && self.clock > 0) return [self.client, self.clock - 1]; // own previous
  if (roll < 8) return [self.client, self.clock + prng.int32(gen, 0, 3)]; // own later
  const client = prng.oneOf(gen, [20, 21, 22, 23]);
  return [client, Y.getState(doc.store, client) + prng.int32(gen, 0, 2)]; // forward reference
}

function randomStruct(gen: prng.PRNG, doc: Y.Doc, self: { client: number; clock: number }): CraftStruct {
  const kind = prng.int32(gen, 0, 19);
  if (kind === 0) return { kind: 'gc', length: prng.int32(gen, 1, 3) };
  if (kind === 1) return { kind: 'skip', length: prng.int32(gen, 1, 3) };
  const content =
    kind < 9
      ? { string: prng.oneOf(gen, ['a', 'bc', 'Très bien', '🎉']) }
      : kind < 17
        ? { any: [prng.oneOf(gen, VALUES)] }
        : { deleted: prng.int32(gen, 1, 2) };
  const origin = prng.bool(gen) ? randomId(gen, doc, self) : undefined;
  const rightOrigin = prng.int32(gen, 0, 3) === 0 ? randomId(gen, doc, self) : undefined;
  if (origin || rightOrigin)
    return { kind: 'item', content, ...(origin ? { origin } : {}), ...(rightOrigin ? { rightOrigin } : {}) };
  const root = prng.oneOf(gen, ROOTS);
  const isMap =
    root === 'positionnement' || root === 'locks' || root === 'vie-scolaire' || root === 'anything';
  return {
    kind: 'item',
    content,
    parent: prng.int32(gen, 0, 9) === 0 ? { id: randomId(gen, doc, self) } : { root },
    ...(isMap ? { parentSub: prng.oneOf(gen, KEYS) } : {}),
  };
}

function randomUpdate(gen: prng.PRNG, doc: Y.Doc): Uint8Array {
  const blocks = [];
  const clients = new Set<number>();
  for (let b = prng.int32(gen, 1, 2); b > 0; b--) {
    const existing = [...doc.store.clients.keys()];
    const client =
      prng.int32(gen, 0, 4) === 0 && existing.length
        ? prng.oneOf(gen, existing)
        : prng.oneOf(gen, [20, 21, 22]);
    if (clients.has(client)) continue;
    clients.add(client);
    const state = Y.getState(doc.store, client);
    const start = Math.max(0, state + prng.oneOf(gen, [0, 0, 0, 0, -1, 1, 3]));
    const self = { client, clock: start };
    const structs: CraftStruct[] = [];
    for (let s = prng.int32(gen, 1, 3); s > 0; s--) {
      const struct = randomStruct(gen, doc, self);
      structs.push(struct);
      self.clock += structLength(struct);
    }
    blocks.push({ client, clock: start, structs });
  }
  const deletes: [number, number, number][] = [];
  if (prng.int32(gen, 0, 2) === 0) {
    const known = knownIds(doc);
    if (known.length) {
      const [client, clock] = prng.oneOf(gen, known);
      deletes.push([client, clock, prng.int32(gen, 1, 3)]);
    }
  }
  return craftUpdate(blocks, deletes);
}

function syncMessage(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

describe('fuzz: whatever the room accepts, Yjs integrates whole and only into allowed cells', () => {
  it.each([1, 2, 3, 4, 2026])('seed %i', async (seed) => {
    const gen = prng.create(seed);
    const log = memoryLog();
    const room = await Room.open(DOC, log);
    // The class as it stands: texts in each kind of cell, S1 locked (server-side writes are not judged).
    const seedDoc = new Y.Doc();
    appreciationText(seedDoc, S1, MATHS).insert(0, 'Bon trimestre');
    appreciationText(seedDoc, S2, MATHS).insert(0, 'Des progrès');
    appreciationText(seedDoc, S2, FRANCAIS).insert(0, 'Lecture fluide');
    setPositionnement(seedDoc, S2, FRANCAIS, 3);
    setLock(seedDoc, S1, { version: 1, lockedAt: '2026-11-27T17:00:00.000Z', lockedBy: 'Direction' });
    const initial = Y.encodeStateAsUpdate(seedDoc);
    await log.append(DOC, initial);
    await room.exclusive(() => room.applyServerUpdate(initial));

    const attacker = new TestPeer(room, teacherSession('maths', [MATHS]));
    const observer = new TestPeer(room, teacherSession('observer', []));
    await settle([attacker, observer]);
    let accepted = 0;
    for (let step = 0; step < 150; step++) {
      const before = protectedCells(room.doc);
      const refusals = attacker.refusals.length;
      attacker.sendRaw(syncMessage(randomUpdate(gen, room.doc)));
      await settle([attacker, observer]); // rejects if the room throws
      if (attacker.refusals.length === refusals) accepted++;
      expect(room.doc.store.pendingStructs, `step ${step}`).toBeNull();
      expect(room.doc.store.pendingDs, `step ${step}`).toBeNull();
      expect(protectedCells(room.doc), `step ${step}`).toBe(before);
    }
    expect(accepted).toBeGreaterThan(0);
    expect(Y.encodeStateVector(observer.doc)).toEqual(Y.encodeStateVector(room.doc));
    expect(protectedCells(observer.doc)).toBe(protectedCells(room.doc));
    const reopened = await Room.open(DOC, log);
    expect(reopened.quarantined).toEqual([]);
    expect(Y.encodeStateVector(reopened.doc)).toEqual(Y.encodeStateVector(room.doc));
    expect(appreciationText(reopened.doc, S2, MATHS).toString()).toBe(
      appreciationText(room.doc, S2, MATHS).toString(),
    );
  });
});
