/**
 * The live document of a class and period in the browser: a Y.Doc kept in IndexedDB (works offline, survives
 * reloads) and synced through y-websocket with the server. Reads are reactive (every change of the document
 * bumps a version rune that the read methods depend on); writes go through the domain's typed helpers, so no
 * component sees a raw key.
 *
 * The server refuses an update whole, so one refused cell (a student locked while this device was offline)
 * would sink every other edit sent with it. On a refusal this copy is set aside (and backed up in IndexedDB),
 * a fresh copy is synced from the server, and every local edit the write rule still allows is written again
 * into it, cell by cell; the others are listed in `refusedEdits` with what was typed. Nothing is dropped
 * silently.
 */

import {
  appreciationText,
  getLock,
  getPositionnement,
  getProgramElements,
  getVieScolaire,
  InvalidValueError,
  insertProgramElement,
  type LockInfo,
  lockedStudentIds,
  moveProgramElement,
  observeClassDoc,
  type PositionnementValue,
  readRefusal,
  removeProgramElement,
  setPositionnement,
  setVieScolaireField,
  syntheseText,
  updateProgramElement,
  type VieScolaire,
  type VieScolaireField,
} from '@livret/domain/doc';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as authProtocol from 'y-protocols/auth';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { backupName, databaseExists, deleteDatabase, refusedKey } from './local-copies.js';
import { colorOf, type Peer, type PresenceFocus, toPeer } from './presence.js';
import { type ReapplyRules, type RefusedEdit, reapplyLocalEdits } from './reapply.js';

export type ConnectionStatus = 'connexion' | 'en-ligne' | 'hors-ligne';

/** The sync endpoint on the page's own origin (ws: or wss:); the browser sends the session cookie. */
export function wsUrl(origin: string): string {
  return origin.replace(/^http/, 'ws');
}

/** The origin of the transaction that writes refused edits again (not a user edit). */
const RECOVERY = Symbol('reprise');

/** One connection of a document: its IndexedDB copy and its socket. */
interface Transport {
  doc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
  stop(): void;
}

/** A copy set aside after a refusal (or left by an interrupted one), waiting for the server's state. */
interface Pending {
  doc: Y.Doc;
  backup: IndexeddbPersistence;
  message: string;
  /** Set when nothing is to be written again (the server refused the previous re-application). */
  refuseAll?: string;
  /** A backup found at opening: no message when it held nothing to take back. */
  resumed?: boolean;
}

export class ClassDocSession {
  /** Bumped after every change of the document: reading it makes a computation depend on the document. */
  #version = $state(0);
  status = $state<ConnectionStatus>('connexion');
  /** True once the local copy has loaded from IndexedDB (the page can show data offline). */
  loaded = $state(false);
  /** True once the server's state has been received on the current connection. */
  synced = $state(false);
  /** True while a refused copy is being taken back onto the server's state. */
  recovering = $state(false);
  /** The other users in this document (not this tab). */
  peers = $state<Peer[]>([]);
  /** The last refusal from the server, in French, for an alert region. */
  refusal = $state<string | null>(null);
  /** Edits of this device that could not be written again, kept (also across reloads) until dismissed. */
  refusedEdits = $state<RefusedEdit[]>([]);

  /** The copy the page shows and edits (the set-aside one while a recovery waits for the server). */
  #doc!: Y.Doc;
  #transport!: Transport;
  #stopDoc: () => void = () => {};
  #pending: Pending | null = null;
  #focus: PresenceFocus | null = null;
  #destroyed = false;
  /** False right after a recovery: a refusal then means the re-applied edits themselves were refused. */
  #editedSinceRecovery = true;

  constructor(
    readonly docName: string,
    readonly me: { id: string; name: string },
    readonly rules: ReapplyRules,
    readonly origin: string = window.location.origin,
  ) {
    this.refusedEdits = readRefused(docName);
    const doc = new Y.Doc();
    this.#show(doc);
    this.#transport = this.#connect(doc);
    void this.#resumeBackup();
  }

