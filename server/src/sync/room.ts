/**
 * The authoritative engine for one live document: it loads the document from the update log, judges every
 * incoming update as a whole, makes accepted ones durable before applying and broadcasting them, and keeps
 * presence (awareness) with the server's word on who each client is.
 *
 * Work on a room is serialised through one queue, so an update is judged against exactly the state it will
 * be applied to, and a lock (see bilans/) cannot interleave with an edit. An update is judged on its effect:
 * Yjs integrates it into a trial copy first (see effect.ts), and only an update that integrates completely and
 * changes allowed cells only is stored, applied and broadcast.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { type Touch, TrialDoc } from './effect.js';
import { type PresenceLimits, stampPresence } from './presence.js';
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
  /** When the sign-in session ends (epoch ms): the connection is closed then, whatever it sends. */
  readonly expiresAt?: number;
  /** Judges the cells an update touches, against the room's current document. */
  judge(touches: Touch[], doc: Y.Doc): Verdict;
  /**
   * Reads the sign-in session and the rights again: the session as it stands now, or null when it no longer
   * holds (signed out, expired, account or role removed). Called before judging once `refreshMs` has passed.
   */
  refresh?(): Promise<SyncSession | null>;
  /**
   * The cheap check made before every update in between: is the sign-in session still live and are the
   * account's roles in the school unchanged? (One or two indexed reads.)
   */
  alive?(): Promise<boolean>;
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

export const defaultLimits: RoomLimits & PresenceLimits & { refreshMs: number } = {
  maxUpdateBytes: 256 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  maxMessagesPerWindow: 300,
  rateWindowMs: 10_000,
  maxPresenceBytes: 4 * 1024,
  refreshMs: 10_000,
};

export interface RoomOptions {
  limits?: Partial<typeof defaultLimits>;
  now?: () => number;
  /** Called after each accepted client update is stored and applied (compaction trigger). */
  onAppend?: (room: Room) => void;
}

const SERVER_ORIGIN = Symbol('server');

interface ConnectionState {
  /** The session as last checked (see `SyncSession.refresh`). */
  session: SyncSession;
  checkedAt: number;
  awarenessClients: Set<number>;
  windowStart: number;
  messagesInWindow: number;
}

export class Room {
  readonly doc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  private readonly connections = new Map<SyncConnection, ConnectionState>();
  private readonly trial: TrialDoc;
  /**
   * The account that wrote each Yjs client id here first: nobody else may add content under that id (it
   * would take clocks its owner's later edits need, and the server would drop those as already known).
   */
  private readonly clientOwners = new Map<number, string>();
  /** The account behind each presence client id (one account may take over its own id on reconnect). */
  private readonly presenceOwners = new Map<number, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private storedBytes = 0;
  /** Updates appended since the room opened: compaction looks at it. */
  appendedSinceOpen = 0;

