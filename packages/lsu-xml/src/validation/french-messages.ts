/**
 * libxml2 speaks English; school staff read French. Each message of libxml2's schema validator (one shape per
 * XSD constraint: unexpected or missing element, missing or forbidden attribute, length, enumeration, pattern,
 * bounds, type, duplicates) is rewritten as a French reason naming the element and the attribute. A message of
 * an unknown shape is kept, prefixed, rather than hidden.
 */

const NAMESPACE = /\{urn:fr:edu:scolarite:lsun:bilans:import\}/g;

/** The XSD's simple types, as a French reader knows them. */
const TYPES: Record<string, string> = {
  'xs:date': 'une date AAAA-MM-JJ',
  'xs:dateTime': 'une date et heure AAAA-MM-JJThh:mm:ss',
  'xs:int': 'un nombre entier',
  'xs:positiveInteger': 'un nombre entier positif',
  'xs:nonNegativeInteger': 'un nombre entier positif ou nul',
  'xs:boolean': 'true ou false',
  'xs:ID': 'un identifiant unique dans le fichier (lettre ou _ en tête, sans espace)',
  'xs:IDREF': 'la référence à un identifiant du fichier',
  'xs:IDREFS': 'une liste de références à des identifiants du fichier',
  ValeurVieScolaire: 'un nombre entier de 0 à 999',
  PositionnementAcquis: 'un positionnement de 1 à 4',
  PositionnementSocle: 'un niveau de maîtrise de 0 à 4',
  NiveauCompetenceNumerique: 'un niveau de 1 à 3',
  Cycle: 'un numéro de cycle autorisé',
  AtLeast2IDREFS: 'au moins deux références de disciplines',
  StringDateTime: 'une date AAAA-MM-JJ, éventuellement suivie de Thh:mm:ss',
};

const typeLabel = (type: string) =>
  TYPES[type.replace(NAMESPACE, '')] ?? `du type ${type.replace(NAMESPACE, '')}`;
/** A value as quoted in a reason, cut at 60 characters (code points: an emoji is never split in half). */
const quote = (value: string) => {
  const chars = Array.from(value);
  return `« ${chars.length > 60 ? `${chars.slice(0, 57).join('')}…` : value} »`;
};

type Rule = [RegExp, (...groups: string[]) => string];

/** Rules on the part of the message after `Element 'x'[, attribute 'y']: `. */
const RULES: Rule[] = [
  [
    /^This element is not expected\. Expected is one of \( (.+) \)\.$/,
    (e) => `élément inattendu à cet endroit (attendu : l’un de ${e}).`,
  ],
  [
    /^This element is not expected\. Expected is \( (.+) \)\.$/,
    (e) => `élément inattendu à cet endroit (attendu : ${e}).`,
  ],
  [/^This element is not expected\.$/, () => 'élément inattendu à cet endroit.'],
  [
    /^Missing child element\(s\)\. Expected is one of \( (.+) \)\.$/,
    (e) => `élément manquant (attendu : l’un de ${e}).`,
  ],
  [/^Missing child element\(s\)\. Expected is \( (.+) \)\.$/, (e) => `élément manquant (attendu : ${e}).`],
  [/^The attribute '(.+)' is required but missing\.$/, (a) => `l’attribut obligatoire « ${a} » est absent.`],
  [/^The attribute '(.+)' is not allowed\.$/, (a) => `l’attribut « ${a} » n’est pas autorisé ici.`],
  [
    /^\[facet 'maxLength'\] The value (?:'(.*)' )?has a length of '(\d+)'; this exceeds the allowed maximum length of '(\d+)'\.$/s,
    (_v, n, max) => `texte trop long (${n} caractères ; ${max} au plus).`,
  ],
  [
    /^\[facet 'minLength'\] The value (?:'(.*)' )?has a length of '(\d+)'; this underruns the allowed minimum length of '(\d+)'\.$/s,
    (_v, n, min) =>
      n === '0' ? 'valeur vide (obligatoire).' : `valeur trop courte (${n} ; ${min} au moins).`,
  ],
  [
    /^\[facet 'length'\] The value '(.*)' has a length of '(\d+)'; this differs from the allowed length of '(\d+)'\.$/s,
    (v, n, len) => `la valeur ${quote(v)} fait ${n} caractères (${len} attendus).`,
  ],
  [
    /^\[facet 'enumeration'\] The value '(.*)' is not an element of the set \{(.*)\}\.$/s,
    (v, set) => `valeur ${quote(v)} non autorisée (valeurs permises : ${set.replace(/'/g, '')}).`,
  ],
  [
    /^\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '\(\.\|\\n\)\*\[\^\\s\]\(\.\|\\n\)\*'\.$/s,
    () => 'texte vide ou fait seulement d’espaces (obligatoire).',
  ],
  [
    /^\[facet 'pattern'\] The value '(.*)' is not accepted by the pattern '(.*)'\.$/s,
    (v) => `valeur ${quote(v)} de forme non valide.`,
  ],
  [
    /^\[facet 'maxInclusive'\] The value '(.*)' is greater than the maximum value allowed \('(.*)'\)\.$/,
    (v, max) => `valeur ${quote(v)} trop grande (${max} au plus).`,
  ],
  [
    /^\[facet 'minInclusive'\] The value '(.*)' is less than the minimum value allowed \('(.*)'\)\.$/,
    (v, min) => `valeur ${quote(v)} trop petite (${min} au moins).`,
  ],
  [
    /^'(.*)' is not a valid value of the (?:local )?(?:atomic|list|union) type '(.+)'\.$/s,
    (v, type) =>
      type === 'xs:ID'
        ? `identifiant ${quote(v)} en double ou mal formé.`
        : `${quote(v)} n’est pas ${typeLabel(type)}.`,
  ],
  [
    /^'(.*)' is not a valid value of the local (?:atomic|list|union) type\.$/s,
    (v) => `valeur ${quote(v)} non valide.`,
  ],
  [
    /^Duplicate key-sequence \[(.*)\] in unique identity-constraint '(.+)'\.$/,
    (key) => `valeur en double (${key.replace(/'/g, '')}) : elle doit être unique dans sa liste.`,
  ],
  [
    /^Character content other than whitespace is not allowed because the content type is 'element-only'\.$/,
    () => 'du texte se trouve là où seuls des éléments sont permis.',
  ],
  [
    /^Element content is not allowed, because the content type is a simple type definition\.$/,
    () => 'cet élément ne doit contenir que du texte.',
  ],
];

