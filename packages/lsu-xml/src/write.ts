/**
 * Writing an LSU file from typed records: the same element declarations that read a file write it back, in the
 * XSD's order, and fast-xml-parser's builder escapes the text. The result is UTF-8 XML in the official namespace.
 */
import { XMLBuilder } from 'fast-xml-parser';
import * as college from './college/records.js';
import * as ecole from './ecole/records.js';
import type { LsuFile } from './read.js';
import { LSU_NAMESPACE } from './validation/schema-validation.js';

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  format: true,
  indentBy: '  ',
  suppressEmptyNode: true,
  suppressBooleanAttributes: false,
  processEntities: true,
});

/**
 * Writes an LSU file (collège or école) as XML text.
 * @example const xml = writeLsuFile({ degre: '2D', schemaVersion: '7.0', entete, donnees });
 */
export function writeLsuFile(file: LsuFile): string {
  const body =
    file.degre === '2D'
      ? { entete: college.Entete.write(file.entete), donnees: college.Donnees.write(file.donnees) }
      : { entete: ecole.Entete.write(file.entete), donnees: ecole.Donnees.write(file.donnees) };
  const xml = builder.build({
    'lsun-bilans': { '@_xmlns': LSU_NAMESPACE, '@_schemaVersion': file.schemaVersion, ...body },
  }) as string;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
}