  private constructor(
    readonly name: string,
    private readonly log: UpdateLog,
    private readonly limits: typeof defaultLimits,
    private readonly now: () => number,
    private readonly onAppend: (room: Room) => void,
  ) {
    this.doc = new Y.Doc({ gc: true });
    this.trial = new TrialDoc(this.doc);
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
        for (const id of added) {
          state.awarenessClients.add(id);
          this.presenceOwners.set(id, state.session.accountId);
        }
        for (const id of removed) {
          state.awarenessClients.delete(id);
          this.presenceOwners.delete(id);
        }
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
      { ...defaultLimits, ...options.limits },
      options.now ?? Date.now,
      options.onAppend ?? (() => {}),
    );
    const updates = await log.load(name);
    for (const [index, update] of updates.entries()) {
      // A stored update that Yjs cannot integrate whole (stored before the server judged effects, or
      // damaged) is set aside, never applied: the document still loads, and compaction drops it.
      const effect = room.trial.try(update);
      if (!effect.ok) {
        console.error(
          `sync: ${name}: stored update ${index + 1}/${updates.length} (${update.byteLength} bytes) quarantined: ${effect.detail}`,
        );
        room.quarantined.push(update);
        continue;
      }
      Y.applyUpdate(room.doc, update, SERVER_ORIGIN);
      room.storedBytes += update.byteLength;
    }
    return room;
  }

  /** Stored updates set aside at load because Yjs could not integrate them (see `open`). */
  readonly quarantined: Uint8Array[] = [];

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
      session: connection.session,
      checkedAt: this.now(),
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
    for (const [connection, state] of [...this.connections]) {
      if (matches(state.session)) connection.close(CloseCode.unauthorized, reason);
    }
  }

  /** Makes the matching connections check their session and rights again before their next update. */
  recheck(matches: (session: SyncSession) => boolean): void {
    for (const state of this.connections.values()) if (matches(state.session)) state.checkedAt = -Infinity;
  }

  /** The connections of an account in this room. */
  connectionsOf(accountId: string): number {
    let count = 0;
    for (const state of this.connections.values()) if (state.session.accountId === accountId) count++;
    return count;
  }

  /** Removes a connection and its presence. */
  leave(connection: SyncConnection): void {
    const state = this.connections.get(connection);
    if (!state) return;
    this.connections.delete(connection);
    for (const id of state.awarenessClients) this.presenceOwners.delete(id);
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
   * Prepares a change the server makes (see sync/live-documents.ts): made on the trial copy, the document
   * untouched; returns its update, null when it changes nothing. Call inside `exclusive`, then either
   * `commitServerChange` once the update is stored, or `discardServerChanges`.
   */
  prepareServerChange(change: (doc: Y.Doc) => void): Uint8Array | null {
    return this.trial.change(change);
  }

  /** Applies a prepared change, once stored: the document takes it and every connection gets it. */
  commitServerChange(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
    this.storedBytes += update.byteLength;
  }

  /** Forgets the prepared changes that were not stored (the trial copy is back in step with the document). */
  discardServerChanges(): void {
    this.trial.reset();
  }

  /**
   * Applies an update the server itself makes, already stored (tests set up documents with it); broadcast.
   * Call inside `exclusive` when it must not interleave with client edits.
   */
  applyServerUpdate(update: Uint8Array): void {
    Y.applyUpdate(this.doc, update, SERVER_ORIGIN);
    this.trial.follow(update);
    this.storedBytes += update.byteLength;
  }

  /** Frees the document and its trial copy (the room is no longer used). */
  destroy(): void {
    this.trial.destroy();
    this.doc.destroy();
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
    const session = await this.currentSession(connection);
    if (!session) return;
    const verdict = this.judge(session, update);
    if (!verdict.ok) {
      // Not applied, not stored, not broadcast (the trial copy is back in step). The client is told why; ours
      // then rebuilds on the server's state and re-applies what is still allowed.
      connection.send(writePermissionDenied(verdict.code, verdict.message));
      return;
    }
    if (verdict.noop) return; // nothing new (e.g. a client's step 2 when it is up to date)
    try {
      await this.log.append(this.name, update);
    } catch (error) {
      this.trial.reset();
      throw error;
    }
    for (const client of verdict.clients) this.clientOwners.set(client, session.accountId);
    this.storedBytes += update.byteLength;
    this.appendedSinceOpen++;
    Y.applyUpdate(this.doc, update, connection);
    this.onAppend(this);
  }

  /**
   * The connection's session, checked again once `refreshMs` has passed (or after `recheck`); null, with the
   * connection closed, when it has expired or no longer holds.
   */
  private async currentSession(connection: SyncConnection): Promise<SyncSession | null> {
    const state = this.connections.get(connection);
    if (!state) return null;
    const now = this.now();
    let session: SyncSession | null = state.session;
    if (session.refresh && now - state.checkedAt >= this.limits.refreshMs) {
      session = await session.refresh().catch((error: unknown) => {
        console.error(`sync: ${this.name}: session check failed`, error);
        return null;
      });
      if (session) {
        state.session = session;
        state.checkedAt = now;
      }
    } else if (session.alive) {
      const alive = await session.alive().catch((error: unknown) => {
        console.error(`sync: ${this.name}: session check failed`, error);
        return false;
      });
      if (!alive) session = null;
    }
    if (!session || (session.expiresAt !== undefined && session.expiresAt <= now)) {
      connection.close(CloseCode.unauthorized, 'Session terminée : reconnectez-vous.');
      this.leave(connection);
      return null;
    }
    return session;
  }

  /** Judges an update on its effect; on refusal the trial copy is back in step with the document. */
  private judge(
    session: SyncSession,
    update: Uint8Array,
  ): { ok: true; noop: boolean; clients: number[] } | { ok: false; code: RefusalCode; message: string } {
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
    const clients = newClients(this.doc, update);
    if (clients === null) {
      return { ok: false, code: Refusal.malformed, message: refusalMessage(Refusal.malformed) };
    }
    const taken = clients.find((c) => (this.clientOwners.get(c) ?? session.accountId) !== session.accountId);
    if (taken !== undefined) {
      return {
        ok: false,
        code: Refusal.forbidden,
        message: 'Identifiant de client déjà utilisé par une autre personne.',
      };
    }
    const effect = this.trial.try(update);
    if (!effect.ok) return { ok: false, code: effect.code, message: refusalMessage(effect.code) };
    const verdict = session.judge(effect.touches, this.doc);
    if (!verdict.ok) {
      this.trial.reset();
      return verdict;
    }
    return { ok: true, noop: effect.noop, clients };
  }

  private receiveAwareness(connection: SyncConnection, update: Uint8Array): void {
    const state = this.connections.get(connection);
    if (!state) return;
    const { session } = state;
    // The server says who a client is and what its presence holds: only its own client ids, a bounded size,
    // known fields with checked values, the account's name and a colour of the app's palette.
    const stamped = stampPresence(update, {
      accountId: session.accountId,
      displayName: session.displayName,
      mayUse: (clientId) => (this.presenceOwners.get(clientId) ?? session.accountId) === session.accountId,
      limits: this.limits,
    });
    if (!stamped.ok) {
      connection.send(writePermissionDenied(Refusal.malformed, stamped.message));
      return;
    }
    if (stamped.update.byteLength <= 1) return; // only others' entries (an echo): nothing to apply
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, stamped.update, connection);
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

/**
 * The Yjs client ids under which an update adds content the document does not have yet; null when the
 * update cannot be decoded.
 */
function newClients(doc: Y.Doc, update: Uint8Array): number[] | null {
  try {
    const clients = new Set<number>();
    for (const struct of Y.decodeUpdate(update).structs) {
      if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client))
        clients.add(struct.id.client);
    }
    return [...clients];
  } catch {
    return null;
  }
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
