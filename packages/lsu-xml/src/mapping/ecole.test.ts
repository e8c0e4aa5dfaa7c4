import { freeze } from '@livret/domain';
import { buildClassDoc, ids, sampleFreezeContext1D } from '@livret/domain/testing';
import { describe, expect, it } from 'vitest';
import { readLsuFile, writeLsuFile } from '../index.js';
import { xmllint } from '../testing/xmllint.js';
import { bilansOfEcoleFile, ecoleFileFromFrozen } from './ecole.js';

function bilan1D() {
  const context = sampleFreezeContext1D({
    dateConseil: '2026-11-27',
    dateScolarite: '2026-09-01',
    parcours: [{ code: 'PAR_ART', projet: 'Chorale de l’école.', commentaire: 'Soliste.' }],
    modalites: [{ code: 'RASED' }, { code: 'PPRE', complement: 'Lecture.' }],
  });
  const doc = buildClassDoc({
    studentIds: [ids.student],
    disciplineIds: context.disciplines.map((d) => d.id),
    kind: '1D',
    vieScolaire: false,
    positionnement: (_i, j) => (j === 2 ? 'NE' : 1 + (j % 4)),
  });
  return freeze(doc, context);
}

describe('école export and import', () => {
  it('writes files that xmllint accepts against the official 1D XSD', () => {
    const { file, warnings } = ecoleFileFromFrozen({ uai: '0381234A', bilans: [bilan1D()], cycles: [] });
    const lint = xmllint(writeLsuFile(file), '1D');
    expect(lint.output).toMatch(/validates/);
    expect(warnings).toEqual([]);
  });

  it('round-trips a bilan through the XML', () => {
    const bilan = bilan1D();
    const xml = writeLsuFile(ecoleFileFromFrozen({ uai: '0381234A', bilans: [bilan], cycles: [] }).file);
    const read = readLsuFile(xml, { degre: '1D' });
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const [imported] = bilansOfEcoleFile(read.file);
    if (imported?.kind !== 'periodique') throw new Error('expected a bilan périodique');
    expect(imported.student).toMatchObject({ ine: bilan.student.ine, lastName: 'MARTIN', firstName: 'Emma' });
    expect(imported.rows.map((r) => [r.code, r.elements, r.appreciation, r.positionnement])).toEqual(
      bilan.disciplines.map((r) => [r.code, r.elements, r.appreciation, r.positionnement]),
    );
    for (const key of [
      'parcours',
      'modalites',
      'synthese',
      'socle',
      'dateConseil',
      'dateScolarite',
    ] as const) {
      expect(imported[key], key).toEqual(bilan[key]);
    }
    expect(imported.enseignants).toEqual(bilan.communication.enseignants);
  });
});
