/**
 * Presence (awareness) in a class document: who is there and which student / cell they are on. The server
 * rebuilds every presence state from these shapes (the person and colour come from the account, never from
 * the client), so a client cannot pose as another, park data in presence, or inject a colour into pages.
 */

/** Where a user is: a grid cell or appreciation (disciplineId), or a student's synthèse / vie scolaire (null). */
export interface PresenceFocus {
  studentId: string;
  disciplineId: string | null;
}

/** The presence state of one client, as the server stamps it. */
export interface PresenceState {
  user: { id: string; name: string; color: string };
  focus: PresenceFocus | null;
}

/** Dark enough for white text (AA) and for a 3px outline on white. */
export const presenceColors = [
  '#1f4f8f',
  '#9c2f6b',
  '#1e6b34',
  '#8a4b08',
  '#5b3a9c',
  '#0f6670',
  '#a4161a',
] as const;

/**
 * A stable colour per account, so a person keeps the same colour in every browser.
 * @example presenceColorOf(accountId) // '#1e6b34'
 */
export function presenceColorOf(accountId: string): string {
  let h = 0;
  for (let i = 0; i < accountId.length; i++) h = (h * 31 + accountId.charCodeAt(i)) | 0;
  return presenceColors[Math.abs(h) % presenceColors.length] ?? presenceColors[0];
}

const ID = /^[0-9A-Za-z-]{1,64}$/;

/** The focus a client claims, if it is one (ids of the layout's shape); null otherwise. */
export function presenceFocusOf(value: unknown): PresenceFocus | null {
  if (value === null || typeof value !== 'object') return null;
  const { studentId, disciplineId } = value as Record<string, unknown>;
  if (typeof studentId !== 'string' || !ID.test(studentId)) return null;
  if (disciplineId !== null && disciplineId !== undefined) {
    if (typeof disciplineId !== 'string' || !ID.test(disciplineId)) return null;
    return { studentId, disciplineId };
  }
  return { studentId, disciplineId: null };
}