/** A libxml2 validation message, split into the element, the attribute and a French reason. */
export interface FrenchMessage {
  element: string;
  attribute?: string;
  reason: string;
}

/**
 * Translates one libxml2 schema-validation message.
 * @example frenchMessage("Element '{urn:…}eleve': The attribute 'id-be' is required but missing.")
 * // { element: 'eleve', reason: 'l’attribut obligatoire « id-be » est absent.' }
 */
export function frenchMessage(message: string): FrenchMessage {
  const text = message.trim().replace(NAMESPACE, '');
  const head = /^Element '([^']+)'(?:, attribute '([^']+)')?: (.*)$/s.exec(text);
  if (!head) return { element: 'fichier', reason: `message du validateur : ${text}` };
  const [, element = '', attribute, rest = ''] = head;
  for (const [pattern, write] of RULES) {
    const match = pattern.exec(rest);
    if (match) {
      const reason = write(...match.slice(1).map((g) => g ?? ''));
      return {
        element,
        ...(attribute ? { attribute } : {}),
        reason: attribute ? `attribut « ${attribute} » : ${reason}` : reason,
      };
    }
  }
  return {
    element,
    ...(attribute ? { attribute } : {}),
    reason: `${attribute ? `attribut « ${attribute} » : ` : ''}message du validateur : ${rest}`,
  };
}

/** libxml2's well-formedness messages (the parser's, before any schema), one rule per common shape. */
const PARSE_RULES: Rule[] = [
  [
    /^Opening and ending tag mismatch: (\S+) line (\d+) and (\S+)$/,
    (open, line, close) => `la balise « ${open} » ouverte ligne ${line} est fermée par « ${close} ».`,
  ],
  [
    /^Premature end of data in tag (\S+) line (\d+)$/,
    (tag, line) => `la balise « ${tag} » ouverte ligne ${line} n’est jamais fermée (fichier tronqué ?).`,
  ],
  [
    /^(?:EntityRef: expecting ';'|xmlParseEntityRef: no name)$/,
    () => '« & » doit être écrit « &amp; » dans un texte.',
  ],
  [
    /^attributes construct error$/,
    () => 'un attribut est mal écrit (nom="valeur" attendu ; fichier tronqué ?).',
  ],
  [/^AttValue: " or ' expected$/, () => 'la valeur d’un attribut doit être entre guillemets.'],
  [
    /^Specification mandates value for attribute (\S+)$/,
    (name) => `l’attribut « ${name} » n’a pas de valeur.`,
  ],
  [
    /^Entity '(.+)' not defined$/,
    (name) => `l’entité « &${name}; » n’existe pas en XML (écrivez le caractère lui-même).`,
  ],
  [/^Extra content at the end of the document$/, () => 'du contenu suit la fin de l’élément racine.'],
  [
    /^(?:PCDATA|CData section|AttValue:?) ?invalid Char value (\d+)$/,
    (code) => `caractère de contrôle interdit en XML (code ${code}).`,
  ],
  [/^Attribute (\S+) redefined$/, (name) => `l’attribut « ${name} » est écrit deux fois.`],
  [/^StartTag: invalid element name$/, () => 'nom d’élément non valide après « < ».'],
  [/^Couldn't find end of Start Tag (\S+)/, (tag) => `la balise « ${tag} » n’est pas refermée par « > ».`],
  [/^Input is not proper UTF-8/, () => 'octets qui ne sont pas de l’UTF-8 alors que le fichier le déclare.'],
  [/^Document is empty$/, () => 'le document est vide.'],
];

/**
 * Translates one libxml2 well-formedness message; an unknown shape is kept as libxml2 wrote it.
 * @example frenchParseMessage('Extra content at the end of the document') // 'du contenu suit la fin de l’élément racine.'
 */
export function frenchParseMessage(message: string): string {
  const text = message.trim();
  for (const [pattern, write] of PARSE_RULES) {
    const match = pattern.exec(text);
    if (match) return write(...match.slice(1).map((g) => g ?? ''));
  }
  return text;
}