  /** «En ligne · synchronisé», «Hors ligne», … for the status line. */
  get statusLabel(): string {
    if (this.recovering) return 'Reprise de vos saisies…';
    if (this.status === 'hors-ligne') return 'Hors ligne · vos saisies sont gardées sur cet appareil';
    if (this.status === 'connexion') return 'Connexion…';
    return this.synced ? 'En ligne · synchronisé' : 'En ligne · synchronisation…';
  }

  // Reads (reactive)

  positionnement(studentId: string, disciplineId: string): PositionnementValue | null {
    return this.#read((doc) => getPositionnement(doc, studentId, disciplineId));
  }

  lock(studentId: string): LockInfo | null {
    return this.#read((doc) => getLock(doc, studentId));
  }

  lockedStudentIds(): Set<string> {
    return this.#read((doc) => lockedStudentIds(doc));
  }

  programElements(disciplineId: string): string[] {
    return this.#read((doc) => getProgramElements(doc, disciplineId));
  }

  vieScolaire(studentId: string): VieScolaire {
    return this.#read((doc) => getVieScolaire(doc, studentId));
  }

  /** The Y.Text of an appreciation: only for the textarea binding (y-textarea.svelte). */
  appreciationText(studentId: string, disciplineId: string): Y.Text {
    return this.#read((doc) => appreciationText(doc, studentId, disciplineId));
  }

  /** The Y.Text of the synthèse: only for the textarea binding (y-textarea.svelte). */
  syntheseText(studentId: string): Y.Text {
    return this.#read((doc) => syntheseText(doc, studentId));
  }

  /** Other users on this student (and on this discipline when given; null = the student's general parts). */
  peersOn(studentId: string, disciplineId?: string | null): Peer[] {
    return this.peers.filter(
      (p) =>
        p.focus?.studentId === studentId &&
        (disciplineId === undefined || p.focus.disciplineId === disciplineId),
    );
  }

  // Writes (one transaction = one update sent to the server). False when the value is not allowed.

  setPositionnement(studentId: string, disciplineId: string, value: PositionnementValue | null): boolean {
    return this.#write((doc) => setPositionnement(doc, studentId, disciplineId, value));
  }

  setVieScolaireField(studentId: string, field: VieScolaireField, value: number | string | null): boolean {
    return this.#write((doc) => setVieScolaireField(doc, studentId, field, value));
  }

  insertProgramElement(disciplineId: string, index: number, text: string): boolean {
    return this.#write((doc) => insertProgramElement(doc, disciplineId, index, text));
  }

  updateProgramElement(disciplineId: string, index: number, text: string): boolean {
    return this.#write((doc) => updateProgramElement(doc, disciplineId, index, text));
  }

  removeProgramElement(disciplineId: string, index: number): boolean {
    return this.#write((doc) => removeProgramElement(doc, disciplineId, index));
  }

  moveProgramElement(disciplineId: string, from: number, to: number): boolean {
    return this.#write((doc) => moveProgramElement(doc, disciplineId, from, to));
  }

  /** Publishes which student / cell this user is on. */
  setFocus(focus: PresenceFocus | null): void {
    this.#focus = focus;
    this.#transport.provider.awareness.setLocalStateField('focus', focus);
  }

  dismissRefusal(): void {
    this.refusal = null;
  }

  /** Forgets the refused edits (the user has copied what they needed). */
  dismissRefusedEdits(): void {
    this.refusedEdits = [];
    localStorage.removeItem(refusedKey(this.docName));
  }

  destroy(): void {
    this.#destroyed = true;
    this.#stopDoc();
    this.#transport.stop();
    void this.#transport.persistence.destroy();
    this.#transport.doc.destroy();
    // A pending copy stays in its backup database: the next opening takes it back.
    if (this.#pending) {
      void this.#pending.backup.destroy();
      this.#pending.doc.destroy();
    }
    this.#doc.destroy();
  }

