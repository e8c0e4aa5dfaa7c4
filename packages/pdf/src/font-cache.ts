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
