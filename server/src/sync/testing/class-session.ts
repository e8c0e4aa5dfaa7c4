/**
 * A sync session with the real per-cell judge (access/sync-session.ts) on a small class, for room tests
 * without a database: two students, two disciplines, one teacher's writer.
 */
import type { Writer } from '@livret/domain';
import { syncJudge } from '../../access/sync-session.js';
import type { ClassContext } from '../../classes/context.js';
import type { SyncSession } from '../room.js';

export const S1 = '11111111-1111-4111-8111-111111111111';
export const S2 = '22222222-2222-4222-8222-222222222222';
export const MATHS = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
export const FRANCAIS = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

export const smallClass: ClassContext = {
  school: { id: 'school', uai: '0750001A', name: 'Collège', kind: '2D', academie: 'Paris', city: null },
  millesime: 2026,
  class: { id: 'class', code: '5A', label: '5e A', niveaux: ['5e'] },
  period: {
    id: 'p1',
    indice: 1,
    count: 3,
    label: 'Trimestre 1',
    startsOn: '2026-09-01',
    endsOn: '2026-11-30',
  },
  periods: [{ id: 'p1', indice: 1, label: 'Trimestre 1' }],
  settings: { dataSource: 'manuelle', positioning: 'objectifs', showSocle: false },
  students: [S1, S2].map((id, i) => ({
    id,
    ine: `00000000${i}AA`,
    lastName: `NOM${i}`,
    firstName: `Prénom${i}`,
    birthDate: '2014-01-01',
    sex: 'F',
    niveau: '5e',
  })),
  disciplines: [MATHS, FRANCAIS].map((id) => ({ id, code: id.slice(0, 6), label: id, teachers: [] })),
};

/** A session of an enseignant who teaches `disciplineIds` to the small class. */
export function teacherSession(
  accountId: string,
  disciplineIds: string[],
  over: Partial<Writer> = {},
): SyncSession {
  const writer: Writer = {
    roles: ['enseignant'],
    taughtDisciplineIds: new Set(disciplineIds),
    isPrincipal: false,
    schoolKind: '2D',
    ...over,
  };
  return { accountId, displayName: accountId, judge: syncJudge(writer, smallClass) };
}
