import { describe, expect, it } from 'vitest';
import { applyTextChange, textChange } from './text-change.js';

describe('textChange', () => {
  it('is null when nothing changed', () => {
    expect(textChange('abc', 'abc', 1)).toBeNull();
  });

  it('places a repeated character where the caret says it was typed', () => {
    expect(textChange('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' });
    expect(textChange('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    expect(textChange('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' });
  });

  it('finds which of two equal characters backspace or delete removed', () => {
    // "abb": backspace after the first b leaves the caret at 1, after the second at 2.
    expect(textChange('abb', 'ab', 1)).toEqual({ index: 1, remove: 1, insert: '' });
    expect(textChange('abb', 'ab', 2)).toEqual({ index: 2, remove: 1, insert: '' });
  });

  it('replaces a selection by a paste', () => {
    expect(textChange('Bon travail.', 'Très bon travail.', 5)).toEqual({
      index: 0,
      remove: 1,
      insert: 'Très b',
    });
    expect(textChange('un deux trois', 'un 2 trois', 4)).toEqual({ index: 3, remove: 4, insert: '2' });
  });

  it('handles a caret outside the text and an emptied field', () => {
    expect(textChange('abc', '', 7)).toEqual({ index: 0, remove: 3, insert: '' });
    expect(textChange('', 'é', -1)).toEqual({ index: 0, remove: 0, insert: 'é' });
  });

  it('always gives a change that turns previous into next, whatever the caret', () => {
    const words = ['', 'a', 'aa', 'ab', 'ba', 'aba', 'abba', 'bonjour', 'bon jour', 'jour bon'];
    for (const previous of words) {
      for (const next of words) {
        for (let caret = -1; caret <= next.length + 1; caret++) {
          const change = textChange(previous, next, caret);
          expect(change ? applyTextChange(previous, change) : previous).toBe(next);
        }
      }
    }
  });
});
