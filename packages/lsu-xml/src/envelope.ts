/**
 * The first look at an uploaded file, before any XML parser sees it: size, encoding, that it looks like XML at
 * all, and no DTD or entity declaration (no XXE, no "billion laughs": the LSU format has no use for them, so
 * they are refused outright rather than defused). Hostile or broken files stop here with a clear French reason.
 */
import type { LsuIssue } from './errors.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

export type DecodeResult = { ok: true; text: string } | { ok: false; issues: LsuIssue[] };

const fail = (reason: string, line?: number): DecodeResult => ({
  ok: false,
  issues: [{ element: 'fichier', reason, ...(line ? { line } : {}) }],
});

/**
 * Decodes an uploaded LSU file into text, refusing what is not a safe UTF-8 XML document.
 * @example const decoded = decodeLsuText(bytes); if (!decoded.ok) report(decoded.issues);
 */
export function decodeLsuText(input: Uint8Array | string, options: { maxBytes?: number } = {}): DecodeResult {
  const size = typeof input === 'string' ? Buffer.byteLength(input) : input.byteLength;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (size === 0) return fail('Le fichier est vide.');
  if (size > maxBytes) {
    return fail(
      `Le fichier est trop volumineux (${Math.ceil(size / 1048576)} Mo ; ${Math.floor(maxBytes / 1048576)} Mo au plus).`,
    );
  }
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    const declared = /^\uFEFF?<\?xml[^>]*encoding=["']([^"']+)["']/i.exec(
      new TextDecoder('latin1').decode(input.subarray(0, 200)),
    );
    const encoding = declared?.[1]?.toUpperCase();
    if (encoding && encoding !== 'UTF-8' && encoding !== 'UTF8') {
      return fail(
        `Le fichier doit être encodé en UTF-8 (encodage déclaré : ${declared?.[1]}). Réenregistrez-le en UTF-8.`,
      );
    }
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return fail('Le fichier n’est pas un texte UTF-8 valide (fichier binaire ou encodé en ISO-8859-1 ?).');
    }
  }
  text = text.replace(/^\uFEFF/, '');
  if (!text.trimStart().startsWith('<')) return fail('Ce fichier n’est pas un fichier XML.');
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(text);
  if (doctype) {
    return fail(
      'Les déclarations DOCTYPE et ENTITY sont interdites dans un fichier LSU.',
      lineAt(text, doctype.index),
    );
  }
  return { ok: true, text };
}

/** The 1-based line of a character index (LF, CRLF and a lone CR each end a line, as in XML). */
export function lineAt(text: string, index: number): number {
  return lineIndex(text)(index);
}

/**
 * A function from character index to 1-based line, for many lookups in one text: the line starts are found
 * once (on first use), then each lookup is a binary search.
 */
export function lineIndex(text: string): (index: number) => number {
  let starts: number[] | undefined;
  return (index) => {
    if (!starts) {
      starts = [0];
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
      }
    }
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((starts[mid] ?? 0) <= index) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
