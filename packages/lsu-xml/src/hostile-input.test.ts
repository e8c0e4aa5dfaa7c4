import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readLsuFile } from './index.js';

// The official sample file (fictitious data), copied from the team's reference set (see fixtures/README.md).
const sample = readFileSync(new URL('./fixtures/sample-bilan-complet.xml', import.meta.url));

describe('hostile and broken input gets a clear error', () => {
  const reasonOf = (input: string | Uint8Array, maxBytes?: number) => {
    const result = readLsuFile(input, { degre: '2D', ...(maxBytes ? { maxBytes } : {}) });
    return result.ok ? 'ok' : result.issues[0]!.reason;
  };

  it.each([
    ['an empty file', '', /vide/],
    ['a file that is not XML', 'nom;prenom\nMartin;Lucas', /pas un fichier XML/],
    ['a truncated file', sample.toString('utf8').slice(0, 2000), /mal formé/],
    [
      'crossed tags',
      '<lsun-bilans><entete></lsun-bilans>',
      /« entete » ouverte ligne 1 est fermée par « lsun-bilans »/,
    ],
    ['a bare ampersand', '<lsun-bilans>Dupont & fils</lsun-bilans>', /« & » doit être écrit « &amp; »/],
    ['an HTML entity', '<lsun-bilans>&nbsp;</lsun-bilans>', /l’entité « &nbsp; » n’existe pas/],
    [
      'a wrong root',
      '<?xml version="1.0"?><bilans xmlns="urn:fr:edu:scolarite:lsun:bilans:import"/>',
      /racine/,
    ],
    ['a wrong namespace', '<lsun-bilans xmlns="urn:autre" schemaVersion="7.0"/>', /Espace de noms/],
    [
      'an unknown schema version',
      `<lsun-bilans xmlns="urn:fr:edu:scolarite:lsun:bilans:import" schemaVersion="9.0"/>`,
      /Version de schéma/,
    ],
    [
      'an external entity (XXE)',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><lsun-bilans>&xxe;</lsun-bilans>',
      /DOCTYPE et ENTITY sont interdites/,
    ],
    [
      'a billion laughs',
      '<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><lsun-bilans>&b;</lsun-bilans>',
      /DOCTYPE et ENTITY sont interdites/,
    ],
  ])('%s', (_name, input, expected) => {
    expect(reasonOf(input)).toMatch(expected);
  });

  it('an undeclared ISO-8859-1 file and a file over the size limit', () => {
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><lsun-bilans nom="Élodie"/>',
      'latin1',
    );
    // Declared, it is decoded (encodings.test.ts): this one stops at its missing namespace instead.
    expect(reasonOf(latin1)).toMatch(/Espace de noms/);
    const undeclared = Buffer.from('<lsun-bilans nom="\xc9lodie"/>', 'latin1');
    expect(reasonOf(undeclared)).toMatch(/UTF-8/);
    expect(reasonOf(sample, 1000)).toMatch(/trop volumineux/);
  });
});
