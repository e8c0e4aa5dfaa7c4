/** Program elements of a discipline: a class-wide ordered list of short texts (≤300 characters each). */
import type * as Y from 'yjs';
import { roots } from './cells.js';
import { InvalidValueError, limits, textLength } from './limits.js';

function list(doc: Y.Doc, disciplineId: string): Y.Array<string> {
  return doc.getArray<string>(roots.elements(disciplineId));
}

function checked(text: string): string {
  const value = text.trim();
  if (value.length === 0)
    throw new InvalidValueError('Un élément du programme ne peut pas être vide.', 'empty');
  if (textLength(value) > limits.programElement) {
    throw new InvalidValueError(
      `Un élément du programme fait au plus ${limits.programElement} caractères.`,
      'too-long',
    );
  }
  return value;
}

/** The program elements of a discipline, in order. */
export function getProgramElements(doc: Y.Doc, disciplineId: string): string[] {
  return list(doc, disciplineId).toArray();
}

/**
 * Inserts an element at `index` (clamped to the list). The text is trimmed; throws `InvalidValueError` when it
 * is empty or longer than 300 characters.
 * @example insertProgramElement(doc, disciplineId, getProgramElements(doc, disciplineId).length, 'Lire avec fluidité')
 */
export function insertProgramElement(doc: Y.Doc, disciplineId: string, index: number, text: string): void {
  const elements = list(doc, disciplineId);
  elements.insert(Math.max(0, Math.min(index, elements.length)), [checked(text)]);
}

/** Replaces the element at `index` (no-op out of range; same validation as insert). */
export function updateProgramElement(doc: Y.Doc, disciplineId: string, index: number, text: string): void {
  const elements = list(doc, disciplineId);
  if (index < 0 || index >= elements.length) return;
  const value = checked(text);
  doc.transact(() => {
    elements.delete(index, 1);
    elements.insert(index, [value]);
  });
}

/** Removes the element at `index` (no-op out of range). */
export function removeProgramElement(doc: Y.Doc, disciplineId: string, index: number): void {
  const elements = list(doc, disciplineId);
  if (index >= 0 && index < elements.length) elements.delete(index, 1);
}

/** Moves the element at `from` to position `to` (no-op out of range). */
export function moveProgramElement(doc: Y.Doc, disciplineId: string, from: number, to: number): void {
  const elements = list(doc, disciplineId);
  if (from < 0 || from >= elements.length || to < 0 || to >= elements.length || from === to) return;
  const value = elements.get(from);
  doc.transact(() => {
    elements.delete(from, 1);
    elements.insert(to, [value]);
  });
}
