/**
 * Presence as the server lets it through. An awareness update is a list of (client id, clock, JSON state);
 * the server rewrites each state from what it knows: the account's id and name, a colour of the app's
 * palette, and a focus whose ids have the layout's shape — every other field is dropped. A connection speaks
 * only for client ids that are free or already its account's (others' entries are dropped), and a message has
 * a bounded size, so no client can overwrite a colleague's presence, park data that every colleague
 * downloads, or inject CSS.
 */
import { type PresenceState, presenceColorOf, presenceFocusOf } from '@livret/domain/doc';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface PresenceLimits {
  /** Largest awareness message accepted from a client. */
  maxPresenceBytes: number;
}

/** At most this many client ids in one message (a browser tab has one). */
const MAX_STATES_PER_MESSAGE = 4;

/**
 * Rewrites a client's awareness update, or refuses it whole with a French message.
 * @example stampPresence(update, { accountId, displayName, mayUse: (id) => true, limits })
 */
export function stampPresence(
  update: Uint8Array,
  who: {
    accountId: string;
    displayName: string;
    /** May this connection speak for this client id? */
    mayUse(clientId: number): boolean;
    limits: PresenceLimits;
  },
): { ok: true; update: Uint8Array } | { ok: false; message: string } {
  if (update.byteLength > who.limits.maxPresenceBytes) {
    return { ok: false, message: 'Présence trop volumineuse : ignorée.' };
  }
  try {
    const decoder = decoding.createDecoder(update);
    const encoder = encoding.createEncoder();
    const count = decoding.readVarUint(decoder);
    const kept: { clientId: number; clock: number; state: PresenceState | null }[] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const claimed: unknown = JSON.parse(decoding.readVarString(decoder));
      // Another connection's presence is dropped without a word: y-websocket clients echo every presence
      // they receive, so this is ordinary traffic, not an attack to answer.
      if (who.mayUse(clientId)) kept.push({ clientId, clock, state: stateOf(claimed, who) });
    }
    if (decoding.hasContent(decoder)) return { ok: false, message: 'Présence illisible : ignorée.' };
    if (kept.length > MAX_STATES_PER_MESSAGE) return { ok: false, message: 'Présence non valide : ignorée.' };
    encoding.writeVarUint(encoder, kept.length);
    for (const { clientId, clock, state } of kept) {
      encoding.writeVarUint(encoder, clientId);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, JSON.stringify(state));
    }
    return { ok: true, update: encoding.toUint8Array(encoder) };
  } catch {
    return { ok: false, message: 'Présence illisible : ignorée.' };
  }
}

/** null (the client leaves) stays null; anything else becomes a state the server vouches for. */
function stateOf(claimed: unknown, who: { accountId: string; displayName: string }): PresenceState | null {
  if (claimed === null) return null;
  const focus = typeof claimed === 'object' ? (claimed as Record<string, unknown>).focus : undefined;
  return {
    user: { id: who.accountId, name: who.displayName, color: presenceColorOf(who.accountId) },
    focus: presenceFocusOf(focus),
  };
}
