/**
 * The first look at an uploaded file, before any XML parser sees it: size, encoding, that it looks like XML at
 * all, and no DTD or entity declaration (no XXE, no "billion laughs": the LSU format has no use for them, so
 * they are refused outright rather than defused). Hostile or broken files stop here with a clear French reason.
 */
import type { LsuIssue } from './errors.js';

export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * `text` is the file as characters; `utf8` the bytes libxml2 validates: the file itself when it was UTF-8,
 * else the text re-encoded in UTF-8 with its declaration saying so (same lines, same characters).
 */
export type DecodeResult =
  | { ok: true; text: string; utf8: Uint8Array; encoding: string }
  | { ok: false; issues: LsuIssue[] };

const fail = (reason: string, line?: number): DecodeResult => ({
  ok: false,
  issues: [{ element: 'fichier', reason, ...(line ? { line } : {}) }],
});

const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

/** windows-1252's characters at 0x80–0x9F (ISO-8859-1 has control characters there; 5 bytes are unassigned). */
const CP1252_HIGH =
  '\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f' +
  '\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178';

/** Node's TextDecoder reads «windows-1252» as ISO-8859-1 (its fast path for Latin-1 labels): decoded here. */
const windows1252 = (b: Uint8Array) =>
  latin1(b).replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80] ?? c);

/**
 * The encodings a file may declare, by their XML names (upper case), with the decoder that reads them. An XML
 * reader must accept UTF-8 and UTF-16; the Latin ones are what French software still writes.
 */
const DECLARED: Record<string, (bytes: Uint8Array) => string> = {
  'UTF-8': (b) => new TextDecoder('utf-8', { fatal: true }).decode(b),
  UTF8: (b) => new TextDecoder('utf-8', { fatal: true }).decode(b),
  'US-ASCII': (b) => new TextDecoder('utf-8', { fatal: true }).decode(b),
  // True ISO-8859-1, one byte one code point (the WHATWG «latin1» label means windows-1252).
  'ISO-8859-1': latin1,
  LATIN1: latin1,
  'ISO-8859-15': (b) => new TextDecoder('iso-8859-15').decode(b),
  LATIN9: (b) => new TextDecoder('iso-8859-15').decode(b),
  'WINDOWS-1252': windows1252,
  CP1252: windows1252,
};
/** Other spellings of the same encodings found in the wild (IANA aliases). */
const ALIASES: Record<string, string> = {
  ISO8859_1: 'ISO-8859-1',
  'ISO8859-1': 'ISO-8859-1',
  'ISO_8859-1': 'ISO-8859-1',
  'ISO-LATIN-1': 'ISO-8859-1',
  L1: 'ISO-8859-1',
  'LATIN-1': 'ISO-8859-1',
  'ISO8859-15': 'ISO-8859-15',
  'ISO_8859-15': 'ISO-8859-15',
  'LATIN-9': 'ISO-8859-15',
  WINDOWS1252: 'WINDOWS-1252',
  'CP-1252': 'WINDOWS-1252',
  'X-CP1252': 'WINDOWS-1252',
  ASCII: 'US-ASCII',
};

/** UTF-16 is told by its byte order mark, or by `<?` spelled in two-byte units (XML 1.0, appendix F). */
function utf16Of(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const [a, b, c, d] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0x3c && b === 0 && c === 0x3f && d === 0)) return 'utf-16le';
  if ((a === 0xfe && b === 0xff) || (a === 0 && b === 0x3c && c === 0 && d === 0x3f)) return 'utf-16be';
  return undefined;
}

const DECLARATION = /^(\uFEFF?<\?xml\b[^>]*?\bencoding\s*=\s*)(["'])([^"']*)\2/;

/** Decodes the bytes as the file says they are encoded. */
function textOf(bytes: Uint8Array): { text: string; encoding: string } | { reason: string } {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    try {
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes), encoding: 'UTF-16' };
    } catch {
      return { reason: 'Le fichier n’est pas un texte UTF-16 valide (fichier abîmé ?).' };
    }
  }
  // A UTF-8 byte order mark says UTF-8, whatever the declaration says (XML 1.0, appendix F).
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const head = new TextDecoder('latin1').decode(bytes.subarray(bom ? 3 : 0, 200));
  const written = bom ? 'UTF-8' : (DECLARATION.exec(head)?.[3]?.trim().toUpperCase() ?? 'UTF-8');
  const declared = ALIASES[written] ?? written;
  if (declared.startsWith('UTF-16')) {
    return {
      reason:
        'Le fichier déclare l’encodage UTF-16 mais n’est pas écrit en UTF-16 (ni marque d’ordre des octets, ni caractères sur deux octets).',
    };
  }
  const decode = DECLARED[declared];
  if (!decode) {
    return {
      reason: `Encodage « ${declared} » non pris en charge (acceptés : UTF-8, UTF-16, ISO-8859-1, ISO-8859-15, windows-1252). Réenregistrez le fichier en UTF-8.`,
    };
  }
  try {
    return { text: decode(bytes), encoding: declared === 'UTF8' ? 'UTF-8' : declared };
  } catch {
    return {
      reason:
        declared === 'UTF-8'
          ? 'Le fichier n’est pas un texte UTF-8 valide (fichier binaire, ou encodé autrement sans le déclarer ?).'
          : `Le fichier n’est pas un texte ${declared} valide.`,
    };
  }
}

/**
 * Where a DOCTYPE would be markup: in the prolog, before the root element (anywhere else it is not well-formed
 * XML, which libxml2 refuses, or it is text or CDATA, which is harmless). An ENTITY can only be declared inside
 * a DOCTYPE. Returns the index of the DOCTYPE, or -1.
 */
function doctypeInProlog(text: string): number {
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text[i] ?? '')) i++;
    if (text.startsWith('<?', i)) {
      const end = text.indexOf('?>', i + 2);
      if (end < 0) return -1;
      i = end + 2;
    } else if (text.startsWith('<!--', i)) {
      const end = text.indexOf('-->', i + 4);
      if (end < 0) return -1;
      i = end + 3;
    } else {
      return /^<!DOCTYPE/i.test(text.slice(i, i + 9)) ? i : -1;
    }
  }
}

/**
 * Decodes an uploaded LSU file into text (UTF-8, UTF-16 with or without BOM, or a declared ISO-8859-1,
 * ISO-8859-15 or windows-1252), refusing what is not a safe XML document.
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
  let encoding = 'UTF-8';
  if (typeof input === 'string') text = input;
  else {
    const decoded = textOf(input);
    if ('reason' in decoded) return fail(decoded.reason);
    ({ text, encoding } = decoded);
  }
  text = text.replace(/^\uFEFF/, '');
  // XML reads CRLF and a lone CR as one LF (XML 1.0, 2.11), so texts are counted and kept as libxml2 sees them.
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (!text.trimStart().startsWith('<')) return fail('Ce fichier n’est pas un fichier XML.');
  const doctype = doctypeInProlog(text);
  if (doctype >= 0) {
    return fail(
      'Les déclarations DOCTYPE et ENTITY sont interdites dans un fichier LSU.',
      lineAt(text, doctype),
    );
  }
  if (typeof input !== 'string' && encoding === 'UTF-8') return { ok: true, text, utf8: input, encoding };
  // libxml2 reads the bytes it is given as their declaration says: re-encoded, the file declares UTF-8.
  const asUtf8 = text.replace(
    DECLARATION,
    (_all, before: string, quote: string) => `${before}${quote}UTF-8${quote}`,
  );
  return { ok: true, text, utf8: new TextEncoder().encode(asUtf8), encoding };
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
