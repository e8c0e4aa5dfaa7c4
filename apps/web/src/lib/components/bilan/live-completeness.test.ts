import { completenessReasons, draftBilan, type FreezeContext } from '@livret/domain';
import { setSynthese, syntheseText } from '@livret/domain/doc';
import { filledClassDoc, ids, sampleFreezeContext, sampleFreezeContext1D } from '@livret/domain/testing';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { ClassDocSession } from '$lib/doc';
import { type DraftSource, draftContextOf, liveCompleteness } from './live-completeness.js';

/** What of the workspace the server would send for the class of a freeze context the draft reads. */
function workspaceOf(context: FreezeContext): DraftSource {
  return {
    school: { id: 'school', ...context.school },
    class: context.class,
    period: { ...context.period, startsOn: '2026-09-01', endsOn: '2026-11-30' },
    millesime: context.millesime,
    settings: {
      dataSource: 'saisie',
      positioning: context.positioning as DraftSource['settings']['positioning'],
      showSocle: false,
    },
    students: [context.student],
    disciplines: context.disciplines,
  };
}

/** The two reads of the session that the completeness uses, over a plain document. */
function sessionOver(doc: Y.Doc, locked: string[] = []): ClassDocSession {
  return {
    lockedStudentIds: () => new Set(locked),
    syntheseText: (studentId: string) => syntheseText(doc, studentId),
  } as unknown as ClassDocSession;
}

describe('live completeness in the browser', () => {
  it.each([
    ['collège', sampleFreezeContext()],
    ['école', sampleFreezeContext1D()],
  ])('gives the lock’s answer from the workspace (%s)', (_kind, context) => {
    const workspace = workspaceOf(context);
    const doc = filledClassDoc();
    const draft = draftBilan(doc, draftContextOf(workspace, workspace.students[0]!));
    expect(completenessReasons(draft)).toEqual(completenessReasons(draftBilan(doc, context)));
    // Every field the server's check passes comes through (server/src/bilans/completeness.ts: the class
    // context, no signatories nor dates): the draft is the server's but for the freezing stamp.
    const { school, millesime, class: klass, period, student, positioning, disciplines, version } = context;
    const server = draftBilan(doc, {
      ...{ school, millesime, class: klass, period, student, positioning, disciplines, version },
      frozenAt: new Date(0).toISOString(),
      frozenBy: { id: '', name: '' },
    });
    expect(draft).toEqual(server);
  });

  it('follows the document and leaves locked students out', () => {
    const context = sampleFreezeContext();
    const workspace = workspaceOf(context);
    const doc = filledClassDoc();
    expect(liveCompleteness(sessionOver(doc), workspace).get(ids.student)).toEqual([]);
    setSynthese(doc, ids.student, '', '2D');
    expect(liveCompleteness(sessionOver(doc), workspace).get(ids.student)?.join(' ')).toMatch(/synthèse/);
    expect(liveCompleteness(sessionOver(doc, [ids.student]), workspace).has(ids.student)).toBe(false);
  });
});
