import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLsuFile, writeLsuFile } from './index.js';

// The official sample file (fictitious data), copied from the team's reference set (see fixtures/README.md).
const sample = readFileSync(new URL('./fixtures/sample-bilan-complet.xml', import.meta.url));

describe('readLsuFile (collège)', () => {
  it('reads the official sample into typed records', () => {
    const result = readLsuFile(sample, { degre: '2D' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
    const { donnees, entete, schemaVersion } = result.file;
    expect(schemaVersion).toBe('2.0');
    expect(entete.etablissement).toBe('0382032C');
    expect(donnees.eleves.map((e) => e.nom)).toEqual(['Grenelle', 'Clerc', 'Babeldop']);
    expect(donnees.periodes).toHaveLength(3);
    expect(donnees.disciplines.find((d) => d.id === 'DI_020700')?.libelle).toBe('Français');
    const first = donnees.bilansPeriodiques[0]!;
    expect(first.eleveRef).toBe('EL_01');
    expect(first.acquis[0]?.appreciation).toBe('Appréciation pour la matière français');
  });

  it('reads a file that writes the namespace with a prefix (<l:lsun-bilans xmlns:l=…>)', () => {
    const prefixed = sample
      .toString('utf8')
      .replace(/<(\/?)([a-zA-Z][\w-]*)/g, '<$1l:$2')
      .replace('xmlns="urn', 'xmlns:l="urn');
    const result = readLsuFile(prefixed, { degre: '2D' });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    expect(result.file).toEqual((readLsuFile(sample, { degre: '2D' }) as { file: unknown }).file);
  });

  it('writes back what it read', () => {
    const result = readLsuFile(sample, { degre: '2D' });
    if (!result.ok) throw new Error('unreadable');
    const xml = writeLsuFile(result.file);
    const again = readLsuFile(xml, { degre: '2D' });
    if (!again.ok) throw new Error(JSON.stringify(again.issues, null, 1));
    expect(again.file).toEqual(result.file);
  });
});

describe('every constraint of the schema is reported with its element, line and a French reason', () => {
  const base = sample.toString('utf8');
  const problemsOf = (xml: string) => {
    const result = readLsuFile(xml, { degre: '2D' });
    if (result.ok) return [];
    return result.issues.map((i) => `${i.element}:${i.line ?? '?'} ${i.reason}`);
  };

  it.each([
    [
      'a value outside its list',
      base.replace('civilite="MME"', 'civilite="MLLE"'),
      /^enseignant:41 attribut « civilite » : valeur « MLLE » non autorisée \(valeurs permises : M, MME\)/,
    ],
    [
      'an impossible date',
      base.replace(/date-conseil-classe="[^"]*"/, 'date-conseil-classe="2017-13-45"'),
      /^bilan-periodique:\d+ attribut « date-conseil-classe » : « 2017-13-45 » n’est pas une date AAAA-MM-JJ/,
    ],
    [
      'a missing attribute',
      base.replace(/ id-be="[^"]*"/, ''),
      /^eleve:17 l’attribut obligatoire « id-be » est absent/,
    ],
    [
      'an unexpected element',
      base.replace('<donnees>', '<donnees><foo/>'),
      /^foo:\d+ élément inattendu à cet endroit \(attendu : responsables-etab\)/,
    ],
    [
      'a missing synthèse',
      base.replace(/<acquis-conseils>[\s\S]*?<\/acquis-conseils>/, ''),
      /^devoirs-faits:\d+ élément inattendu à cet endroit \(attendu : acquis-conseils\)/,
    ],
    [
      'a text too long',
      base.replace(
        /<acquis-conseils>[\s\S]*?<\/acquis-conseils>/,
        `<acquis-conseils>${'x'.repeat(1200)}</acquis-conseils>`,
      ),
      /^acquis-conseils:\d+ texte trop long \(1200 caractères ; 1000 au plus\)/,
    ],
    [
      'a blank synthèse',
      base.replace(/<acquis-conseils>[\s\S]*?<\/acquis-conseils>/, '<acquis-conseils>   </acquis-conseils>'),
      /^acquis-conseils:\d+ texte vide ou fait seulement d’espaces/,
    ],
    [
      'a count over 999',
      base.replace(/nb-retards="[^"]*"/, 'nb-retards="1000"'),
      /^vie-scolaire:\d+ attribut « nb-retards » : valeur « 1000 » trop grande \(999 au plus\)/,
    ],
    [
      'a count that is not a number',
      base.replace(/nb-retards="[^"]*"/, 'nb-retards="abc"'),
      /^vie-scolaire:\d+ attribut « nb-retards » : « abc » n’est pas un nombre entier de 0 à 999/,
    ],
    [
      'a duplicate ID',
      base.replace('id="EL_02"', 'id="EL_01"'),
      /^eleve:18 attribut « id » : identifiant « EL_01 » en double/,
    ],
    [
      'a duplicate unique key',
      base.replace(/id-be="[0-9]+"/g, 'id-be="1"'),
      /^eleve:18 valeur en double \(1\)/,
    ],
    [
      'a reference to nothing',
      base.replace('eleve-ref="EL_01"', 'eleve-ref="EL_99"'),
      /bilan-periodique\[1\]:\d+ attribut « eleve-ref » : « EL_99 » ne désigne aucun élément élève du fichier/,
    ],
    [
      'a reference to the wrong kind',
      base.replace('eleve-ref="EL_01"', 'eleve-ref="DI_020700"'),
      /attribut « eleve-ref » : « DI_020700 » désigne un élément discipline, pas un élément élève/,
    ],
  ])('%s', (_name, xml, expected) => {
    expect(problemsOf(xml)).toContainEqual(expect.stringMatching(expected));
  });

  it('refuses an école file where a collège file is expected, and says so', () => {
    const ecole = '<lsun-bilans xmlns="urn:fr:edu:scolarite:lsun:bilans:import" schemaVersion="1.0"/>';
    expect(problemsOf(ecole)).toContainEqual(expect.stringMatching(/semble destiné à une école/));
  });
});
