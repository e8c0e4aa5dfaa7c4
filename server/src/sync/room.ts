/**
 * The authoritative engine for one live document: it loads the document from the update log, judges every
 * incoming update as a whole, makes accepted ones durable before applying and broadcasting them, and keeps
 * presence (awareness) with the server's word on who each client is.
 *
 * Work on a room is serialised through one queue, so an update is judged against exactly the state it will
 * be applied to, and a lock (see bilans/) cannot interleave with an edit.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Inspection, Touch } from './inspect-update.js';
import { inspectUpdate } from './inspect-update.js';
import {
  type ClientMessage,
  CloseCode,
  Refusal,
  type RefusalCode,
  readClientMessage,
  writeAwareness,
  writePermissionDenied,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './protocol.js';

/** Where accepted updates go: durable before the room applies them. */
export interface UpdateLog {
  /** Every stored update of the document, oldest first (a snapshot counts as one). */
  load(docName: string): Promise<Uint8Array[]>;
  /** Stores one update durably; resolves only once it is committed. */
  append(docName: string, update: Uint8Array): Promise<void>;
}

/** The verdict on a whole update. */
export type Verdict = { ok: true } | { ok: false; code: RefusalCode; message: string };

/** Who is connected, as the server knows it, and what they may write. */
export interface SyncSession {
  readonly accountId: string;
  /** The sign-in session it was opened with (the SHA-256 of its token), to close it at logout. */
  readonly sessionKey?: string;
  readonly displayName: string;
  /** Judges the cells an update touches, against the room's current document. */
  judge(touches: Touch[], doc: Y.Doc): Verdict;
}

/** A transport-independent connection (a WebSocket in production, a queue in tests). */
export interface SyncConnection {
  readonly session: SyncSession;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

/** Limits applied to every connection. */
export interface RoomLimits {
  maxUpdateBytes: number;
  maxDocumentBytes: number;
  /** Messages allowed per connection within `rateWindowMs`. */
  maxMessagesPerWindow: number;
  rateWindowMs: number;
}

export const defaultLimits: RoomLimits = {
  maxUpdateBytes: 256 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxMessagesPerWindow: 300,
  rateWindowMs: 10_000,
};

export interface RoomOptions {
  limits?: RoomLimits;
  now?: () => number;
  /** Called after each accepted client update is stored and applied (compaction trigger). */
  onAppend?: (room: Room) => void;
}

const SERVER_ORIGIN = Symbol('server');

interface ConnectionState {
  awarenessClients: Set<number>;
  windowStart: number;
  messagesInWindow: number;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  private readonly connections = new Map<SyncConnection, ConnectionState>();
  private queue: Promise<unknown> = Promise.resolve();
  private storedBytes = 0;
  /** Updates appended since the room opened: compaction looks at it. */
  appendedSinceOpen = 0;

