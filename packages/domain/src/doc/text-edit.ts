/**
 * Editing a Y.Text as a whole while keeping concurrent typing: replacing the text only touches the part that
 * changed (common prefix and suffix kept), so two people editing different ends of the same text both win.
 */
import type * as Y from 'yjs';
import { InvalidValueError, textLength } from './limits.js';

/**
 * Replaces the content of `text` by `value` with the smallest single edit.
 * Throws `InvalidValueError` ('too-long') when `value` is longer than `max`.
 */
export function replaceText(text: Y.Text, value: string, max: number, what: string): void {
  // Characters as the LSU counts them (code points): an emoji at the limit is valid.
  if (textLength(value) > max) {
    throw new InvalidValueError(`${what} fait au plus ${max} caractères.`, 'too-long');
  }
  const current = text.toString();
  if (current === value) return;
  let start = 0;
  const shortest = Math.min(current.length, value.length);
  while (start < shortest && current[start] === value[start]) start++;
  let end = 0;
  while (end < shortest - start && current[current.length - 1 - end] === value[value.length - 1 - end]) {
    end++;
  }
  const apply = () => {
    const removed = current.length - start - end;
    if (removed > 0) text.delete(start, removed);
    const inserted = value.slice(start, value.length - end);
    if (inserted.length > 0) text.insert(start, inserted);
  };
  if (text.doc) text.doc.transact(apply);
  else apply();
}

/**
 * Inserts `content` at `index` in `text`, CLAMPED so the text stays within `max` characters (for keystrokes
 * and pastes: what does not fit is dropped). Returns the number of UTF-16 code units inserted (a caret offset).
 * @example insertWithinLimit(appreciationText(doc, s, d), cursor, pasted, limits.appreciation)
 */
export function insertWithinLimit(text: Y.Text, index: number, content: string, max: number): number {
  // Room and cut in characters (code points), as the LSU counts: an emoji is never split into a lone surrogate.
  const room = Math.max(0, max - textLength(text.toString()));
  const fitting = Array.from(content).slice(0, room).join('');
  if (fitting.length > 0) text.insert(Math.max(0, Math.min(index, text.length)), fitting);
  return fitting.length;
}
