/**
 * Crafted updates whose bytes say one thing while Yjs would do another (found in review). The room judges
 * what Yjs does: each is refused, nothing is stored, the document stays byte-identical, and a stored update
 * that cannot be integrated never stops a document from loading.
 */
import { appreciationText, getLock, setLock } from '@livret/domain/doc';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from './protocol.js';
import { Room } from './room.js';
import { MATHS, S1, S2, teacherSession } from './testing/class-session.js';
import { craftUpdate } from './testing/craft-update.js';
import { memoryLog, settle, TestPeer } from './testing/test-peer.js';

const DOC = 'classes/c/periods/p';
const text = (student: string) => `appreciation/${student}/${MATHS}`;

/** A room where the teacher wrote «Bon» in S1's and S2's maths appreciations (clients 500 and 501). */
async function roomWithTexts() {
  const log = memoryLog();
  const room = await Room.open(DOC, log);
  const teacher = new TestPeer(room, teacherSession('maths', [MATHS]));
  teacher.doc.clientID = 500;
  await settle([teacher]);
  appreciationText(teacher.doc, S1, MATHS).insert(0, 'Bon');
  teacher.doc.clientID = 501;
  appreciationText(teacher.doc, S2, MATHS).insert(0, 'Bon');
  await settle([teacher]);
  return { room, log, teacher };
}

async function lock(room: Room, studentId: string) {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(room.doc));
  const sv = Y.encodeStateVector(scratch);
  setLock(scratch, studentId, { version: 1, lockedAt: '2026-11-27T17:00:00.000Z', lockedBy: 'Direction' });
  await room.exclusive(() => room.applyServerUpdate(Y.encodeStateAsUpdate(scratch, sv)));
}

function send(peer: TestPeer, update: Uint8Array) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  peer.sendRaw(encoding.toUint8Array(encoder));
}

