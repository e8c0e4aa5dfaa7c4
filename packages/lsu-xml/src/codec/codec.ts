/**
 * A tiny codec for the LSU elements: each element is declared once, field by field in the XSD's order, and that
 * one declaration both reads a parsed element into a typed record and writes a record back into an element. The
 * reader and the writer cannot drift apart, and the record types are inferred from the declarations.
 *
 * Nodes are fast-xml-parser's: attributes under `@_name`, child elements under their name, text under `#text`.
 * The schema has already been checked by libxml2 when a file is read, so reading converts rather than polices;
 * what the XSD cannot say (which kind of element an IDREF points to) is collected here and checked afterwards.
 */
import type { LsuIssue } from '../errors.js';

/** A parsed element. */
export type XmlNode = { [key: string]: unknown };

/**
 * Where an element is, as a chain of steps up to the root. The readable path (`…/eleves/eleve[3]`) is only
 * spelled out for a problem: building it for every element of a large file would cost more than reading it.
 */
export interface Where {
  readonly up?: Where;
  readonly name: string;
  readonly index?: number;
}

/** The readable path of an element, e.g. `lsun-bilans/donnees/eleves/eleve[3]`. */
export function pathOf(where: Where): string {
  const step = where.index === undefined ? where.name : `${where.name}[${where.index}]`;
  return where.up ? `${pathOf(where.up)}/${step}` : step;
}

/** Where a reference points from, kept to check it once every ID of the file is known. */
export interface Reference {
  target: string;
  kind: string;
  attribute: string;
  where: Where;
  node: XmlNode;
}

/** State shared by one read of a file. */
export interface ReadContext {
  issues: LsuIssue[];
  /** Every ID of the file, with the kind of element that carries it. */
  ids: Map<string, string>;
  references: Reference[];
  /** The 1-based line of a parsed element, when known. */
  lineOf(node: XmlNode): number | undefined;
}

/** One field of a record: how to read it from an element and write it back. */
export interface Field<T> {
  read(node: XmlNode, ctx: ReadContext, where: Where): T;
  write(value: T, out: XmlNode): void;
}

/** An element declared as a record of fields. */
export interface Codec<T> {
  read(node: XmlNode, ctx: ReadContext, where: Where): T;
  write(value: T): XmlNode;
}

/** The record type a set of fields declares. */
export type RecordOf<F> = { [K in keyof F as undefined extends Value<F[K]> ? never : K]: Value<F[K]> } & {
  [K in keyof F as undefined extends Value<F[K]> ? K : never]?: Value<F[K]>;
};
type Value<F> = F extends Field<infer T> ? T : never;

/** Declares an element from its fields, in the XSD's order (the order children are written in). */
export function element<F extends Record<string, Field<unknown>>>(fields: F): Codec<RecordOf<F>> {
  const entries = Object.entries(fields);
  return {
    read(node, ctx, where) {
      const record: Record<string, unknown> = {};
      for (const [key, field] of entries) {
        const value = field.read(node, ctx, where);
        if (value !== undefined) record[key] = value;
      }
      return record as RecordOf<F>;
    },
    write(value) {
      const out: XmlNode = {};
      for (const [key, field] of entries) field.write((value as Record<string, unknown>)[key], out);
      return out;
    },
  };
}

/** How an attribute's text maps to a value. */
export interface Scalar<T> {
  parse(text: string): T;
  format(value: T): string;
}

export const string: Scalar<string> = { parse: (t) => t, format: (v) => v };
export const integer: Scalar<number> = {
  parse: (t) => Number.parseInt(t.trim(), 10),
  format: (v) => String(v),
};
export const boolean: Scalar<boolean> = {
  parse: (t) => t.trim() === 'true' || t.trim() === '1',
  format: (v) => String(v),
};
/** A whitespace-separated list (xs:IDREFS). */
export const list: Scalar<string[]> = {
  parse: (t) => t.split(/\s+/).filter(Boolean),
  format: (v) => v.join(' '),
};

const read = (node: XmlNode, name: string) => node[`@_${name}`] as string | undefined;

/** A required attribute. */
export function attr<T>(name: string, scalar: Scalar<T>): Field<T> & { optional(): Field<T | undefined> } {
  const field: Field<T> = {
    read(node, ctx, where) {
      const text = read(node, name);
      if (text === undefined) {
        ctx.issues.push({
          element: pathOf(where),
          line: ctx.lineOf(node),
          reason: `l’attribut obligatoire « ${name} » est absent.`,
        });
        return scalar.parse('');
      }
      return scalar.parse(text);
    },
    write(value, out) {
      out[`@_${name}`] = scalar.format(value);
    },
  };
  return {
    ...field,
    optional: () => ({
      read: (node) => {
        const text = read(node, name);
        return text === undefined ? undefined : scalar.parse(text);
      },
      write: (value, out) => {
        if (value !== undefined) out[`@_${name}`] = scalar.format(value);
      },
    }),
  };
}

