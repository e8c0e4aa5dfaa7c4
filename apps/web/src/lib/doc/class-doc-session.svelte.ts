/**
 * The live document of a class and period in the browser: a Y.Doc kept in IndexedDB (works offline, survives
 * reloads) and synced through y-websocket with the server. Reads are reactive through `read()`; writes go
 * through the domain's typed helpers inside `write()`. When the server refuses an update, this copy is
 * discarded (memory and IndexedDB) and synced again, so the page is back to the server's state at once.
 */

import { observeClassDoc } from '@livret/domain/doc';
import * as decoding from 'lib0/decoding';
import { getContext, setContext } from 'svelte';
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import { messageAuth, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface PresenceFocus {
  studentId: string;
  disciplineId: string | null;
}

export interface Peer {
  clientId: number;
  id: string;
  name: string;
  color: string;
  focus: PresenceFocus | null;
}

export type ConnectionStatus = 'connexion' | 'en-ligne' | 'hors-ligne';

const COLORS = ['#1f4f8f', '#9c2f6b', '#1e6b34', '#8a4b08', '#5b3a9c', '#0f6670', '#a4161a'];

/** The sync endpoint of the page's own origin (ws: or wss:). */
function syncUrl(): string {
  const { protocol, host } = window.location;
  return `${protocol === 'https:' ? 'wss' : 'ws'}://${host}/sync`;
}

export class ClassDocSession {
  /** Bumped after every change of the document or presence: reading it makes a computation reactive. */
  private version = $state(0);
  status = $state<ConnectionStatus>('connexion');
  /** True once the local copy has loaded from IndexedDB (the page can show data offline). */
  loaded = $state(false);
  /** True once the server's state has been received on the current connection. */
  synced = $state(false);
  peers = $state<Peer[]>([]);
  /** The last refusal from the server, in French, for an alert region. */
  refusal = $state<string | null>(null);

  private doc!: Y.Doc;
  private provider!: WebsocketProvider;
  private persistence!: IndexeddbPersistence;
  private stop: (() => void)[] = [];
  private focus: PresenceFocus | null = null;

  constructor(
    readonly docName: string,
    readonly me: { id: string; name: string },
  ) {
    this.open();
  }

  /** Reads the document reactively. */
  read<T>(reader: (doc: Y.Doc) => T): T {
    void this.version;
    return reader(this.doc);
  }

  /** Changes the document in one transaction (one update sent to the server). */
  write(writer: (doc: Y.Doc) => void): void {
    this.doc.transact(() => writer(this.doc));
  }

  /** The raw Y.Text of a cell, for the one component that binds text areas. */
  text(getter: (doc: Y.Doc) => Y.Text): Y.Text {
    void this.version;
    return getter(this.doc);
  }

  /** Publishes which cell this user is on. */
  setFocus(focus: PresenceFocus | null): void {
    this.focus = focus;
    this.provider.awareness.setLocalStateField('focus', focus);
  }

  destroy(): void {
    for (const stop of this.stop) stop();
    this.stop = [];
    this.provider.destroy();
    void this.persistence.destroy();
    this.doc.destroy();
  }

  private open(): void {
    const doc = new Y.Doc();
    this.doc = doc;
    this.loaded = false;
    this.synced = false;
    this.persistence = new IndexeddbPersistence(this.docName, doc);
    this.persistence.whenSynced.then(() => {
      if (this.doc === doc) {
        this.loaded = true;
        this.version++;
      }
    });
    const provider = new WebsocketProvider(syncUrl(), this.docName, doc, { maxBackoffTime: 2500 });
    this.provider = provider;
    provider.messageHandlers[messageAuth] = (_encoder, decoder) => {
      decoding.readVarUint(decoder); // 0: permission denied
      this.onRefusal(decoding.readVarString(decoder));
    };
    const color = COLORS[Math.abs(hash(this.me.id)) % COLORS.length]!;
    provider.awareness.setLocalState({
      user: { id: this.me.id, name: this.me.name, color },
      focus: this.focus,
    });

    const onStatus = ({ status }: { status: string }) => {
      if (status === 'connected') this.status = 'en-ligne';
      else if (status === 'disconnected') this.status = 'hors-ligne';
      if (status !== 'connected') this.synced = false;
    };
    const onSync = (isSynced: boolean) => {
      this.synced = isSynced;
      this.version++;
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
    provider.on('status', onStatus);
    provider.on('connection-close', onClose);
    provider.on('connection-error', onClose);
    provider.on('sync', onSync);
    provider.awareness.on('change', onAwareness);
    const offline = () => (this.status = 'hors-ligne');
    window.addEventListener('offline', offline);
    this.stop.push(
      // Deferred: Yjs may run a transaction while a reactive read is in progress (creating a shared type).
      observeClassDoc(doc, () => queueMicrotask(() => this.version++)),
      () => provider.off('status', onStatus),
      () => provider.off('connection-close', onClose),
      () => provider.off('connection-error', onClose),
      () => provider.off('sync', onSync),
      () => provider.awareness.off('change', onAwareness),
      () => window.removeEventListener('offline', offline),
    );
  }

  private onRefusal(reason: string): void {
    let message = 'Modification refusée par le serveur.';
    try {
      message = (JSON.parse(reason) as { message?: string }).message ?? message;
    } catch {
      // a plain-text reason
    }
    this.refusal = `${message} Votre copie a été remise à jour depuis le serveur.`;
    void this.reset();
  }

  /** Drops the local copy (memory and IndexedDB) and syncs again from the server. */
  private async reset(): Promise<void> {
    for (const stop of this.stop) stop();
    this.stop = [];
    this.provider.destroy();
    await this.persistence.destroy();
    await clearDocument(this.docName);
    this.doc.destroy();
    this.open();
    this.version++;
  }
}

function toPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as { id?: string; name?: string; color?: string } | undefined;
  if (!user?.id || !user.name) return null;
  return {
    clientId,
    id: user.id,
    name: user.name,
    color: user.color ?? '#1f4f8f',
    focus: (state.focus as PresenceFocus | null) ?? null,
  };
}

function hash(value: string): number {
  let h = 0;
  for (let i = 0; i < value.length; i++) h = (h * 31 + value.charCodeAt(i)) | 0;
  return h;
}

const KEY = Symbol('class-doc');

export function setClassDoc(session: ClassDocSession): ClassDocSession {
  return setContext(KEY, session);
}

export function getClassDoc(): ClassDocSession {
  return getContext<ClassDocSession>(KEY);
}
