/**
 * Reading an LSU file, start to finish: decode safely, validate against the official XSD (libxml2), parse the
 * elements (fast-xml-parser), read them into typed records, then check what the XSD cannot (that every
 * reference points to an element of the right kind, that periods fit in their year). All or nothing: a file
 * with any problem gives the list of problems and no records.
 */
import { XMLParser } from 'fast-xml-parser';
import { pathOf, type ReadContext, type Where, type XmlNode } from './codec/codec.js';
import type { CollegeFile } from './college/records.js';
import * as college from './college/records.js';
import type { EcoleFile } from './ecole/records.js';
import * as ecole from './ecole/records.js';
import { decodeLsuText, lineIndex } from './envelope.js';
import type { LsuIssue } from './errors.js';
import { type Degre, validateAgainstSchema } from './validation/schema-validation.js';

export type LsuFile = CollegeFile | EcoleFile;
export type ReadResult<F> = { ok: true; file: F } | { ok: false; issues: LsuIssue[] };

/** The French name of each kind of element a reference may point to. */
const KINDS: Record<string, string> = {
  eleve: 'élève',
  periode: 'période',
  discipline: 'discipline',
  enseignant: 'enseignant',
  'element-programme': 'élément du programme',
  'responsable-etab': 'responsable de l’établissement',
  'competences-numeriques-commun': 'appréciation commune de compétences numériques',
  epi: 'EPI',
  'epi-groupe': 'groupe d’EPI',
  'acc-perso': 'accompagnement personnalisé',
  'acc-perso-groupe': 'groupe d’accompagnement personnalisé',
  classe: 'classe',
  directeur: 'directeur',
};

const ROOT: Where = { name: 'lsun-bilans' };
const META: symbol = XMLParser.getMetaDataSymbol() as unknown as symbol;

/**
 * Reads an LSU file of the expected degree: a collège reads 2D files, an école 1D files.
 * @example const read = readLsuFile(bytes, { degre: '2D' }); if (read.ok) use(read.file.donnees.eleves);
 */
export function readLsuFile(
  input: Uint8Array | string,
  options: { degre: '2D'; maxBytes?: number },
): ReadResult<CollegeFile>;
export function readLsuFile(
  input: Uint8Array | string,
  options: { degre: '1D'; maxBytes?: number },
): ReadResult<EcoleFile>;
export function readLsuFile(
  input: Uint8Array | string,
  options: { degre: Degre; maxBytes?: number },
): ReadResult<LsuFile>;
export function readLsuFile(
  input: Uint8Array | string,
  options: { degre: Degre; maxBytes?: number },
): ReadResult<LsuFile> {
  const decoded = decodeLsuText(input, options);
  if (!decoded.ok) return decoded;
  const { text } = decoded;
  const checked = validateAgainstSchema(decoded.utf8, options.degre);
  if (!checked.ok) return checked;

  return recordsOf(text, options.degre, checked.schemaVersion);
}

/**
 * The second half of `readLsuFile`, for a caller that runs `validateAgainstSchema` on the same bytes at the
 * same time (in another thread: the two take about as long) and only uses these records once the schema said
 * yes. Alone, it would accept a file the XSD refuses; it still refuses what `decodeLsuText` refuses.
 * @example const [schema, records] = await Promise.all([validateIn(workerA), readRecordsIn(workerB)]);
 */
export function readLsuRecords(
  input: Uint8Array | string,
  options: { degre: Degre; maxBytes?: number },
): ReadResult<LsuFile> {
  const decoded = decodeLsuText(input, options);
  if (!decoded.ok) return decoded;
  const version =
    /<(?:[\w-]+:)?lsun-bilans\b[^>]*?\sschemaVersion\s*=\s*["']([^"']*)["']/.exec(decoded.text)?.[1] ?? '';
  try {
    return recordsOf(decoded.text, options.degre, version);
  } catch (error) {
    // Only a file the schema refuses can get here; its validation gives the user the real reasons.
    return { ok: false, issues: [{ element: 'fichier', reason: `Lecture impossible : ${String(error)}` }] };
  }
}

function recordsOf(text: string, degre: Degre, schemaVersion: string): ReadResult<LsuFile> {
  // Element positions cost as much as the parse itself: they are only captured to place a problem, on a
  // second reading of a file that has one.
  const first = readRecords(text, degre, schemaVersion, false);
  return first.ok ? first : readRecords(text, degre, schemaVersion, true);
}

function readRecords(
  text: string,
  degre: Degre,
  schemaVersion: string,
  withLines: boolean,
): ReadResult<LsuFile> {
  const tree = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    alwaysCreateTextNode: true,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: true,
    // Numeric character references (&#233;) are decoded by this option; named HTML entities cannot occur,
    // since libxml2 has already refused any undeclared entity.
    htmlEntities: true,
    ignoreDeclaration: true,
    ignorePiTags: true,
    removeNSPrefix: true,
    captureMetaData: withLines,
  }).parse(text) as XmlNode;
  const root = tree['lsun-bilans'] as XmlNode;

  const lineOf = lineIndex(text);
  const ctx: ReadContext = {
    issues: [],
    ids: new Map(),
    references: [],
    lineOf: (node) => {
      const start = (node as Record<symbol, { startIndex?: number } | undefined>)[META]?.startIndex;
      return start === undefined ? undefined : lineOf(start);
    },
  };
  const records = degre === '2D' ? college : ecole;
  const file = {
    degre,
    schemaVersion,
    entete: records.Entete.read(root.entete as XmlNode, ctx, { up: ROOT, name: 'entete' }),
    donnees: records.Donnees.read(root.donnees as XmlNode, ctx, { up: ROOT, name: 'donnees' }),
  } as LsuFile;

  checkReferences(ctx);
  checkPeriods(file, ctx);
  return ctx.issues.length > 0 ? { ok: false, issues: ctx.issues } : { ok: true, file };
}

/** Every IDREF must point to an element of the kind the format means (the XSD only knows "some ID"). */
function checkReferences(ctx: ReadContext): void {
  for (const reference of ctx.references) {
    const found = ctx.ids.get(reference.target);
    if (found === reference.kind) continue;
    const expected = KINDS[reference.kind] ?? reference.kind;
    const line = ctx.lineOf(reference.node);
    ctx.issues.push({
      element: pathOf(reference.where),
      ...(line ? { line } : {}),
      reason: found
        ? `attribut « ${reference.attribute} » : « ${reference.target} » désigne un élément ${KINDS[found] ?? found}, pas un élément ${expected}.`
        : `attribut « ${reference.attribute} » : « ${reference.target} » ne désigne aucun élément ${expected} du fichier.`,
    });
  }
}

/** A period's index must lie within its year's number of periods. */
function checkPeriods(file: LsuFile, ctx: ReadContext): void {
  file.donnees.periodes.forEach((periode, index) => {
    if (periode.indice < 1 || periode.indice > periode.nbPeriodes) {
      ctx.issues.push({
        element: `lsun-bilans/donnees/periodes/periode[${index + 1}]`,
        reason: `période ${periode.indice} sur ${periode.nbPeriodes} : l’indice doit aller de 1 au nombre de périodes.`,
      });
    }
  });
}
