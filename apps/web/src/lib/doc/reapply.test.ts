import { canWriteCell, type Writer } from '@livret/domain';
import {
  appreciationText,
  cellOf,
  getAppreciation,
  getPositionnement,
  getProgramElements,
  getVieScolaire,
  insertProgramElement,
  lockedStudentIds,
  setAppreciation,
  setLock,
  setPositionnement,
  setVieScolaireField,
} from '@livret/domain/doc';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { reapplyLocalEdits } from './reapply.js';

const maths: Writer = {
  roles: ['enseignant'],
  taughtDisciplineIds: new Set(['maths']),
  isPrincipal: false,
  schoolKind: '2D',
};
const rules = { writer: maths, positioning: 'objectifs' as const };
const lock = { version: 1, lockedAt: '2026-12-01T10:00:00.000Z', lockedBy: 'Mme la principale' };

/** A server document and a device's copy of it, both from the same shared start. */
function start(build: (doc: Y.Doc) => void = () => {}) {
  const server = new Y.Doc();
  server.transact(() => build(server));
  const device = new Y.Doc();
  Y.applyUpdate(device, Y.encodeStateAsUpdate(server));
  return { server, device };
}

/** A fresh copy on the server's state, as the browser opens after a refusal. */
function freshOf(server: Y.Doc): Y.Doc {
  const fresh = new Y.Doc();
  Y.applyUpdate(fresh, Y.encodeStateAsUpdate(server));
  return fresh;
}

/** The cells an update writes would all be accepted by the server's rule. */
function allowedOnServer(fresh: Y.Doc, update: Uint8Array): boolean {
  const server = freshOf(fresh);
  const seen: boolean[] = [];
  server.on('afterTransaction', (tr: Y.Transaction) => {
    const byType = new Map([...server.share].map(([name, type]) => [type as unknown, name]));
    for (const [type, keys] of tr.changed) {
      for (const key of keys.size ? keys : [null]) {
        const name = byType.get(type) ?? '';
        seen.push(canWriteCell(maths, cellOf(name, key), { lockedStudentIds: lockedStudentIds(server) }).ok);
      }
    }
  });
  Y.applyUpdate(server, update);
  return seen.length > 0 && seen.every(Boolean);
}

