/**
 * The live document of a class and period in the browser: a Y.Doc kept in IndexedDB (works offline, survives
 * reloads) and synced through y-websocket with the server. Reads are reactive (every change of the document
 * bumps a version rune that the read methods depend on); writes go through the domain's typed helpers, so no
 * component sees a raw key. When the server refuses an update, this copy is discarded (memory and IndexedDB)
 * and synced again, so the page is back to the server's state at once.
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
  removeProgramElement,
  setPositionnement,
  setVieScolaireField,
  syntheseText,
  updateProgramElement,
  type VieScolaire,
  type VieScolaireField,
} from '@livret/domain/doc';
import * as decoding from 'lib0/decoding';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { colorOf, type Peer, type PresenceFocus, toPeer } from './presence.js';

export type ConnectionStatus = 'connexion' | 'en-ligne' | 'hors-ligne';

/** The sync endpoint on the page's own origin (ws: or wss:); the browser sends the session cookie. */
export function wsUrl(origin: string): string {
  return origin.replace(/^http/, 'ws');
}

export class ClassDocSession {
  /** Bumped after every change of the document: reading it makes a computation depend on the document. */
  #version = $state(0);
  status = $state<ConnectionStatus>('connexion');
  /** True once the local copy has loaded from IndexedDB (the page can show data offline). */
  loaded = $state(false);
  /** True once the server's state has been received on the current connection. */
  synced = $state(false);
  /** The other users in this document (not this tab). */
  peers = $state<Peer[]>([]);
  /** The last refusal from the server, in French, for an alert region. */
  refusal = $state<string | null>(null);

  #doc!: Y.Doc;
  #provider!: WebsocketProvider;
  #persistence!: IndexeddbPersistence;
  #stop: (() => void)[] = [];
  #focus: PresenceFocus | null = null;
  #resetting = false;

  constructor(
    readonly docName: string,
    readonly me: { id: string; name: string },
    readonly origin: string = window.location.origin,
  ) {
    this.#open();
  }

  /** «En ligne · synchronisé», «Hors ligne», … for the status line. */
  get statusLabel(): string {
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
    this.#provider.awareness.setLocalStateField('focus', focus);
  }

  dismissRefusal(): void {
    this.refusal = null;
  }

  destroy(): void {
    this.#close();
    void this.#persistence.destroy();
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

  #open(): void {
    const doc = new Y.Doc();
    this.#doc = doc;
    this.loaded = false;
    this.synced = false;
    this.status = 'connexion';
    this.#persistence = new IndexeddbPersistence(this.docName, doc);
    this.#persistence.whenSynced.then(() => {
      if (this.#doc !== doc) return;
      this.loaded = true;
      this.#version++;
    });

    const provider = new WebsocketProvider(`${wsUrl(this.origin)}/sync`, this.docName, doc, {
      maxBackoffTime: 2500,
    });
    this.#provider = provider;
    // y-protocols auth message: permission denied, with a JSON reason {code, message}.
    provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
      decoding.readVarUint(decoder);
      this.#onRefusal(decoding.readVarString(decoder));
    };
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
      this.#version++;
    };
    const onAwareness = () => {
      this.peers = [...provider.awareness.getStates().entries()]
        .filter(([clientId]) => clientId !== doc.clientID)
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
    this.#stop.push(
      // Deferred: Yjs may run a transaction while a reactive read is in progress (creating a root type).
      observeClassDoc(doc, () => queueMicrotask(() => this.#version++)),
      () => provider.off('status', onStatus),
      () => provider.off('connection-close', onClose),
      () => provider.off('connection-error', onClose),
      () => provider.off('sync', onSync),
      () => provider.awareness.off('change', onAwareness),
      () => window.removeEventListener('offline', onOffline),
      () => provider.destroy(),
    );
  }

  #close(): void {
    for (const stop of this.#stop) stop();
    this.#stop = [];
  }

  #onRefusal(reason: string): void {
    let message = 'Modification refusée par le serveur.';
    try {
      const parsed = JSON.parse(reason) as { message?: unknown };
      if (typeof parsed.message === 'string') message = parsed.message;
    } catch {
      if (reason) message = reason;
    }
    this.refusal = `${message} Votre copie a été remise à l’état du serveur.`;
    void this.#reset();
  }

  /** Drops the local copy (memory and IndexedDB) and syncs again from the server. */
  async #reset(): Promise<void> {
    if (this.#resetting) return;
    this.#resetting = true;
    try {
      this.#close();
      await this.#persistence.destroy();
      await clearDocument(this.docName);
      this.#doc.destroy();
      this.#open();
      this.#version++;
    } finally {
      this.#resetting = false;
    }
  }
}
