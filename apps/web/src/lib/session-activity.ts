/**
 * The server ends a session after 2 h without a request (server/src/auth/sessions.ts), but typing in a live
 * document goes over the WebSocket, which the idle timer does not see. While the person types or clicks, this asks
 * /api/me at most every five minutes: an active teacher is never signed out, an unattended screen still is.
 */
import { ApiError, api } from './api/client.js';
import type { Session } from './session.svelte.js';

const EVERY_MS = 5 * 60_000;

/** A handler for the window's key and pointer events, bound to this session. */
export function activityKeepAlive(session: Session): () => void {
  let last = Date.now();
  return () => {
    const now = Date.now();
    if (!session.me || now - last < EVERY_MS) return;
    last = now;
    api.me().catch((error) => {
      // Offline, keep working locally; a session that did end sends the person to the sign-in page.
      if (error instanceof ApiError && error.status === 401) void session.refresh();
    });
  };
}