describe('reapplyLocalEdits', () => {
  it('keeps every offline edit but the locked student’s, and lists that one with what was typed', () => {
    const { server, device } = start();
    for (const s of ['s1', 's2', 's3']) {
      setPositionnement(device, s, 'maths', 3);
      setAppreciation(device, s, 'maths', `Bon trimestre pour ${s}.`);
    }
    setLock(server, 's2', lock);

    const fresh = freshOf(server);
    const updates: Uint8Array[] = [];
    fresh.on('update', (u: Uint8Array) => updates.push(u));
    const { applied, refused } = reapplyLocalEdits(device, fresh, rules, 'reprise');

    expect(getPositionnement(fresh, 's1', 'maths')).toBe(3);
    expect(getAppreciation(fresh, 's3', 'maths')).toBe('Bon trimestre pour s3.');
    expect(getPositionnement(fresh, 's2', 'maths')).toBeNull();
    expect(applied).toHaveLength(4);
    expect(refused.map((r) => [r.key, r.text])).toEqual([
      ['positionnement/s2/maths', '3'],
      ['appreciation/s2/maths', 'Bon trimestre pour s2.'],
    ]);
    expect(refused[0]?.message).toMatch(/verrouillé/);
    // One update, and the server's rule accepts all of it.
    expect(updates).toHaveLength(1);
    expect(allowedOnServer(freshOf(server), updates[0]!)).toBe(true);
  });

  it('merges a text both sides changed instead of overwriting the colleague’s part', () => {
    const { server, device } = start((d) => setAppreciation(d, 's1', 'maths', 'Bon élève.'));
    appreciationText(server, 's1', 'maths').insert('Bon élève.'.length, ' Sérieux.');
    appreciationText(device, 's1', 'maths').insert(0, 'Très ');
    appreciationText(device, 's1', 'maths').delete(5, 1);
    appreciationText(device, 's1', 'maths').insert(5, 'b');

    const fresh = freshOf(server);
    reapplyLocalEdits(device, fresh, rules, 'reprise');
    expect(getAppreciation(fresh, 's1', 'maths')).toBe('Très bon élève. Sérieux.');
  });

  it('does not revert what others changed on the server while this device was away', () => {
    const { server, device } = start((d) => {
      setPositionnement(d, 's1', 'maths', 1);
      setAppreciation(d, 's2', 'maths', 'Ancien texte.');
    });
    setPositionnement(server, 's1', 'maths', 4);
    setAppreciation(server, 's2', 'maths', 'Texte d’un collègue.');
    setPositionnement(device, 's3', 'maths', 2);

    const fresh = freshOf(server);
    const { applied, refused } = reapplyLocalEdits(device, fresh, rules, 'reprise');
    expect(applied).toEqual([{ section: 'positionnement', studentId: 's3', disciplineId: 'maths' }]);
    expect(refused).toEqual([]);
    expect(getPositionnement(fresh, 's1', 'maths')).toBe(4);
    expect(getAppreciation(fresh, 's2', 'maths')).toBe('Texte d’un collègue.');
  });

  it('refuses cells of another discipline, off-scale values and merges past the length limit', () => {
    const long = 'x'.repeat(400);
    const { server, device } = start((d) => setAppreciation(d, 's1', 'maths', 'Début.'));
    setPositionnement(device, 's1', 'francais', 2);
    setPositionnement(device, 's2', 'maths', 15); // a mark, but the class is on the objectives scale
    appreciationText(device, 's1', 'maths').insert(0, long);
    appreciationText(server, 's1', 'maths').insert(6, long);

    const fresh = freshOf(server);
    const { applied, refused } = reapplyLocalEdits(device, fresh, rules, 'reprise');
    expect(applied).toEqual([]);
    expect(Object.fromEntries(refused.map((r) => [r.key, r.message]))).toEqual({
      'positionnement/s1/francais': 'Vous n’enseignez pas cette discipline dans cette classe.',
      'positionnement/s2/maths': 'Positionnement non valide.',
      'appreciation/s1/maths': 'Une appréciation fait au plus 600 caractères.',
    });
    expect(refused.find((r) => r.key === 'appreciation/s1/maths')?.text).toBe(`${long}Début.`);
    expect(Y.encodeStateVector(fresh)).toEqual(Y.encodeStateVector(freshOf(server)));
  });

  it('re-applies vie scolaire fields and program elements with only their differing parts', () => {
    const cpe: Writer = {
      roles: ['direction'],
      taughtDisciplineIds: new Set(),
      isPrincipal: false,
      schoolKind: '2D',
    };
    const { server, device } = start((d) => {
      insertProgramElement(d, 'maths', 0, 'Fractions');
      insertProgramElement(d, 'maths', 1, 'Proportionnalité');
      setVieScolaireField(d, 's1', 'nbRetards', 1);
    });
    insertProgramElement(server, 'maths', 2, 'Géométrie');
    insertProgramElement(device, 'maths', 1, 'Nombres relatifs');
    setVieScolaireField(device, 's1', 'commentaire', 'Assidu.');

    const fresh = freshOf(server);
    const { refused } = reapplyLocalEdits(
      device,
      fresh,
      { writer: cpe, positioning: 'objectifs' },
      'reprise',
    );
    expect(refused).toEqual([]);
    expect(getProgramElements(fresh, 'maths')).toEqual([
      'Fractions',
      'Nombres relatifs',
      'Proportionnalité',
      'Géométrie',
    ]);
    expect(getVieScolaire(fresh, 's1')).toEqual({ nbRetards: 1, commentaire: 'Assidu.' });
  });

  it('asks the same rule as the server: groups taught and a read-only document', () => {
    const { server, device } = start();
    setPositionnement(device, 's1', 'maths', 2);
    setPositionnement(device, 's2', 'maths', 3);
    const group: Writer = { ...maths, groupStudentIds: new Map([['maths', new Set(['s1'])]]) };

    const fresh = freshOf(server);
    const { refused } = reapplyLocalEdits(device, fresh, { ...rules, writer: group }, 'reprise');
    expect(refused.map((r) => [r.key, r.message])).toEqual([
      [
        'positionnement/s2/maths',
        'Cet élève n’est pas dans le groupe auquel vous enseignez cette discipline.',
      ],
    ]);
    expect(getPositionnement(fresh, 's1', 'maths')).toBe(2);

    const past = freshOf(server);
    const all = reapplyLocalEdits(device, past, { ...rules, readOnly: 'past-year' }, 'reprise');
    expect(all.applied).toEqual([]);
    expect(all.refused).toHaveLength(2);
  });

  it('with refuseAll writes nothing and lists every pending cell', () => {
    const { server, device } = start();
    setPositionnement(device, 's1', 'maths', 2);
    const fresh = freshOf(server);
    const { applied, refused } = reapplyLocalEdits(device, fresh, rules, 'reprise', 'Refusé par le serveur.');
    expect(applied).toEqual([]);
    expect(refused.map((r) => [r.key, r.message])).toEqual([
      ['positionnement/s1/maths', 'Refusé par le serveur.'],
    ]);
    expect(getPositionnement(fresh, 's1', 'maths')).toBeNull();
  });
});
