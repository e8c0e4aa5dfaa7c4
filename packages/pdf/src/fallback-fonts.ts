/**
 * Every character of a bilan prints: pdfmake draws a text in one font and has no fallback, so a character
 * Liberation Sans lacks (an emoji, ✓, ★, 𝔸…) came out as «□». Before rendering, each text is cut into runs:
 * what Liberation Sans has stays as it is (so the bytes of a bilan without such characters do not change), and
 * each run of other characters is given the first fallback font that has them (Noto Emoji, then DejaVu Sans;
 * see fonts/NOTICE). An emoji sequence (ZWJ, variation selector, skin tone) stays in one run, so the font can
 * join it.
 */
import { createRequire } from 'node:module';
import type { Content, ContentNode, DocumentDefinition, PageFunction } from './definition.js';

/** The font family that has a code point, or undefined for the main font (or when no font has it). */
export type FontChooser = (codePoint: number) => string | undefined;

interface ParsedFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/**
 * A chooser from the main font's bytes and the fallbacks', in order of preference; each code point is looked
 * up once.
 * @example const choose = fontChooser(liberation, [{ family: 'NotoEmoji', bytes: noto }]);
 */
export function fontChooser(main: Uint8Array, fallbacks: readonly { family: string; bytes: Uint8Array }[]) {
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const fontkit = createRequire(fromPdfmake.resolve('pdfkit'))('fontkit') as {
    create(bytes: Uint8Array): ParsedFont;
  };
  const primary = fontkit.create(main);
  const others = fallbacks.map((f) => ({ family: f.family, font: fontkit.create(f.bytes) }));
  const known = new Map<number, string | undefined>();
  return (codePoint: number): string | undefined => {
    if (codePoint < 0x250) return undefined; // Latin, always in the main font: the common case stays cheap
    if (known.has(codePoint)) return known.get(codePoint);
    const family = primary.hasGlyphForCodePoint(codePoint)
      ? undefined
      : others.find((o) => o.font.hasGlyphForCodePoint(codePoint))?.family;
    known.set(codePoint, family);
    return family;
  };
}

/** Joiners and modifiers that belong to the character before them (ZWJ, variation selectors, skin tones, tags). */
const joinsPrevious = (cp: number) =>
  cp === 0x200d ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
  (cp >= 0xe0020 && cp <= 0xe007f) ||
  cp === 0x20e3;

/** A text as pdfmake inline runs: plain strings in the main font, `{ text, font }` for the others. */
export function runsOf(text: string, choose: FontChooser): (string | ContentNode)[] | string {
  // Nothing beyond Latin: the text is kept as it is.
  if (!/[\u0250-\u{10ffff}]/u.test(text)) return text;
  const runs: { font: string | undefined; text: string }[] = [];
  let previous: string | undefined;
  let afterJoiner = false;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    const font = (joinsPrevious(cp) || afterJoiner) && runs.length > 0 ? previous : choose(cp);
    afterJoiner = cp === 0x200d;
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += char;
    else runs.push({ font, text: char });
    previous = font;
  }
  if (runs.length === 1 && runs[0]?.font === undefined) return text;
  return runs.map((run) => (run.font ? { text: run.text, font: run.font } : run.text));
}

/** The keys of a content node that hold more content. */
const CONTAINERS = ['stack', 'columns', 'ul', 'ol', 'section'] as const;

function withFallback(content: Content, choose: FontChooser): Content {
  if (typeof content === 'string') {
    const runs = runsOf(content, choose);
    return typeof runs === 'string' ? runs : { text: runs };
  }
  if (Array.isArray(content)) return content.map((item) => withFallback(item, choose));
  if (content === null || typeof content !== 'object') return content;
  const node: ContentNode = { ...content };
  const text = node.text;
  if (typeof text === 'string') {
    node.text = runsOf(text, choose);
  } else if (Array.isArray(text)) {
    node.text = text.flatMap((item: unknown) => {
      if (typeof item !== 'string') return [withFallback(item as Content, choose)];
      const runs = runsOf(item, choose);
      return typeof runs === 'string' ? [runs] : runs;
    });
  } else if (text && typeof text === 'object') {
    node.text = withFallback(text as Content, choose);
  }
  for (const key of CONTAINERS) {
    if (node[key] !== undefined) node[key] = withFallback(node[key] as Content, choose);
  }
  const table = node.table as { body?: Content[][] } | undefined;
  if (table?.body) {
    node.table = { ...table, body: table.body.map((row) => row.map((cell) => withFallback(cell, choose))) };
  }
  return node;
}

/**
 * The document with every text that has characters the main font lacks cut into runs of fonts that have them
 * (content and footer; the rest is the layout's own fixed French text).
 */
export function withFallbackFonts(definition: DocumentDefinition, choose: FontChooser): DocumentDefinition {
  const footer = definition.footer;
  return {
    ...definition,
    content: withFallback(definition.content, choose),
    ...(footer
      ? {
          footer: ((page, count) => {
            const made = footer(page, count);
            return made === null ? null : withFallback(made, choose);
          }) as PageFunction,
        }
      : {}),
  };
}
