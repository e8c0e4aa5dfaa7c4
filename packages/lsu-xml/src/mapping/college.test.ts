import { type FrozenBilanPeriodique, freeze } from '@livret/domain';
import { filledClassDoc, ids, sampleFreezeContext, sampleFrozenBilanFinCycle } from '@livret/domain/testing';
import { describe, expect, it } from 'vitest';
import { readLsuFile, writeLsuFile } from '../index.js';
import { xmllint } from '../testing/xmllint.js';
import { collegeFileFromFrozen } from './college-export.js';
import { bilansOfCollegeFile } from './college-import.js';

/** A 3e bilan with every verso section filled. */
function fullBilan(): FrozenBilanPeriodique {
  return freeze(
    filledClassDoc(),
    sampleFreezeContext({
      disciplines: sampleFreezeContext().disciplines.slice(0, 2),
      epi: [
        {
          intitule: 'Le corps en mouvement',
          thematique: 'EPI_SAN',
          disciplines: ['Français', 'Mathématiques'],
          description: 'Projet mené avec la classe de 3e A.',
          commentaire: 'Très investi.',
        },
        {
          intitule: 'Radio du collège',
          thematique: 'EPI_RADIO',
          thematiqueLibelle: 'Médias et radio scolaire',
          disciplines: ['Mathématiques', 'Français'],
          description: 'Une émission par mois.',
        },
      ],
      ap: [
        {
          intitule: 'Méthodologie',
          disciplines: ['Français'],
          description: 'Prise de notes.',
          commentaire: 'Progrès.',
        },
      ],
      parcours: [
        { code: 'PAR_AVN', projet: 'Stage d’observation en entreprise.', commentaire: 'Stage à la mairie.' },
        { code: 'PAR_CIT', projet: 'Élection des délégués.' },
      ],
      modalites: [{ code: 'PPRE', complement: 'Lecture fluide.' }, { code: 'PAP' }],
      competencesNumeriques: {
        appreciationCollective: 'La classe a découvert le traitement de texte.',
        appreciation: 'Bonne autonomie.',
        niveaux: { CN_INF_MEN: 2, CN_COM_INT: 3 },
      },
      devoirsFaits: 'Présent chaque mardi.',
      socle: {
        CPD_FRA: 3,
        CPD_ETR: 2,
        CPD_SCI: 4,
        CPD_ART: 3,
        MET_APP: 2,
        FRM_CIT: 3,
        SYS_NAT: 1,
        REP_MND: 0,
      },
      vieScolaireCollectif: 'Classe calme et attentive.',
      dateScolarite: '2026-09-01',
    }),
  );
}

const idBe = (studentId: string) => (studentId === ids.student ? 4242 : undefined);
const idSts = (teacherId: string) => (teacherId === 't1' ? 101 : undefined);

