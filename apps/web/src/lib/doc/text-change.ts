/**
 * The one edit a keystroke, a paste or a composition made in a text field, found by comparing the field's
 * value before and after. Typing "a" into "aa" could be an insertion at 0, 1 or 2: the caret says which (the
 * edit ends where the caret is), and that matters when someone else types at the same place at the same time.
 */

/** Replace `remove` characters at `index` by `insert`. */
export interface TextChange {
  index: number;
  remove: number;
  insert: string;
}

/**
 * The single change turning `previous` into `next`, placed so that it ends at `caret` (the caret's position
 * in `next` after the edit) whenever the strings allow it; null when they are equal.
 * @example textChange('aa', 'aaa', 2) // { index: 1, remove: 0, insert: 'a' }
 */
export function textChange(previous: string, next: string, caret: number): TextChange | null {
  if (previous === next) return null;
  const shortest = Math.min(previous.length, next.length);
  const at = Math.max(0, Math.min(caret, next.length));
  // The common suffix first, never reaching before the caret: what was typed ends at the caret.
  let suffix = 0;
  const maxSuffix = Math.min(shortest, next.length - at);
  while (
    suffix < maxSuffix &&
    previous.charCodeAt(previous.length - 1 - suffix) === next.charCodeAt(next.length - 1 - suffix)
  ) {
    suffix++;
  }
  let prefix = 0;
  const maxPrefix = shortest - suffix;
  while (prefix < maxPrefix && previous.charCodeAt(prefix) === next.charCodeAt(prefix)) prefix++;
  return {
    index: prefix,
    remove: previous.length - prefix - suffix,
    insert: next.slice(prefix, next.length - suffix),
  };
}

/** Applies a change to a string (the inverse check of `textChange`). */
export function applyTextChange(value: string, change: TextChange): string {
  return value.slice(0, change.index) + change.insert + value.slice(change.index + change.remove);
}
