/**
 * Presence (awareness) shapes: who is in the document and which student / cell they are on. The server stamps
 * the user's identity, so `user` cannot be forged by another client.
 */

/** Where a user is: a grid cell or appreciation (disciplineId), or a student's synthèse / vie scolaire (null). */
export interface PresenceFocus {
  studentId: string;
  disciplineId: string | null;
}

/** Another browser tab in the same document. */
export interface Peer {
  clientId: number;
  id: string;
  name: string;
  color: string;
  focus: PresenceFocus | null;
}

/** Dark enough for white text (AA) and for a 3px outline on white. */
const COLORS = ['#1f4f8f', '#9c2f6b', '#1e6b34', '#8a4b08', '#5b3a9c', '#0f6670', '#a4161a'];

/** A stable colour per account, so a person keeps the same colour in every browser. */
export function colorOf(accountId: string): string {
  let h = 0;
  for (let i = 0; i < accountId.length; i++) h = (h * 31 + accountId.charCodeAt(i)) | 0;
  return COLORS[Math.abs(h) % COLORS.length] ?? '#1f4f8f';
}

/** Reads one awareness state; null when it carries no user (a client that has not said who it is). */
export function toPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const user = state.user as { id?: unknown; name?: unknown; color?: unknown } | undefined;
  if (typeof user?.id !== 'string' || typeof user.name !== 'string') return null;
  const focus = state.focus as Partial<PresenceFocus> | null | undefined;
  return {
    clientId,
    id: user.id,
    name: user.name,
    color: typeof user.color === 'string' ? user.color : colorOf(user.id),
    focus:
      focus && typeof focus.studentId === 'string'
        ? { studentId: focus.studentId, disciplineId: focus.disciplineId ?? null }
        : null,
  };
}