describe('collège export', () => {
  it('writes files that xmllint accepts against the official XSD', () => {
    const cycle = sampleFrozenBilanFinCycle();
    const { file, warnings } = collegeFileFromFrozen({
      uai: '0382032C',
      idBe,
      idSts,
      bilans: [fullBilan()],
      cycles: [cycle],
    });
    const xml = writeLsuFile(file);
    const lint = xmllint(xml, '2D');
    expect(lint.output).toMatch(/validates/);
    expect(lint.ok).toBe(true);
    expect(warnings).toEqual([]);
    expect(file.donnees.bilansCycle).toHaveLength(1);
  });

  it('names each teacher once: the professeur principal who teaches a row keeps their STS id', () => {
    const bilan = fullBilan();
    expect(bilan.communication.professeursPrincipaux).toEqual([
      { civilite: 'Mme', lastName: 'Lemaître', firstName: 'Claire' },
    ]);
    const { file } = collegeFileFromFrozen({
      uai: '0382032C',
      idBe,
      idSts,
      bilans: [bilan],
      cycles: [
        { ...sampleFrozenBilanFinCycle(), professeursPrincipaux: bilan.communication.professeursPrincipaux },
      ],
    });
    const claire = file.donnees.enseignants.filter((e) => e.nom === 'Lemaître');
    expect(claire).toEqual([expect.objectContaining({ type: 'epp', idSts: 101 })]);
    expect(file.donnees.enseignants.filter((e) => e.type === 'local').map((e) => e.nom)).toEqual(['Perrot']);
    expect(file.donnees.bilansPeriodiques[0]?.profPrincRefs).toEqual([claire[0]?.id]);
    expect(file.donnees.bilansCycle[0]?.profPrincRefs).toEqual([claire[0]?.id]);
    expect(xmllint(writeLsuFile(file), '2D').ok).toBe(true);
  });

  it('round-trips every section of a bilan through the XML', () => {
    const bilan = fullBilan();
    const xml = writeLsuFile(
      collegeFileFromFrozen({ uai: '0382032C', idBe, idSts, bilans: [bilan], cycles: [] }).file,
    );
    const read = readLsuFile(xml, { degre: '2D' });
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const [imported] = bilansOfCollegeFile(read.file);
    if (imported?.kind !== 'periodique') throw new Error('expected a bilan périodique');
    expect(imported.student).toMatchObject({
      idBe: 4242,
      lastName: 'MARTIN',
      firstName: 'Lucas',
      division: '3A',
    });
    expect(imported.period).toEqual({ millesime: 2026, indice: 1, count: 3 });
    expect(imported.rows).toEqual(
      bilan.disciplines.map((row) => ({
        code: row.code,
        label: row.label,
        teachers: row.teachers.map((t) => ({
          ...(t.id === 't1' ? { idSts: 101 } : { idSts: expect.any(Number) }),
          civilite: t.civilite,
          lastName: t.lastName,
          firstName: t.firstName,
        })),
        elements: row.elements,
        appreciation: row.appreciation,
        positionnement: row.positionnement,
      })),
    );
    for (const key of [
      'positioning',
      'epi',
      'ap',
      'parcours',
      'modalites',
      'competencesNumeriques',
      'synthese',
      'devoirsFaits',
      'vieScolaire',
      'socle',
      'dateConseil',
      'dateScolarite',
    ] as const) {
      expect(imported[key], key).toEqual(bilan[key]);
    }
    expect(imported.responsableEtablissement.person).toEqual(bilan.communication.responsableEtablissement);
    expect(imported.professeursPrincipaux).toEqual(bilan.communication.professeursPrincipaux);
    expect(imported.warnings).toEqual([]);
  });

  it('round-trips marks with the class average, and «non noté»', () => {
    const doc = filledClassDoc();
    const bilan = freeze(
      doc,
      sampleFreezeContext({ positioning: 'notes-avec-moyenne', moyennesClasse: { [ids.francais]: 11.25 } }),
    );
    const xml = writeLsuFile(
      collegeFileFromFrozen({ uai: '0382032C', idBe, idSts, bilans: [bilan], cycles: [] }).file,
    );
    const read = readLsuFile(xml, { degre: '2D' });
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const [imported] = bilansOfCollegeFile(read.file);
    if (imported?.kind !== 'periodique') throw new Error('expected a bilan périodique');
    expect(imported.positioning).toBe('notes-avec-moyenne');
    expect(imported.rows.map((r) => [r.positionnement, r.moyenneClasse])).toEqual(
      bilan.disciplines.filter((r) => r.teachers.length > 0).map((r) => [r.positionnement, r.moyenneClasse]),
    );
  });

  it('round-trips a bilan de fin de cycle 4', () => {
    const cycle = sampleFrozenBilanFinCycle();
    const xml = writeLsuFile(
      collegeFileFromFrozen({ uai: '0382032C', idBe: () => 7, idSts, bilans: [], cycles: [cycle] }).file,
    );
    const read = readLsuFile(xml, { degre: '2D' });
    if (!read.ok) throw new Error(JSON.stringify(read.issues));
    const [imported] = bilansOfCollegeFile(read.file);
    if (imported?.kind !== 'fin-de-cycle') throw new Error('expected a bilan de fin de cycle');
    for (const key of [
      'cycle',
      'socle',
      'synthese',
      'enseignementComplement',
      'langueRegionale',
      'millesime',
    ] as const) {
      expect(imported[key], key).toEqual(cycle[key]);
    }
  });

  it('leaves out, with a warning, what the format cannot carry', () => {
    const { file, warnings } = collegeFileFromFrozen({
      uai: '0382032C',
      idBe: () => undefined,
      idSts,
      bilans: [fullBilan()],
      cycles: [],
    });
    expect(file.donnees.bilansPeriodiques).toHaveLength(0);
    expect(warnings).toEqual([expect.stringMatching(/MARTIN Lucas .*identifiant de la base élèves/)]);
  });
});
