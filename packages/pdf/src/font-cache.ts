/**
 * pdfkit parses the font files again for every document (`fontkit.create`), and for a one-student bilan that
 * parsing is most of the time (four 400 KB TrueType files with large kerning tables). The parsed fonts only serve
 * as read-only sources (each document builds its own subset), so they are parsed once and handed back for the
 * same bytes. The bytes of the PDF do not change: a subset depends only on the glyphs a document uses.
 *
 * fontkit also decodes an OpenType lookup (kerning, ligatures) again each time a text is laid out (a lazy array
 * without memory): the lookups of the shared fonts are kept once decoded, which divides the time of a bilan by
 * three.
 *
 * pdfkit also lays every word out again in each document (its layout cache lives as long as the document): the
 * cache of each shared font is kept across documents too (renewed every few hundred documents, so it stays small).
 *
 * fontkit's `create` cannot be replaced (a non-configurable export), but it asks each registered format whether
 * it reads the bytes, in order: the TrueType format is told to pass on the bytes parsed already, and a last
 * format answers for them with the parsed font (a constructor may return another object).
 */
import { createRequire } from 'node:module';

interface FontFormat {
  probe(bytes: Uint8Array): boolean;
}
interface Fontkit {
  create(bytes: Uint8Array): { constructor: FontFormat };
  registerFormat(format: unknown): void;
}

interface LazyList {
  get(index: number): unknown;
}

let installed = false;

/** Documents between two renewals of the shared layout caches. */
const LAYOUT_CACHE_DOCUMENTS = 500;

/**
 * Makes pdfmake's documents share, per parsed font, pdfkit's cache of laid-out words (a word's glyphs and
 * positions depend on the font and the word only; documents read the cached runs and never change them).
 */
function shareLayoutCaches(fromPdfmake: NodeRequire): void {
  const PDFDocument = (fromPdfmake('./PDFDocument') as { default: { prototype: Record<string, unknown> } })
    .default;
  const provideFont = PDFDocument.prototype.provideFont as (...args: unknown[]) => unknown;
  let caches = new Map<object, object>();
  let documents = new WeakSet<object>();
  let count = 0;
  PDFDocument.prototype.provideFont = function (this: object, ...args: unknown[]) {
    if (!documents.has(this)) {
      documents.add(this);
      if (++count % LAYOUT_CACHE_DOCUMENTS === 0) {
        caches = new Map();
        documents = new WeakSet([this]);
      }
    }
    const embedded = provideFont.apply(this, args) as { font?: object; layoutCache?: object } | undefined;
    if (embedded?.font && embedded.layoutCache) {
      const shared = caches.get(embedded.font);
      if (shared) embedded.layoutCache = shared;
      else caches.set(embedded.font, embedded.layoutCache);
    }
    return embedded;
  };
}

/** Memoises the decoded lookups of the font's GSUB and GPOS tables (read-only once decoded). */
function keepDecodedLookups<T extends object>(font: T): T {
  for (const name of ['GSUB', 'GPOS'] as const) {
    const list = (font as Record<string, { lookupList?: LazyList } | undefined>)[name]?.lookupList;
    if (!list || typeof list.get !== 'function') continue;
    const decode = list.get.bind(list);
    const decoded = new Map<number, unknown>();
    list.get = (index) => {
      if (!decoded.has(index)) decoded.set(index, decode(index));
      return decoded.get(index);
    };
  }
  return font;
}

/** Makes fontkit (as pdfkit loads it beside pdfmake) parse each of these font buffers once. */
export function shareParsedFonts(buffers: readonly Uint8Array[]): void {
  if (installed) return;
  installed = true;
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const fontkit = createRequire(fromPdfmake.resolve('pdfkit'))('fontkit') as Fontkit;
  shareLayoutCaches(fromPdfmake);
  const parsed = new Map<Uint8Array, object>(
    buffers.map((bytes) => [bytes, keepDecodedLookups(fontkit.create(bytes))]),
  );
  const trueType = fontkit.create(buffers[0]!).constructor;
  const probe = trueType.probe.bind(trueType);
  trueType.probe = (bytes) => !parsed.has(bytes) && probe(bytes);
  fontkit.registerFormat(
    class ParsedFont {
      static probe(bytes: Uint8Array): boolean {
        return parsed.has(bytes);
      }
      constructor(stream: { buffer: Uint8Array }) {
        // biome-ignore lint/correctness/noConstructorReturn: hands back the font parsed once
        return parsed.get(stream.buffer) as ParsedFont;
      }
    },
  );
}
