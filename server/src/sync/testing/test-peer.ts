/**
 * Deterministic sync tests: a client peer wired to a Room through queues that are flushed only when the test
 * says so (in order, or shuffled by a seeded random source), as tldraw's TestSocketPair does.
 */

import { readRefusal } from '@livret/domain/doc';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { MessageType } from '../protocol.js';
import type { Room, SyncConnection, SyncSession, UpdateLog } from '../room.js';

/** An in-memory update log that records what was stored. */
export function memoryLog(): UpdateLog & { stored: Map<string, Uint8Array[]> } {
  const stored = new Map<string, Uint8Array[]>();
  return {
    stored,
    async load(name) {
      return [...(stored.get(name) ?? [])];
    },
    async append(name, update) {
      stored.set(name, [...(stored.get(name) ?? []), update]);
    },
  };
}

const REMOTE = Symbol('remote');

/** A client document connected to a room through two queues. */
export class TestPeer {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly refusals: { code: string; message: string }[] = [];
  readonly closed: { code: number; reason: string }[] = [];
  /** Messages from the peer to the room, waiting for `flushUp`. */
  private up: Uint8Array[] = [];
  /** Messages from the room to the peer, waiting for `flushDown`. */
  private down: Uint8Array[] = [];
  readonly connection: SyncConnection;

  constructor(
    readonly room: Room,
    session: SyncSession,
  ) {
    this.connection = {
      session,
      send: (message) => this.down.push(message),
      close: (code, reason) => this.closed.push({ code, reason }),
    };
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === REMOTE) return;
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.sync);
      syncProtocol.writeUpdate(encoder, update);
      this.up.push(encoding.toUint8Array(encoder));
    });
    room.join(this.connection);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, MessageType.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    this.up.push(encoding.toUint8Array(encoder));
  }

  /** Sends raw bytes as if this client had crafted them. */
  sendRaw(message: Uint8Array): void {
    this.up.push(message);
  }

  /** Delivers queued messages to the room, in order. */
  async flushUp(): Promise<void> {
    while (this.up.length > 0) await this.room.receive(this.connection, this.up.shift()!);
  }

  /** Delivers queued messages from the room, in order. */
  flushDown(): void {
    while (this.down.length > 0) this.handle(this.down.shift()!);
  }

  get pendingUp(): number {
    return this.up.length;
  }

  leave(): void {
    this.room.leave(this.connection);
  }

  private handle(message: Uint8Array): void {
    const decoder = decoding.createDecoder(message);
    const type = decoding.readVarUint(decoder);
    if (type === MessageType.sync) {
      const reply = encoding.createEncoder();
      encoding.writeVarUint(reply, MessageType.sync);
      syncProtocol.readSyncMessage(decoder, reply, this.doc, REMOTE);
      if (encoding.length(reply) > 1) this.up.push(encoding.toUint8Array(reply));
    } else if (type === MessageType.awareness) {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(decoder), REMOTE);
    } else if (type === MessageType.auth) {
      authProtocol.readAuthMessage(decoder, this.doc, (_doc, reason) =>
        this.refusals.push(readRefusal(reason)),
      );
    }
  }
}

/** Flushes every peer until no message is left, optionally in a seeded random order. */
export async function settle(peers: TestPeer[], random?: () => number): Promise<void> {
  for (let round = 0; round < 100; round++) {
    const order = random ? [...peers].sort(() => random() - 0.5) : peers;
    for (const peer of order) {
      await peer.flushUp();
      peer.flushDown();
    }
    if (peers.every((p) => p.pendingUp === 0)) {
      for (const peer of peers) peer.flushDown();
      if (peers.every((p) => p.pendingUp === 0)) return;
    }
  }
  throw new Error('peers did not settle');
}
