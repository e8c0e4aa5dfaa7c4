/**
 * Validation against the official XSD, by libxml2 (compiled to WebAssembly): the same engine as the
 * `xmllint --schema` the national application's partners use, so "valid here" means valid there. It checks
 * well-formedness, the root element, the namespace, the schema version, then every constraint of the schema
 * (order and presence of elements, required attributes, lengths, enumerations, types, unique keys), each
 * reported with its line and a French reason.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { XmlDocument, XmlParseError, XmlValidateError, XsdValidator } from 'libxml2-wasm';
import type { LsuIssue } from '../errors.js';
import { frenchMessage, frenchParseMessage } from './french-messages.js';

export const LSU_NAMESPACE = 'urn:fr:edu:scolarite:lsun:bilans:import';
/** `schemaVersion` values of the collège schema (import-complet-strict v7.0) and of the école schema (1.0). */
export const COLLEGE_VERSIONS = ['2.0', '3.0', '4.0', '5.0', '6.0', '7.0'] as const;
export const ECOLE_VERSIONS = ['1.0'] as const;
/** Past this many problems, a report adds one line saying how many more there are. */
const MAX_ISSUES = 200;

export type Degre = '1D' | '2D';

/** The official schema file of each degree (see xsd/README.md). */
export const XSD_FILES: Record<Degre, string> = {
  '2D': 'import-complet-strict_v7.0.xsd',
  '1D': 'livret-scolaire_1d_schema_1.0b.xsd',
};

/** The absolute path of an official schema, resolved through the package (works from a bundle too). */
export function xsdPath(degre: Degre): string {
  return createRequire(import.meta.url).resolve(`@livret/lsu-xml/xsd/${XSD_FILES[degre]}`);
}

const validators = new Map<Degre, XsdValidator>();
/** The compiled schema of a degree, built once (it never changes while the process runs). */
function validatorOf(degre: Degre): XsdValidator {
  let validator = validators.get(degre);
  if (!validator) {
    const schema = XmlDocument.fromBuffer(readFileSync(xsdPath(degre)));
    validator = XsdValidator.fromDoc(schema);
    validators.set(degre, validator);
  }
  return validator;
}

/**
 * Checks an LSU file (its UTF-8 bytes, or its text) against the official schema of its degree. Returns the schema version, or the issues.
 * @example const checked = validateAgainstSchema(text, '2D'); if (!checked.ok) report(checked.issues);
 */
export function validateAgainstSchema(
  input: string | Uint8Array,
  degre: Degre,
): { ok: true; schemaVersion: string } | { ok: false; issues: LsuIssue[] } {
  let doc: XmlDocument;
  try {
    // From bytes when we have them: libxml2 reads UTF-8, and a string would be copied into UTF-8 first.
    doc = typeof input === 'string' ? XmlDocument.fromString(input) : XmlDocument.fromBuffer(input);
  } catch (error) {
    if (!(error instanceof XmlParseError)) throw error;
    const first = error.details[0];
    return {
      ok: false,
      issues: [
        {
          element: 'fichier',
          ...(first?.line ? { line: first.line } : {}),
          reason: `XML mal formé (fichier tronqué ou abîmé) : ${frenchParseMessage(first?.message ?? error.message)}`,
        },
      ],
    };
  }
  try {
    const root = doc.root;
    const fail = (reason: string): { ok: false; issues: LsuIssue[] } => ({
      ok: false,
      issues: [{ element: 'fichier', line: root.line, reason }],
    });
    if (root.name !== 'lsun-bilans') {
      return fail(`L’élément racine doit être « lsun-bilans » (trouvé : « ${root.name} »).`);
    }
    if (root.namespaceUri !== LSU_NAMESPACE) {
      return fail(
        `Espace de noms inattendu « ${root.namespaceUri || 'aucun'} » (attendu : ${LSU_NAMESPACE}).`,
      );
    }
    const schemaVersion = root.attr('schemaVersion')?.value ?? '';
    const versions: readonly string[] = degre === '2D' ? COLLEGE_VERSIONS : ECOLE_VERSIONS;
    if (!versions.includes(schemaVersion)) {
      const other: readonly string[] = degre === '2D' ? ECOLE_VERSIONS : COLLEGE_VERSIONS;
      const hint = other.includes(schemaVersion)
        ? degre === '2D'
          ? ' Ce fichier semble destiné à une école.'
          : ' Ce fichier semble destiné à un collège.'
        : '';
      return fail(
        `Version de schéma « ${schemaVersion || 'absente'} » non prise en charge pour ${degre === '2D' ? 'un collège' : 'une école'} (versions acceptées : ${versions.join(', ')}).${hint}`,
      );
    }
    try {
      validatorOf(degre).validate(doc);
    } catch (error) {
      if (!(error instanceof XmlValidateError)) throw error;
      return { ok: false, issues: issuesOf(error.details) };
    }
    return { ok: true, schemaVersion };
  } finally {
    doc.dispose();
  }
}

function issuesOf(details: readonly { message: string; line?: number }[]): LsuIssue[] {
  const issues: LsuIssue[] = details.slice(0, MAX_ISSUES).map((detail) => {
    const { element, reason } = frenchMessage(detail.message);
    return { element, ...(detail.line ? { line: detail.line } : {}), reason };
  });
  if (details.length > MAX_ISSUES) {
    issues.push({ element: 'fichier', reason: `… et ${details.length - MAX_ISSUES} autres problèmes.` });
  }
  return issues;
}
