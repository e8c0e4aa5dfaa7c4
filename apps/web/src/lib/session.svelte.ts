/**
 * Who is signed in, as reactive state created by the root layout and shared through context (never a module
 * singleton, so tests and several tabs stay independent).
 */
import { getContext, setContext } from 'svelte';
import { api } from './api/client.js';
import type { Me } from './api/types.js';
import { forgetLocalCopies } from './doc/local-copies.js';

export class Session {
  me = $state<Me | null>(null);
  loaded = $state(false);

  get displayName(): string {
    const account = this.me?.account;
    return account ? `${account.firstName} ${account.lastName.toUpperCase()}` : '';
  }

  /** Reads the session from the server (null when signed out). */
  async refresh(): Promise<Me | null> {
    try {
      this.me = await api.me();
    } catch {
      this.me = null;
    }
    this.loaded = true;
    return this.me;
  }

  async signOut(): Promise<void> {
    await api.logout().catch(() => undefined);
    // The class documents' copies stay on this browser only while someone is signed in (shared computers).
    await forgetLocalCopies();
    this.me = null;
  }
}

const KEY = Symbol('session');

export function setSession(session: Session): Session {
  return setContext(KEY, session);
}

export function getSession(): Session {
  return getContext<Session>(KEY);
}
