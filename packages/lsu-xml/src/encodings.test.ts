/**
 * Encodings as XML defines them: the official sample, converted by iconv into each encoding a school's software
 * may write (with the declaration saying so, a BOM, CRLF line ends), reads into the same records as in UTF-8.
 * A DOCTYPE is refused where it is markup, never where it is text.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLsuFile } from './index.js';

const sample = readFileSync(new URL('./fixtures/sample-bilan-complet.xml', import.meta.url), 'utf8')
  // ’ exists in neither ISO-8859-1 nor ISO-8859-15; every other character of the sample does.
  .replaceAll('’', "'");

const iconv = (text: string, to: string): Uint8Array =>
  new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text }));
const declaring = (text: string, encoding: string) =>
  text.replace('encoding="UTF-8"', `encoding="${encoding}"`);
const recordsOf = (input: Uint8Array | string) => {
  const read = readLsuFile(input, { degre: '2D' });
  if (!read.ok) throw new Error(read.issues.map((i) => i.reason).join('\n'));
  return read.file;
};

describe('LSU files in every encoding XML allows', () => {
  const reference = recordsOf(sample);

  it.each([
    ['ISO-8859-1', 'ISO-8859-1'],
    ['iso8859-1', 'ISO-8859-1'],
    ['ISO-8859-15', 'ISO-8859-15'],
    ['windows-1252', 'WINDOWS-1252'],
  ])('a file declared %s reads like its UTF-8 original', (declared, iconvName) => {
    const bytes = iconv(declaring(sample, declared), iconvName);
    expect(bytes.includes(0xe9)).toBe(true); // «é» is one byte: really not UTF-8
    expect(recordsOf(bytes)).toEqual(reference);
  });

  it('reads characters that only windows-1252 and ISO-8859-15 have (œ, €)', () => {
    const withSigns = sample.replace(
      'pour période 1</acquis',
      "pour période 1. Cœur à l'ouvrage : 5 € de fournitures</acquis",
    );
    expect(withSigns).not.toBe(sample);
    for (const [declared, name] of [
      ['windows-1252', 'WINDOWS-1252'],
      ['ISO-8859-15', 'ISO-8859-15'],
    ] as const) {
      const file = recordsOf(iconv(declaring(withSigns, declared), name));
      expect(file.donnees.bilansPeriodiques[0]?.acquisConseils).toBe(
        "Acquis et conseils pour progresser pour l'élève 1 pour période 1. Cœur à l'ouvrage : 5 € de fournitures",
      );
    }
  });

  it.each([
    ['UTF-16 little-endian with BOM', 'UTF-16LE', true],
    ['UTF-16 big-endian with BOM', 'UTF-16BE', true],
    ['UTF-16 little-endian without BOM', 'UTF-16LE', false],
  ])('%s reads like its UTF-8 original', (_name, iconvName, bom) => {
    const text = declaring(`${bom ? '\uFEFF' : ''}${sample}`, 'UTF-16');
    expect(recordsOf(iconv(text, iconvName))).toEqual(reference);
  });

  it('UTF-8 with a BOM and CRLF line ends reads the same', () => {
    const crlf = `\uFEFF${sample.replace(/\r?\n/g, '\r\n')}`;
    expect(recordsOf(new TextEncoder().encode(crlf))).toEqual(reference);
  });

  it('an unknown or lying encoding gets a French reason, not a crash', () => {
    const ebcdic = new TextEncoder().encode(declaring(sample, 'EBCDIC-FR'));
    const read = readLsuFile(ebcdic, { degre: '2D' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]?.reason).toMatch(/Encodage « EBCDIC-FR » non pris en charge/);
    const notUtf16 = readLsuFile(new TextEncoder().encode(declaring(sample, 'UTF-16')), { degre: '2D' });
    expect(notUtf16.ok).toBe(false);
    if (!notUtf16.ok) expect(notUtf16.issues[0]?.reason).toMatch(/déclare l’encodage UTF-16 mais/);
    const latin1Undeclared = new Uint8Array(Buffer.from(sample, 'latin1'));
    const undeclared = readLsuFile(latin1Undeclared, { degre: '2D' });
    expect(undeclared.ok).toBe(false);
    if (!undeclared.ok) expect(undeclared.issues[0]?.reason).toMatch(/pas un texte UTF-8 valide/);
  });
});

describe('a DOCTYPE is refused only where it is markup', () => {
  const quoting = sample.replace(
    /<acquis-conseils>[^<]*<\/acquis-conseils>/,
    '<acquis-conseils><![CDATA[Il a écrit <!DOCTYPE html> & <b>gras</b> en cours de NSI.]]></acquis-conseils>',
  );

  it('a CDATA or an escaped text that quotes <!DOCTYPE html> is read, verbatim', () => {
    expect(quoting).not.toBe(sample);
    const file = recordsOf(new TextEncoder().encode(quoting));
    expect(file.donnees.bilansPeriodiques.map((b) => b.acquisConseils)).toContain(
      'Il a écrit <!DOCTYPE html> & <b>gras</b> en cours de NSI.',
    );
    const escaped = sample.replace(
      /<acquis-conseils>[^<]*<\/acquis-conseils>/,
      '<acquis-conseils>&lt;!DOCTYPE html&gt; cité</acquis-conseils>',
    );
    expect(recordsOf(escaped).donnees.bilansPeriodiques[0]?.acquisConseils).toBe('<!DOCTYPE html> cité');
  });

  it('a DOCTYPE in the prolog, even after a comment, is refused with its line', () => {
    const hostile = sample.replace(
      '<lsun-bilans',
      '<!-- généré -->\n<!DOCTYPE lsun-bilans [<!ENTITY x "y">]>\n<lsun-bilans',
    );
    const read = readLsuFile(hostile, { degre: '2D' });
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.issues[0]).toMatchObject({ line: 3, reason: expect.stringMatching(/DOCTYPE/) });
  });
});
