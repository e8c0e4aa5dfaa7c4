/**
 * The sync wire protocol, in one place. It is the standard y-websocket protocol (y-protocols sync, awareness
 * and auth messages), so an unmodified y-websocket client talks to the server; Livret adds only the meaning of
 * the permission-denied reason (a JSON `{ code, message }`). See docs/sync-protocol.md for the bytes.
 */

import { refusalReason } from '@livret/domain/doc';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as authProtocol from 'y-protocols/auth';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import type * as Y from 'yjs';

/** Bumped when the meaning of a message changes. */
export const PROTOCOL_VERSION = 1;

/** Top-level message types, as y-websocket numbers them. */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/** Sync sub-messages (y-protocols/sync). */
export const SyncStep = {
  step1: syncProtocol.messageYjsSyncStep1,
  step2: syncProtocol.messageYjsSyncStep2,
  update: syncProtocol.messageYjsUpdate,
} as const;

/** Why the server refuses an update or closes a connection. Sent as the permission-denied reason. */
export const Refusal = {
  forbidden: 'forbidden',
  locked: 'locked',
  readOnly: 'read-only',
  unknownCell: 'unknown-cell',
  invalidValue: 'invalid-value',
  missingDependency: 'missing-dependency',
  malformed: 'malformed',
  tooLarge: 'too-large',
  rateLimited: 'rate-limited',
} as const;
export type RefusalCode = (typeof Refusal)[keyof typeof Refusal];

/** WebSocket close codes used by the server (4000–4999 is the application range). */
export const CloseCode = {
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  rateLimited: 4429,
  tooLarge: 1009,
} as const;

/** A decoded client message, the union the room dispatches on. */
export type ClientMessage =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  | { type: 'auth' };

/**
 * Reads one client message. Throws on unknown types or truncated payloads, so the caller can refuse it.
 * Sync step 2 and update carry the same thing (a Yjs update) and are judged the same way.
 */
export function readClientMessage(data: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(data);
  const type = decoding.readVarUint(decoder);
  switch (type) {
    case MessageType.sync: {
      const step = decoding.readVarUint(decoder);
      if (step === SyncStep.step1)
        return { type: 'sync-step1', stateVector: decoding.readVarUint8Array(decoder) };
      if (step === SyncStep.step2 || step === SyncStep.update) {
        return { type: 'update', update: decoding.readVarUint8Array(decoder) };
      }
      throw new Error(`unknown sync step ${step}`);
    }
    case MessageType.awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(decoder) };
    case MessageType.queryAwareness:
      return { type: 'query-awareness' };
    case MessageType.auth:
      return { type: 'auth' };
    default:
      throw new Error(`unknown message type ${type}`);
  }
}

/** Sync step 1: the server's state vector, asking the client for what the server lacks. */
export function writeSyncStep1(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep1(encoder, doc);
  return encoding.toUint8Array(encoder);
}

/** Sync step 2: what the client lacks, given its state vector. */
export function writeSyncStep2(doc: Y.Doc, stateVector?: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeSyncStep2(encoder, doc, stateVector);
  return encoding.toUint8Array(encoder);
}

/** An accepted update, broadcast to the other clients of the document. */
export function writeUpdate(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  syncProtocol.writeUpdate(encoder, update);
  return encoding.toUint8Array(encoder);
}

/** An awareness update for the given clients. */
export function writeAwareness(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(encoder);
}

/** Permission denied (y-protocols/auth), with a machine code and a French message for the user. */
export function writePermissionDenied(code: RefusalCode, message: string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.auth);
  authProtocol.writePermissionDenied(encoder, refusalReason(code, message));
  return encoding.toUint8Array(encoder);
}
