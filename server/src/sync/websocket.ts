/**
 * The y-websocket endpoint: `GET /sync/<document name>` upgraded to a WebSocket. The session cookie is
 * checked before the upgrade completes; a connection that may not read the document is refused with an HTTP
 * status (401, 403, 404) and never sees a byte of it. See docs/sync-protocol.md.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import { CloseCode } from './protocol.js';
import type { Room, SyncConnection, SyncSession } from './room.js';
import type { Rooms } from './rooms.js';

export const SYNC_PATH_PREFIX = '/sync/';

/** Decides who is connecting to which document. */
export type SyncAuthenticator = (
  request: IncomingMessage,
  docName: string,
) => Promise<{ ok: true; session: SyncSession } | { ok: false; status: 401 | 403 | 404; message: string }>;

export interface SyncEndpoint {
  /** Closes every socket and stops accepting new ones. */
  close(): Promise<void>;
}

/** Attaches the sync endpoint to a Node HTTP server. */
export function attachSyncEndpoint(
  server: Server,
  options: { rooms: Rooms; authenticate: SyncAuthenticator; maxPayload?: number },
): SyncEndpoint {
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload ?? 1024 * 1024 });

  const onUpgrade = async (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Node hands the raw socket over without an error listener: a client that resets it mid-handshake would
    // otherwise crash the process.
    socket.on('error', () => socket.destroy());
    // This is the only upgrade handler, and a throw here would be an unhandled rejection: everything is guarded.
    try {
      const docName = docNameOf(request.url);
      if (docName === undefined) return reject(socket, 404, 'Adresse inconnue');
      if (docName === null) return reject(socket, 400, 'Adresse de document invalide');
      // A page of another site must not open a socket with the user's cookie (cross-site WebSocket hijacking):
      // browsers always send Origin on a WebSocket handshake, and ours is the app's own origin.
      const origin = request.headers.origin;
      if (origin && !sameHost(origin, request.headers.host)) {
        return reject(socket, 403, 'Origine non autorisée');
      }
      let decision: Awaited<ReturnType<SyncAuthenticator>>;
      try {
        decision = await options.authenticate(request, docName);
      } catch (error) {
        console.error('sync authentication failed', error);
        return reject(socket, 500, 'Erreur interne');
      }
      if (!decision.ok) return reject(socket, decision.status, decision.message);
      const { session } = decision;
      let room: Room;
      try {
        room = await options.rooms.get(docName);
      } catch (error) {
        console.error(`sync: ${docName} could not be loaded`, error);
        return reject(socket, 500, 'Document momentanément indisponible');
      }
      if (socket.destroyed) return void options.rooms.released(room); // the client left while it loaded
      // ws answers a bad handshake (key, version) with a 400 itself.
      wss.handleUpgrade(request, socket, head, (ws) => {
        // ws reports a malformed frame (unmasked, bad opcode, absurd length) as an 'error' event, which would
        // crash the process without a listener; it has already sent the close frame, so just drop the peer.
        ws.on('error', () => ws.terminate());
        serve(ws, room, session, options.rooms);
      });
    } catch (error) {
      console.error('sync: upgrade failed', error);
      reject(socket, 400, 'Requête invalide');
    }
  };
  server.on('upgrade', onUpgrade);

  return {
    async close() {
      server.off('upgrade', onUpgrade);
      for (const client of wss.clients) client.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}

/** Sockets one account may hold open at once in this process (tabs × documents; a flood is refused). */
export const MAX_SOCKETS_PER_ACCOUNT = 40;

function serve(ws: WebSocket, room: Room, session: SyncSession, rooms: Rooms): void {
  ws.binaryType = 'arraybuffer';
  if (rooms.connectionsOf(session.accountId) >= MAX_SOCKETS_PER_ACCOUNT) {
    ws.close(CloseCode.rateLimited, 'Trop de connexions ouvertes : fermez des onglets.');
    void rooms.released(room);
    return;
  }
  const connection: SyncConnection = {
    session,
    send(message) {
      if (ws.readyState === ws.OPEN) ws.send(message);
    },
    close(code, reason) {
      ws.close(code, reason);
    },
  };
  room.join(connection);
  ws.on('message', (data: ArrayBuffer | Buffer | Buffer[]) => {
    const bytes = toBytes(data);
    room.receive(connection, bytes).catch((error: unknown) => {
      // A failed append (database down) must not be acknowledged: drop the connection so the client resends.
      console.error(`sync: update on ${room.name} failed`, error);
      ws.close(1011, 'Enregistrement impossible, reconnexion');
    });
  });
  ws.on('close', () => {
    room.leave(connection);
    void rooms.released(room);
  });
  // Liveness: a peer that stops answering pings is closed, so its presence disappears.
  let alive = true;
  ws.on('pong', () => {
    alive = true;
  });
  const ping = setInterval(() => {
    if (!alive) return ws.terminate();
    alive = false;
    ws.ping();
  }, 30_000);
  ping.unref();
  ws.on('close', () => clearInterval(ping));
}

/**
 * The document named by an upgrade's path: undefined when the path is not under /sync/, null when it cannot be
 * decoded (bad percent-encoding, an unparsable URL).
 */
function docNameOf(path: string | undefined): string | undefined | null {
  let pathname: string;
  try {
    pathname = new URL(path ?? '/', 'http://localhost').pathname;
  } catch {
    return null;
  }
  if (!pathname.startsWith(SYNC_PATH_PREFIX)) return undefined;
  try {
    const name = decodeURIComponent(pathname.slice(SYNC_PATH_PREFIX.length));
    return name ? name : null;
  } catch {
    return null;
  }
}

function sameHost(origin: string, host: string | undefined): boolean {
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

function toBytes(data: ArrayBuffer | Buffer | Buffer[]): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

const REASONS: Record<number, [code: string, reason: string]> = {
  400: ['invalid', 'Bad Request'],
  401: ['unauthorized', 'Unauthorized'],
  403: ['forbidden', 'Forbidden'],
  404: ['not_found', 'Not Found'],
  500: ['internal', 'Internal Server Error'],
};

function reject(socket: Duplex, status: number, message: string): void {
  if (socket.destroyed) return;
  const [code, reason] = REASONS[status] ?? ['forbidden', 'Forbidden'];
  const body = JSON.stringify({ code, message });
  socket.write(
    `HTTP/1.1 ${status} ${reason}\r\n` +
      'Content-Type: application/json; charset=utf-8\r\n' +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.destroy();
}
