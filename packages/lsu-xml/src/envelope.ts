/**
 * Reads the envelope of an LSU file safely, before any data is looked at: size, encoding, well-formedness,
 * no DTD or entity (no XXE, no "billion laughs"), root element and namespace, schema version. Hostile or
 * broken files stop here with a clear French reason.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { LsuIssue } from './errors.js';

export const LSU_NAMESPACE = 'urn:fr:edu:scolarite:lsun:bilans:import';
/** `schemaVersion` values of the collège schema (import-complet-strict v7.0) and of the école schema (1.0). */
export const COLLEGE_VERSIONS = ['2.0', '3.0', '4.0', '5.0', '6.0', '7.0'] as const;
export const ECOLE_VERSIONS = ['1.0'] as const;
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/** Elements that may repeat: always parsed as arrays, so one element and many look the same. */
const REPEATED = new Set([
  'responsable-etab',
  'eleve',
  'periode',
  'discipline',
  'enseignant',
  'element-programme',
  'parcours-commun',
  'parcours',
  'vie-scolaire-commun',
  'epi-thematique',
  'epi',
  'epi-groupe',
  'acc-perso',
  'acc-perso-groupe',
  'bilan-periodique',
  'bilan-cycle',
  'acquis',
  'epi-eleve',
  'acc-perso-eleve',
  'modalite-accompagnement',
  'enseignant-ref',
  'element-programme-ref',
  'competences-numeriques-commun',
  'competence-numerique',
  'domaine',
  'sous-domaine',
  'professeur-principal',
  'enseignant-discipline',
  'element-ref',
]);

export interface LsuEnvelope {
  degre: '1D' | '2D';
  schemaVersion: string;
  /** The parsed `lsun-bilans` element: attributes as plain keys, text as `#text`. */
  root: Record<string, unknown>;
}

export type EnvelopeResult = { ok: true; envelope: LsuEnvelope } | { ok: false; issues: LsuIssue[] };

const fail = (reason: string, line?: number): EnvelopeResult => ({
  ok: false,
  issues: [{ element: 'fichier', reason, ...(line ? { line } : {}) }],
});

/**
 * Reads an LSU file. `degre` tells which schema the caller expects (an école imports 1D files, a collège 2D).
 * @example const read = readEnvelope(bytes, { degre: '2D' }); if (!read.ok) report(read.issues);
 */
export function readEnvelope(
  input: Uint8Array | string,
  options: { degre: '1D' | '2D'; maxBytes?: number },
): EnvelopeResult {
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
      lineOf(text, doctype.index),
    );
  }
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: false });
  if (valid !== true) {
    const { line, msg } = valid.err;
    return fail(`XML mal formé (fichier tronqué ou abîmé) : ${msg}`, line);
  }
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: true,
    isArray: (name) => REPEATED.has(name),
  }).parse(text) as Record<string, unknown>;
  const rootName = Object.keys(parsed).find((k) => !k.startsWith('?'));
  if (rootName !== 'lsun-bilans') {
    return fail(`L’élément racine doit être « lsun-bilans » (trouvé : « ${rootName ?? 'aucun'} »).`);
  }
  const root = parsed[rootName] as Record<string, unknown>;
  if (root.xmlns !== LSU_NAMESPACE) {
    return fail(
      `Espace de noms inattendu « ${String(root.xmlns ?? 'aucun')} » (attendu : ${LSU_NAMESPACE}).`,
    );
  }
  const schemaVersion = String(root.schemaVersion ?? '');
  const versions: readonly string[] = options.degre === '2D' ? COLLEGE_VERSIONS : ECOLE_VERSIONS;
  if (!versions.includes(schemaVersion)) {
    return fail(
      `Version de schéma « ${schemaVersion || 'absente'} » non prise en charge pour un ${options.degre === '2D' ? 'collège' : 'école'} (versions acceptées : ${versions.join(', ')}).`,
    );
  }
  return { ok: true, envelope: { degre: options.degre, schemaVersion, root } };
}

function lineOf(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