  private constructor(
    readonly name: string,
    private readonly log: UpdateLog,
    private readonly limits: RoomLimits,
    private readonly now: () => number,
    private readonly onAppend: (room: Room) => void,
  ) {
    this.doc = new Y.Doc({ gc: true });
    this.awareness = new awarenessProtocol.Awareness(this.doc);
    this.awareness.setLocalState(null); // the server itself is not a participant
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      const message = writeUpdate(update);
      for (const connection of this.connections.keys()) {
        if (connection !== origin) connection.send(message);
      }
    });
    this.awareness.on('update', ({ added, updated, removed }: AwarenessChange, origin: unknown) => {
      const changed = [...added, ...updated, ...removed];
      if (
        origin !== SERVER_ORIGIN &&
        origin instanceof Object &&
        this.connections.has(origin as SyncConnection)
      ) {
        const state = this.connections.get(origin as SyncConnection)!;
        for (const id of added) state.awarenessClients.add(id);
        for (const id of removed) state.awarenessClients.delete(id);
      }
      const message = writeAwareness(this.awareness, changed);
      for (const connection of this.connections.keys()) connection.send(message);
    });
  }

  /** Loads a room from its update log. */
  static async open(name: string, log: UpdateLog, options: RoomOptions = {}) {
    const room = new Room(
      name,
      log,
      options.limits ?? defaultLimits,
      options.now ?? Date.now,
      options.onAppend ?? (() => {}),
    );
    const updates = await log.load(name);
    Y.transact(
      room.doc,
      () => {
        for (const update of updates) {
          Y.applyUpdate(room.doc, update, SERVER_ORIGIN);
          room.storedBytes += update.byteLength;
        }
      },
      SERVER_ORIGIN,
    );
    return room;
  }

  get size(): number {
    return this.connections.size;
  }

  /** Runs `task` after every earlier task of this room, so it sees a stable document. */
  exclusive<T>(task: () => Promise<T> | T): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Adds a connection and starts the sync handshake (server step 1 and step 2, current presence). */
  join(connection: SyncConnection): void {
    this.connections.set(connection, {
      awarenessClients: new Set(),
      windowStart: this.now(),
      messagesInWindow: 0,
    });
    connection.send(writeSyncStep1(this.doc));
    connection.send(writeSyncStep2(this.doc));
    const present = [...this.awareness.getStates().keys()];
    if (present.length > 0) connection.send(writeAwareness(this.awareness, present));
  }

  /** Closes the connections whose session matches (signed out): they must sign in again to reconnect. */
  disconnect(matches: (session: SyncSession) => boolean, reason: string): void {
    for (const connection of [...this.connections.keys()]) {
      if (matches(connection.session)) connection.close(CloseCode.unauthorized, reason);
    }
  }

  /** Removes a connection and its presence. */
  leave(connection: SyncConnection): void {
    const state = this.connections.get(connection);
    if (!state) return;
    this.connections.delete(connection);
    awarenessProtocol.removeAwarenessStates(this.awareness, [...state.awarenessClients], SERVER_ORIGIN);
  }

  /** Handles one binary message from a connection. Resolves once it is fully processed. */
  receive(connection: SyncConnection, data: Uint8Array): Promise<void> {
    const state = this.connections.get(connection);
    if (!state) return Promise.resolve();
    if (!this.withinRate(state)) {
      connection.close(CloseCode.rateLimited, 'Trop de messages : reconnexion nécessaire.');
      return Promise.resolve();
    }
    let message: ClientMessage;
    try {
      message = readClientMessage(data);
    } catch {
      connection.send(writePermissionDenied(Refusal.malformed, 'Message illisible : il a été ignoré.'));
      return Promise.resolve();
    }
    return this.exclusive(() => this.dispatch(connection, message));
  }

  /**
   * Applies an update the server itself makes (a lock, an unlock): stored like any other, then broadcast.
   * Call inside `exclusive` when it must not interleave with client edits.
   */
  applyServerUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
    this.storedBytes += update.byteLength;
  }

  /** Closes every connection whose session no longer holds (a role change): they reconnect and are re-checked. */
  closeAll(code: number, reason: string): void {
    for (const connection of [...this.connections.keys()]) connection.close(code, reason);
  }

  private async dispatch(connection: SyncConnection, message: ClientMessage): Promise<void> {
    switch (message.type) {
      case 'sync-step1':
        connection.send(writeSyncStep2(this.doc, message.stateVector));
        return;
      case 'update':
        return this.receiveUpdate(connection, message.update);
      case 'awareness':
        this.receiveAwareness(connection, message.update);
        return;
      case 'query-awareness':
        connection.send(writeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case 'auth':
        return; // clients have nothing to say in the auth channel
    }
  }

  private async receiveUpdate(connection: SyncConnection, update: Uint8Array): Promise<void> {
    const verdict = this.judge(connection.session, update);
    if (!verdict.ok) {
      // Not applied, not stored, not broadcast. The client is told why, and gets the server's state so a
      // client that resets its copy (ours does) is back in line at once.
      connection.send(writePermissionDenied(verdict.code, verdict.message));
      return;
    }
    if (isNoop(this.doc, update)) return;
    await this.log.append(this.name, update);
    this.storedBytes += update.byteLength;
    this.appendedSinceOpen++;
    Y.applyUpdate(this.doc, update, connection);
    this.onAppend(this);
  }

  private judge(session: SyncSession, update: Uint8Array): Verdict {
    if (update.byteLength > this.limits.maxUpdateBytes) {
      return {
        ok: false,
        code: Refusal.tooLarge,
        message: 'Modification trop volumineuse : elle a été refusée.',
      };
    }
    if (this.storedBytes + update.byteLength > this.limits.maxDocumentBytes) {
      return { ok: false, code: Refusal.tooLarge, message: 'Le document a atteint sa taille maximale.' };
    }
    const inspection: Inspection = inspectUpdate(this.doc, update);
    if (!inspection.ok) {
      return { ok: false, code: inspection.code, message: refusalMessage(inspection.code) };
    }
    return session.judge(inspection.touches, this.doc);
  }

  private receiveAwareness(connection: SyncConnection, update: Uint8Array): void {
    const { session } = connection;
    // The server says who a client is: whatever name a client claims, the stored state carries its account.
    const stamped = awarenessProtocol.modifyAwarenessUpdate(update, (state: unknown) => {
      if (state === null || typeof state !== 'object') return state;
      const current = state as Record<string, unknown>;
      const user = (current.user ?? {}) as Record<string, unknown>;
      return { ...current, user: { ...user, id: session.accountId, name: session.displayName } };
    });
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped, connection);
    } catch {
      connection.send(writePermissionDenied(Refusal.malformed, 'Présence illisible : ignorée.'));
    }
  }

  private withinRate(state: ConnectionState): boolean {
    const now = this.now();
    if (now - state.windowStart > this.limits.rateWindowMs) {
      state.windowStart = now;
      state.messagesInWindow = 0;
    }
    state.messagesInWindow++;
    return state.messagesInWindow <= this.limits.maxMessagesPerWindow;
  }
}

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] };

/** An update that brings nothing new (e.g. a client's step 2 when it is up to date) is not stored. */
function isNoop(doc: Y.Doc, update: Uint8Array): boolean {
  const { structs, ds } = Y.decodeUpdate(update);
  if (ds.clients.size > 0) {
    for (const [client, deletes] of ds.clients) {
      for (const { clock, len } of deletes) {
        const structsOf = doc.store.clients.get(client);
        if (!structsOf || clock >= Y.getState(doc.store, client)) return false;
        for (let i = Y.findIndexSS(structsOf, clock); i < structsOf.length; i++) {
          const struct = structsOf[i]!;
          if (struct.id.clock >= clock + len) break;
          if (!struct.deleted) return false;
        }
      }
    }
  }
  return structs.every((s) => s.id.clock + s.length <= Y.getState(doc.store, s.id.client));
}

function refusalMessage(code: RefusalCode): string {
  switch (code) {
    case Refusal.unknownCell:
      return 'Cette modification ne correspond à aucune case du livret : elle a été refusée.';
    case Refusal.invalidValue:
      return 'Valeur non valide : la modification a été refusée.';
    case Refusal.missingDependency:
      return 'Modification incomplète (hors ligne trop longtemps ?) : votre copie est resynchronisée.';
    default:
      return 'Modification illisible : elle a été refusée.';
  }
}
