/**
 * Who is signed in, as reactive state created by the root layout and shared through context (never a module
 * singleton, so tests and several tabs stay independent).
 */
import { getContext, setContext } from 'svelte';
import { ApiError, api } from './api/client.js';
import type { Me } from './api/types.js';
import { forgetLocalCopies } from './doc/local-copies.js';
import { ACCOUNT_KEY } from './doc/offline-cache.js';

export class Session {
  me = $state<Me | null>(null);
  loaded = $state(false);

  get displayName(): string {
    const account = this.me?.account;
    return account ? `${account.firstName} ${account.lastName.toUpperCase()}` : '';
  }

  /** Reads the session from the server (null when signed out; offline, the account last read here). */
  async refresh(): Promise<Me | null> {
    try {
      this.me = await api.me();
      localStorage.setItem(ACCOUNT_KEY, JSON.stringify(this.me));
    } catch (error) {
      // Unreachable server: the last account read on this device, so a workspace opens offline.
      this.me = error instanceof ApiError && error.status === 0 ? lastAccount() : null;
      if (!this.me) localStorage.removeItem(ACCOUNT_KEY);
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

/** The account kept by the last successful refresh (null when none or unreadable). */
function lastAccount(): Me | null {
  try {
    return JSON.parse(localStorage.getItem(ACCOUNT_KEY) ?? 'null') as Me | null;
  } catch {
    return null;
  }
}

const KEY = Symbol('session');

export function setSession(session: Session): Session {
  return setContext(KEY, session);
}

export function getSession(): Session {
  return getContext<Session>(KEY);
}