describe('the room judges what Yjs does with an update', () => {
  it('refuses an item parked on a right origin that does not exist yet (it would land after a lock)', async () => {
    const { room, log, teacher } = await roomWithTexts();
    const stored = log.stored.get(DOC)!.length;
    // Origin in S1's text (allowed now), right origin a clock of client 8 that nobody has sent.
    send(
      teacher,
      craftUpdate([
        {
          client: 7,
          clock: 0,
          structs: [{ kind: 'item', content: { string: 'PARKED' }, origin: [500, 2], rightOrigin: [8, 0] }],
        },
      ]),
    );
    await settle([teacher]);
    expect(teacher.refusals.map((r) => r.code)).toEqual(['missing-dependency']);
    await lock(room, S1);
    // The missing content arrives, in a cell the teacher may write: nothing parked can land in S1 now.
    send(
      teacher,
      craftUpdate([
        { client: 8, clock: 0, structs: [{ kind: 'item', content: { string: '!' }, origin: [501, 2] }] },
      ]),
    );
    await settle([teacher]);
    expect(appreciationText(room.doc, S1, MATHS).toString()).toBe('Bon');
    expect(appreciationText(room.doc, S2, MATHS).toString()).toBe('Bon!');
    expect(log.stored.get(DOC)!.length).toBe(stored + 1);
    expect(room.doc.store.pendingStructs).toBeNull();
  });

  it('refuses an item whose right origin is a later clock of its own client (Yjs would throw)', async () => {
    const { room, log, teacher } = await roomWithTexts();
    const before = Y.encodeStateAsUpdate(room.doc);
    send(
      teacher,
      craftUpdate([
        {
          client: 7,
          clock: 0,
          structs: [{ kind: 'item', content: { string: 'X' }, origin: [501, 2], rightOrigin: [7, 5] }],
        },
      ]),
    );
    await settle([teacher]);
    expect(teacher.refusals).toHaveLength(1);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
    const reopened = await Room.open(DOC, log);
    expect(reopened.quarantined).toHaveLength(0);
    expect(appreciationText(reopened.doc, S2, MATHS).toString()).toBe('Bon');
  });

  it('refuses an item straddling a clock the server has (its tail would overwrite the lock)', async () => {
    const { room, teacher } = await roomWithTexts();
    await lock(room, S2);
    const lockClient = [...room.doc.store.clients.keys()].find((c) => c !== 500 && c !== 501)!;
    send(
      teacher,
      craftUpdate([
        {
          client: lockClient,
          clock: 0,
          structs: [{ kind: 'item', content: { string: 'XY' }, parent: { root: text(S1) } }],
        },
      ]),
    );
    await settle([teacher]);
    expect(teacher.refusals).toHaveLength(1);
    expect(getLock(room.doc, S2)).not.toBeNull();
  });

  it('refuses GC and Skip structs for clocks the server does not have, and gaps', async () => {
    const { room, teacher } = await roomWithTexts();
    const before = Y.encodeStateAsUpdate(room.doc);
    send(teacher, craftUpdate([{ client: 500, clock: 3, structs: [{ kind: 'gc', length: 1_000_000 }] }]));
    send(teacher, craftUpdate([{ client: 77, clock: 0, structs: [{ kind: 'skip', length: 5 }] }]));
    send(
      teacher,
      craftUpdate([
        {
          client: 78,
          clock: 4,
          structs: [{ kind: 'item', content: { string: 'late' }, parent: { root: text(S2) } }],
        },
      ]),
    );
    await settle([teacher]);
    expect(teacher.refusals.map((r) => r.code)).toEqual(['malformed', 'malformed', 'missing-dependency']);
    expect(Y.encodeStateAsUpdate(room.doc)).toEqual(before);
  });

  it('refuses content under a Yjs client id that another account wrote with', async () => {
    const { room, teacher } = await roomWithTexts();
    const other = new TestPeer(room, teacherSession('other-maths', [MATHS]));
    await settle([teacher, other]);
    // Client 501 is the first teacher's: the other account must not take its next clocks.
    send(
      other,
      craftUpdate([
        { client: 501, clock: 3, structs: [{ kind: 'item', content: { string: '?' }, origin: [501, 2] }] },
      ]),
    );
    await settle([teacher, other]);
    expect(other.refusals.map((r) => r.code)).toEqual(['forbidden']);
    expect(appreciationText(room.doc, S2, MATHS).toString()).toBe('Bon');
  });

  it('counts characters, not UTF-16 units: an emoji at the limit is accepted, one more refused', async () => {
    const room = await Room.open(DOC, memoryLog());
    const teacher = new TestPeer(room, teacherSession('maths', [MATHS]));
    await settle([teacher]);
    appreciationText(teacher.doc, S1, MATHS).insert(0, `${'a'.repeat(599)}🎉`);
    await settle([teacher]);
    expect(teacher.refusals).toEqual([]);
    appreciationText(teacher.doc, S1, MATHS).insert(0, 'b');
    await settle([teacher]);
    expect(teacher.refusals.map((r) => r.code)).toEqual(['invalid-value']);
  });

  it('quarantines a stored update that Yjs cannot integrate: the document still loads', async () => {
    const { log } = await roomWithTexts();
    const poisoned = craftUpdate([
      {
        client: 9,
        clock: 0,
        structs: [{ kind: 'item', content: { string: 'X' }, origin: [501, 2], rightOrigin: [9, 5] }],
      },
    ]);
    const parked = craftUpdate([
      {
        client: 10,
        clock: 0,
        structs: [{ kind: 'item', content: { string: 'Y' }, origin: [500, 2], rightOrigin: [11, 0] }],
      },
    ]);
    log.stored.set(DOC, [...log.stored.get(DOC)!, poisoned, parked]);
    const reopened = await Room.open(DOC, log);
    expect(reopened.quarantined).toHaveLength(2);
    expect(appreciationText(reopened.doc, S1, MATHS).toString()).toBe('Bon');
    expect(reopened.doc.store.pendingStructs).toBeNull();
    const peer = new TestPeer(reopened, teacherSession('maths', [MATHS]));
    await settle([peer]);
    appreciationText(peer.doc, S2, MATHS).insert(3, ' travail');
    await settle([peer]);
    expect(appreciationText(reopened.doc, S2, MATHS).toString()).toBe('Bon travail');
  });
});