/** The ID of an element of the given kind (registered for the reference checks). */
export function id(kind: string, name = 'id'): Field<string> {
  return {
    read(node, ctx, where) {
      const value = read(node, name) ?? '';
      if (ctx.ids.has(value)) {
        ctx.issues.push({
          element: pathOf(where),
          line: ctx.lineOf(node),
          reason: `identifiant « ${value} » en double.`,
        });
      }
      ctx.ids.set(value, kind);
      return value;
    },
    write(value, out) {
      out[`@_${name}`] = value;
    },
  };
}

/** One (IDREF) or several (IDREFS) references to elements of a kind, checked after the whole file is read. */
export function ref(name: string, kind: string): Field<string> & { optional(): Field<string | undefined> };
export function ref(name: string, kind: string, many: 'many'): Field<string[]>;
export function ref(
  name: string,
  kind: string,
  many?: 'many',
): (Field<string> & { optional(): Field<string | undefined> }) | Field<string[]> {
  const note = (node: XmlNode, ctx: ReadContext, where: Where, targets: string[]) => {
    for (const target of targets) {
      ctx.references.push({ target, kind, attribute: name, where, node });
    }
  };
  if (many) {
    const field: Field<string[]> = {
      read(node, ctx, where) {
        const targets = list.parse(read(node, name) ?? '');
        note(node, ctx, where, targets);
        return targets;
      },
      write(value, out) {
        if (value.length > 0) out[`@_${name}`] = list.format(value);
      },
    };
    return field;
  }
  const one = attr(name, string);
  const field: Field<string> = {
    read(node: XmlNode, ctx: ReadContext, where: Where) {
      const target = one.read(node, ctx, where);
      note(node, ctx, where, [target]);
      return target;
    },
    write: one.write,
  };
  return {
    ...field,
    optional: (): Field<string | undefined> => ({
      read(node, ctx, where) {
        const target = read(node, name);
        if (target !== undefined) note(node, ctx, where, [target]);
        return target;
      },
      write: (value, out) => {
        if (value !== undefined) out[`@_${name}`] = value;
      },
    }),
  };
}

const textOf = (node: unknown): string => {
  if (node === undefined || node === null) return '';
  if (typeof node === 'object') return String((node as XmlNode)['#text'] ?? '');
  return String(node);
};

/** The text of an element with simple content (`<parcours code="…">text</parcours>`). */
export const content: Field<string> = {
  read: (node) => textOf(node),
  write(value, out) {
    out['#text'] = value;
  },
};

/** A child element holding only text; `optional()` when the XSD allows it to be absent. */
export function text(name: string): Field<string> & { optional(): Field<string | undefined> } {
  return {
    read: (node) => textOf(node[name]),
    write(value, out) {
      out[name] = value;
    },
    optional: () => ({
      read: (node) => (node[name] === undefined ? undefined : textOf(node[name])),
      write(value, out) {
        if (value !== undefined) out[name] = value;
      },
    }),
  };
}

const arrayOf = (value: unknown): XmlNode[] =>
  value === undefined ? [] : ((Array.isArray(value) ? value : [value]) as XmlNode[]);
const asNode = (value: unknown): XmlNode =>
  typeof value === 'object' && value !== null ? (value as XmlNode) : { '#text': value };

/** One child element; `optional()` when the XSD allows it to be absent. */
export function child<T>(name: string, codec: Codec<T>): Field<T> & { optional(): Field<T | undefined> } {
  return {
    read: (node, ctx, where) => codec.read(asNode(node[name] ?? {}), ctx, { up: where, name }),
    write(value, out) {
      out[name] = codec.write(value);
    },
    optional: () => ({
      read: (node, ctx, where) =>
        node[name] === undefined ? undefined : codec.read(asNode(node[name]), ctx, { up: where, name }),
      write(value, out) {
        if (value !== undefined) out[name] = codec.write(value);
      },
    }),
  };
}

/** Repeated child elements (`<item/><item/>`). */
export function items<T>(name: string, codec: Codec<T>): Field<T[]> {
  return {
    read: (node, ctx, where) =>
      arrayOf(node[name]).map((item, index) =>
        codec.read(asNode(item), ctx, { up: where, name, index: index + 1 }),
      ),
    write(value, out) {
      if (value.length > 0) out[name] = value.map((item) => codec.write(item));
    },
  };
}

/**
 * A container of repeated elements (`<eleves><eleve/>…</eleves>`), read as a plain array. An empty array is
 * written as no container at all, unless the XSD requires the container (`required`).
 */
export function container<T>(name: string, item: string, codec: Codec<T>): Field<T[]> {
  const inner = items(item, codec);
  return {
    read: (node, ctx, where) =>
      node[name] === undefined ? [] : inner.read(asNode(node[name]), ctx, { up: where, name }),
    write(value, out) {
      if (value.length === 0) return;
      const wrapper: XmlNode = {};
      inner.write(value, wrapper);
      out[name] = wrapper;
    },
  };
}
