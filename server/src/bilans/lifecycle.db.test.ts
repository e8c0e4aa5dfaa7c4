/**
 * The life of a bilan through the real app and a real room: fill live, lock (frozen version + hash +
 * publication + live lock mark), family read/PDF/visa, unlock before the visa only, new versions.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '@livret/domain';
import { appreciationText, getLock, setPositionnement } from '@livret/domain/doc';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilanVersions } from '../db/schema.js';
import { settle } from '../sync/testing/test-peer.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';
import { fillComplete, syncPeer } from '../testing/sync-peer.js';

describe.each(testEngines())('bilan lifecycle on %s', (engine) => {
  let t: TestApp;
  let direction: string;
  let maths: string;
  let ws: any;
  let lucas: { id: string };

  const peer = (cookie: string) => syncPeer(t, cookie, ws.docName);

  beforeAll(async () => {
    t = await createTestApp(engine);
    direction = await t.signIn('direction@college.demo');
    maths = await t.signIn('prof.maths@college.demo');
    const classes = (await t.call('GET', '/api/classes', direction)).body;
    const klass = classes.find((c: { label: string }) => c.label === '3e A');
    ws = (await t.call('GET', `/api/classes/${klass.id}/periods/${klass.periods[0].id}/workspace`, direction))
      .body;
    lucas = ws.students.find(
      (s: { firstName: string; lastName: string }) => s.firstName === 'Lucas' && s.lastName === 'Martin',
    );
  });
  afterAll(async () => t.close());

  const lockPath = () => `/api/classes/${ws.class.id}/periods/${ws.period.id}/lock`;
  const unlockPath = () => `/api/classes/${ws.class.id}/periods/${ws.period.id}/students/${lucas.id}/unlock`;

  it('refuses to lock an incomplete bilan, with the reasons', async () => {
    const result = await t.call('POST', lockPath(), direction, { studentIds: [lucas.id] });
    expect(result.status).toBe(200);
    expect(result.body.locked).toEqual([]);
    expect(result.body.refused[0].reasons.join(' ')).toMatch(/synthèse/);
  });

  it('only the direction locks; nobody signed out, nor a family, reaches the bilan routes', async () => {
    expect((await t.call('POST', lockPath(), maths, { studentIds: [lucas.id] })).status).toBe(403);
    expect((await t.call('POST', lockPath(), undefined, { studentIds: [lucas.id] })).status).toBe(401);
    const family = await t.signIn('famille.martin@demo.fr');
    expect((await t.call('POST', lockPath(), family, { studentIds: [lucas.id] })).status).toBe(403);
    expect((await t.call('POST', unlockPath(), undefined, { reason: 'erreur de saisie' })).status).toBe(401);
    const preview = `/api/classes/${ws.class.id}/periods/${ws.period.id}/students/${lucas.id}/preview`;
    expect((await t.call('GET', preview)).status).toBe(401);
  });

  it('locks a complete bilan into a hashed, published version, live', async () => {
    const fill = await peer(direction);
    fillComplete(fill.doc, ws.disciplines, lucas.id, {
      appreciation: 'Bon travail.',
      synthese: 'Trimestre sérieux.',
    });
    await settle([fill]);
    expect(fill.refusals, JSON.stringify(fill.refusals)).toEqual([]);
    const teacher = await peer(maths);

    const result = await t.call('POST', lockPath(), direction, { studentIds: [lucas.id] });
    expect(result.body.refused, JSON.stringify(result.body)).toEqual([]);
    expect(result.body.locked).toMatchObject([{ studentId: lucas.id, version: 1 }]);
    const [row] = await t.services.database.db
      .select()
      .from(bilanVersions)
      .where(eq(bilanVersions.id, result.body.locked[0].versionId));
    expect(row!.contentHash).toBe(createHash('sha256').update(canonicalJson(row!.content)).digest('hex'));
    expect((row!.content as { synthese: string }).synthese).toBe('Trimestre sérieux.');

    // Every connected client learns of the lock; the next edit of that student is refused.
    await settle([teacher, fill]);
    expect(getLock(teacher.doc, lucas.id)?.version).toBe(1);
    setPositionnement(teacher.doc, lucas.id, ws.rights?.disciplines?.[0] ?? ws.disciplines[1].id, 1);
    await settle([teacher]);
    expect(teacher.refusals.map((r) => r.code)).toEqual(['locked']);
    teacher.leave();
    fill.leave();
  });

  it('shows the bilan to its family only, as HTML data and a reproducible PDF', async () => {
    const martin = await t.signIn('famille.martin@demo.fr');
    const bernard = await t.signIn('famille.bernard@demo.fr');
    const list = (await t.call('GET', '/api/family/bilans', martin)).body;
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ studentName: 'Lucas MARTIN', periodLabel: 'Trimestre 1', visa: null });
    const versionId = list[0].versionId;
    expect((await t.call('GET', '/api/family/bilans', bernard)).body).toEqual([]);
    for (const path of [
      `/api/family/bilans/${versionId}`,
      `/api/family/bilans/${versionId}/pdf`,
      `/api/family/bilans/not-a-uuid`,
    ]) {
      expect((await t.call('GET', path, bernard)).status).toBe(404);
    }
    expect((await t.call('POST', `/api/family/bilans/${versionId}/visa`, bernard)).status).toBe(404);
    // Staff cannot use the family routes, families cannot use the staff ones.
    expect((await t.call('GET', '/api/family/bilans', direction)).status).toBe(403);
    expect((await t.call('GET', '/api/classes', martin)).status).toBe(403);

    const pdf = async () =>
      Buffer.from(
        await (
          await t.app.request(`/api/family/bilans/${versionId}/pdf`, { headers: { cookie: martin } })
        ).arrayBuffer(),
      );
    const first = await pdf();
    expect(first.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await pdf()).equals(first)).toBe(true);
  });

  it('unlocks before the visa (recorded, unpublished), relocks as version 2, then refuses unlock after the visa', async () => {
    const martin = await t.signIn('famille.martin@demo.fr');
    expect((await t.call('POST', unlockPath(), direction, { reason: '' })).status).toBe(400);
    expect((await t.call('POST', unlockPath(), maths, { reason: 'Correction' })).status).toBe(403);
    expect(
      (await t.call('POST', unlockPath(), direction, { reason: 'Correction d’une appréciation' })).status,
    ).toBe(200);
    expect((await t.call('GET', '/api/family/bilans', martin)).body).toEqual([]);

    const relock = await t.call('POST', lockPath(), direction, { studentIds: [lucas.id] });
    expect(relock.body.locked).toMatchObject([{ version: 2 }]);
    const versions = await t.services.database.db
      .select()
      .from(bilanVersions)
      .where(eq(bilanVersions.studentId, lucas.id));
    expect(versions.map((v) => v.version).sort()).toEqual([1, 2]);

    const [current] = (await t.call('GET', '/api/family/bilans', martin)).body;
    expect(current.version).toBe(2);
    const visa = await t.call('POST', `/api/family/bilans/${current.versionId}/visa`, martin);
    expect(visa.status).toBe(200);
    expect(visa.body.visa.at).toBe('2026-11-27T17:00:00.000Z');
    const refused = await t.call('POST', unlockPath(), direction, { reason: 'Trop tard' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'visa' });

    const audit = await t.services.database.db.execute(
      sql`select action from audit_log where action in ('bilan.lock', 'bilan.unlock', 'bilan.visa') order by id`,
    );
    const actions = (Array.isArray(audit) ? audit : (audit as { rows: { action: string }[] }).rows).map(
      (r: any) => r.action,
    );
    expect(actions).toEqual(['bilan.lock', 'bilan.unlock', 'bilan.lock', 'bilan.visa']);
  });

  it('limits the whole text, not each inserted piece', async () => {
    const teacher = await peer(maths);
    const student = ws.students[5].id;
    const mathsId = ws.disciplines.find((d: { code: string }) => d.code === '061300').id;
    const text = appreciationText(teacher.doc, student, mathsId);
    teacher.doc.transact(() => {
      text.insert(0, 'a'.repeat(400));
      text.insert(0, 'b'.repeat(400)); // a second item: each is under 600, together they are not
    });
    await settle([teacher]);
    expect(teacher.refusals.map((r) => r.code)).toEqual(['invalid-value']);
    teacher.leave();
  });

  it('keeps classes out of reach of staff without a role there', async () => {
    const classes = (await t.call('GET', '/api/classes', maths)).body;
    expect(classes.map((c: { label: string }) => c.label)).toEqual(['3e A', '4e A', '5e A', '6e A']);
    const ecole = await t.signIn('directeur@ecole.demo');
    const other = await t.call('GET', `/api/classes/${ws.class.id}/periods/${ws.period.id}/workspace`, ecole);
    expect(other.status).toBe(404);
  });
});
