/**
 * The reason the sync server gives when it refuses an update (the y-protocols auth «permission denied»
 * message): a JSON `{ code, message }`, with a machine code and a French message for the user. Written by the
 * server, read by the web client, the e2e clients and the tests, all through these two functions.
 */

/** A refusal as the server states it. */
export interface SyncRefusal {
  /** `forbidden`, `locked`, `read-only`, `unknown-cell`, `invalid-value`, `missing-dependency`, `malformed`… */
  code: string;
  /** French, for the user. */
  message: string;
}

/**
 * The reason string of a refusal.
 * @example refusalReason('locked', 'Le bilan de cet élève est verrouillé.')
 */
export function refusalReason(code: string, message: string): string {
  return JSON.stringify({ code, message } satisfies SyncRefusal);
}

/**
 * Reads a refusal's reason; a reason that is not ours (a plain string from another server) becomes its message.
 * @example readRefusal('{"code":"locked","message":"…"}').code // 'locked'
 */
export function readRefusal(reason: string): SyncRefusal {
  try {
    const parsed = JSON.parse(reason) as Partial<SyncRefusal>;
    if (typeof parsed.code === 'string' && typeof parsed.message === 'string') {
      return { code: parsed.code, message: parsed.message };
    }
  } catch {
    // not JSON: below
  }
  return { code: 'unknown', message: reason || 'Modification refusée par le serveur.' };
}
