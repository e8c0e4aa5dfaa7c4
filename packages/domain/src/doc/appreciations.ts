/**
 * Appreciations: «Acquisitions, progrès et difficultés éventuelles» of a student in a discipline (≤600
 * characters), one root Y.Text per (student, discipline) so that two people typing merge character by character.
 */
import type * as Y from 'yjs';
import { roots } from './cells.js';
import { limits } from './limits.js';
import { replaceText } from './text-edit.js';

/**
 * The live text of the appreciation of a student in a discipline (bind it to an editor).
 * @example appreciationText(doc, studentId, disciplineId).observe(() => render())
 */
export function appreciationText(doc: Y.Doc, studentId: string, disciplineId: string): Y.Text {
  return doc.getText(roots.appreciation(studentId, disciplineId));
}

/** The appreciation as a string ('' when none). */
export function getAppreciation(doc: Y.Doc, studentId: string, disciplineId: string): string {
  return appreciationText(doc, studentId, disciplineId).toString();
}

/**
 * Replaces the appreciation (minimal edit). Throws `InvalidValueError` past 600 characters.
 */
export function setAppreciation(doc: Y.Doc, studentId: string, disciplineId: string, value: string): void {
  replaceText(appreciationText(doc, studentId, disciplineId), value, limits.appreciation, 'Une appréciation');
}
