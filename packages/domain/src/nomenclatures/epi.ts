/**
 * Thématiques of the enseignements pratiques interdisciplinaires (EPI, cycle 4; codes and labels of
 * LSUN_nomenclatures_v2.10.xml — the XSD `CodeThematiqueEpi` is free text ≤50, these are the national ones).
 */

/** EPI thématiques, code → official label. */
export const thematiquesEpi = {
  EPI_SAN: 'Corps, santé, bien-être et sécurité',
  EPI_ART: 'Culture et création artistiques',
  EPI_EDD: 'Transition écologique et développement durable',
  EPI_ICC: 'Information, communication, citoyenneté',
  EPI_LGA: "Langues et cultures de l'Antiquité",
  EPI_LGE: 'Langues et cultures étrangères ou, le cas échéant, régionales',
  EPI_PRO: 'Monde économique et professionnel',
  EPI_STS: 'Sciences, technologie et société',
} as const;
/** Code of an EPI thématique. */
export type ThematiqueEpi = keyof typeof thematiquesEpi;

/** An EPI associates at least two disciplines (XSD `AtLeast2IDREFS`). */
export const EPI_MIN_DISCIPLINES = 2;