  #read<T>(reader: (doc: Y.Doc) => T): T {
    void this.#version;
    return reader(this.#doc);
  }

  #write(writer: (doc: Y.Doc) => void): boolean {
    try {
      this.#doc.transact(() => writer(this.#doc));
      return true;
    } catch (error) {
      if (error instanceof InvalidValueError) return false;
      throw error;
    }
  }

  /** Makes `doc` the copy the page reads and writes. */
  #show(doc: Y.Doc): void {
    this.#stopDoc();
    this.#doc = doc;
    // Deferred: Yjs may run a transaction while a reactive read is in progress (creating a root type).
    this.#stopDoc = observeClassDoc(doc, (origin, local) => {
      if (local && origin !== RECOVERY) this.#editedSinceRecovery = true;
      queueMicrotask(() => this.#version++);
    });
    this.#version++;
  }

  /** Opens the IndexedDB copy and the socket of `doc`. */
  #connect(doc: Y.Doc): Transport {
    this.synced = false;
    this.status = 'connexion';
    const persistence = new IndexeddbPersistence(this.docName, doc);
    persistence.whenSynced.then(() => {
      if (this.#transport?.doc !== doc) return;
      this.loaded = true;
      this.#version++;
    });

    // No BroadcastChannel between tabs: each tab syncs with the server only, so another tab's copy cannot
    // hand back to a fresh copy the edits a recovery set aside.
    const provider = new WebsocketProvider(`${wsUrl(this.origin)}/sync`, this.docName, doc, {
      maxBackoffTime: 2500,
      disableBc: true,
    });
    // y-protocols auth message: permission denied, with the server's reason (readRefusal).
    provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
      authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => this.#onRefusal(reason));
    };
    // y-websocket sends back every presence it receives; only this tab's own is this tab's to send (the server
    // refuses presences of other connections).
    const relay = provider._awarenessUpdateHandler;
    const own = (changes: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
      const mine = (ids: number[]) => ids.filter((id) => id === provider.awareness.clientID);
      const filtered = {
        added: mine(changes.added),
        updated: mine(changes.updated),
        removed: mine(changes.removed),
      };
      if (filtered.added.length + filtered.updated.length + filtered.removed.length > 0)
        relay(filtered, origin);
    };
    provider.awareness.off('update', relay);
    provider.awareness.on('update', own);
    provider._awarenessUpdateHandler = own; // destroy() unsubscribes this one
    provider.awareness.setLocalState({
      user: { id: this.me.id, name: this.me.name, color: colorOf(this.me.id) },
      focus: this.#focus,
    });

    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') this.status = 'en-ligne';
      else if (status === 'disconnected') this.status = 'hors-ligne';
      if (status !== 'connected') this.synced = false;
    };
    const onSync = (isSynced: boolean) => {
      this.synced = isSynced;
      if (isSynced && this.#pending) this.#finishRecovery();
      this.#version++;
    };
    const onAwareness = () => {
      this.peers = [...provider.awareness.getStates().entries()]
        .filter(([clientId]) => clientId !== provider.awareness.clientID)
        .map(([clientId, state]) => toPeer(clientId, state))
        .filter((p): p is Peer => p !== null);
    };
    // A socket that never opens emits no 'disconnected' status: its close event says we are offline.
    const onClose = () => {
      this.status = 'hors-ligne';
      this.synced = false;
    };
    const onOffline = () => {
      this.status = 'hors-ligne';
    };
    provider.on('status', onStatus);
    provider.on('connection-close', onClose);
    provider.on('connection-error', onClose);
    provider.on('sync', onSync);
    provider.awareness.on('change', onAwareness);
    window.addEventListener('offline', onOffline);
    return {
      doc,
      provider,
      persistence,
      stop: () => {
        provider.off('status', onStatus);
        provider.off('connection-close', onClose);
        provider.off('connection-error', onClose);
        provider.off('sync', onSync);
        provider.awareness.off('change', onAwareness);
        window.removeEventListener('offline', onOffline);
        provider.destroy();
      },
    };
  }

  #onRefusal(reason: string): void {
    const { message } = readRefusal(reason);
    // Later refusals of the same copy (its other in-flight updates) are covered by the recovery under way.
    if (this.#pending || this.#destroyed) return;
    void this.#recover(message, this.#editedSinceRecovery ? undefined : message);
  }

  /** Sets this copy aside (backed up), and opens a fresh one on the server's state; `#finishRecovery` follows. */
  async #recover(message: string, refuseAll: string | undefined): Promise<void> {
    const old = this.#transport;
    old.stop(); // nothing more of this copy goes to the server
    this.status = 'connexion';
    this.synced = false;
    this.recovering = true;
    // The copy lives in a second database until it has been taken back: a crash meanwhile loses nothing.
    const backup = new IndexeddbPersistence(backupName(this.docName), old.doc);
    this.#pending = { doc: old.doc, backup, message, ...(refuseAll ? { refuseAll } : {}) };
    await backup.whenSynced;
    await old.persistence.destroy();
    // Should the old database survive, its refused edits come back and are refused again: then they are
    // listed (see #editedSinceRecovery), which beats a page left without a connection.
    await deleteDatabase(this.docName).catch(() => undefined);
    if (this.#destroyed) return;
    this.#transport = this.#connect(new Y.Doc());
  }

  /** A backup left by a recovery that did not finish (tab closed): taken back once synced. */
  async #resumeBackup(): Promise<void> {
    const name = backupName(this.docName);
    if (!(await databaseExists(name).catch(() => false)) || this.#pending || this.#destroyed) return;
    const doc = new Y.Doc();
    const backup = new IndexeddbPersistence(name, doc);
    await backup.whenSynced;
    if (this.#pending || this.#destroyed) {
      void backup.destroy();
      return;
    }
    this.recovering = true;
    const message = 'Des saisies d’une session interrompue ont été reprises.';
    this.#pending = { doc, backup, message, resumed: true };
    if (this.synced) this.#finishRecovery();
  }

  /** Writes the set-aside copy's allowed edits into the synced copy, lists the others, drops the backup. */
  #finishRecovery(): void {
    const pending = this.#pending;
    if (!pending) return;
    this.#pending = null;
    const target = this.#transport.doc;
    const { applied, refused } = reapplyLocalEdits(
      pending.doc,
      target,
      this.rules,
      RECOVERY,
      pending.refuseAll,
    );
    this.#editedSinceRecovery = false;
    if (this.#doc !== target) this.#show(target);
    if (refused.length > 0) {
      const replaced = new Set(refused.map((r) => r.key));
      this.refusedEdits = [...this.refusedEdits.filter((r) => !replaced.has(r.key)), ...refused];
      localStorage.setItem(refusedKey(this.docName), JSON.stringify(this.refusedEdits));
    }
    const kept = applied.length > 0 ? ' Vos autres saisies ont été reprises.' : '';
    const listed = refused.length > 0 ? ' Ce qui n’a pas pu être enregistré est listé ci-dessous.' : '';
    if (refused.length > 0 || applied.length > 0 || !pending.resumed) {
      this.refusal = `${pending.message}${kept}${listed}`;
    }
    void pending.backup.destroy().then(() => deleteDatabase(backupName(this.docName)));
    pending.doc.destroy();
    this.recovering = false;
  }
}

/** The refused edits kept for this document on this device (an unreadable entry is ignored). */
function readRefused(docName: string): RefusedEdit[] {
  try {
    const stored = JSON.parse(localStorage.getItem(refusedKey(docName)) ?? '[]') as unknown;
    return Array.isArray(stored) ? (stored as RefusedEdit[]) : [];
  } catch {
    return [];
  }
}
