/**
 * The family portal and the frozen versions' integrity: a bilan de fin de cycle imported from another editor
 * reaches its family (list, page, PDF) like a bilan périodique, and a version rewritten around the application
 * (by the owner, triggers disabled) is caught by `verify` and refused by the portal instead of being shown.
 */
import { sampleFrozenBilanFinCycle } from '@livret/domain/testing';
import { collegeFileFromFrozen, writeLsuFile } from '@livret/lsu-xml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../access/actor.js';
import { chainHashOf, contentHashOf } from '../bilans/versions.js';
import { verifyFrozenVersions } from '../db/verify.js';
import { startImport } from '../imports/service.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { runAsOwner, testEngines } from '../testing/database.js';

const REFUSED = 'Ce bilan ne peut pas être affiché : son intégrité n’a pas pu être vérifiée.';

describe.each(testEngines())('family portal and frozen versions on %s', (engine) => {
  let t: TestApp;
  let martin: string;
  let xml: string;

  /** Imports the fin de cycle file in Éditeurs mode as the college's direction; returns the job's report. */
  async function importFinDeCycle() {
    const db = t.services.database.db;
    const account = await db.query.accounts.findFirst({
      where: (a, { eq }) => eq(a.login, 'direction@college.demo'),
    });
    const actor = (await loadActor(db, account!.id))!;
    const { id, done } = await startImport(t.services, actor, {
      fileName: 'fin-de-cycle.xml',
      mode: 'editeurs',
      bytes: new TextEncoder().encode(xml),
    });
    await done;
    return (await t.call('GET', `/api/imports/${id}`, await t.signIn('direction@college.demo'))).body.report;
  }

  const owner = (statement: string) => runAsOwner(t.services.database, statement);

  /** Rewrites a version as someone with the owner's password could: around the append-only trigger. */
  async function tamper(versionId: string, set: string) {
    await owner('alter table bilan_versions disable trigger bilan_versions_append_only');
    await owner(`update bilan_versions set ${set} where id = '${versionId}'`);
    await owner('alter table bilan_versions enable trigger bilan_versions_append_only');
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    martin = await t.signIn('famille.martin@demo.fr');
    const db = t.services.database.db;
    const lucas = await db.query.students.findFirst({
      where: (s, { and, eq }) => and(eq(s.lastName, 'Martin'), eq(s.firstName, 'Lucas')),
    });
    const school = await db.query.schools.findFirst({ where: (s, { eq }) => eq(s.id, lucas!.schoolId) });
    const cycle = sampleFrozenBilanFinCycle({
      school: { uai: school!.uai, name: school!.name, kind: '2D', academie: school!.academie },
      student: {
        id: lucas!.id,
        ine: lucas!.ine,
        lastName: lucas!.lastName,
        firstName: lucas!.firstName,
        birthDate: lucas!.birthDate,
        sex: lucas!.sex as 'M' | 'F',
        niveau: '3e',
      },
    });
    xml = writeLsuFile(
      collegeFileFromFrozen({
        uai: school!.uai,
        idBe: () => lucas!.idBe ?? 1,
        idSts: () => undefined,
        bilans: [],
        cycles: [cycle],
      }).file,
    );
  }, 60_000);
  afterAll(async () => t.close());

  it('shows an imported bilan de fin de cycle to its family: list, page and PDF', async () => {
    const report = await importFinDeCycle();
    expect(report.students.map((s: { status: string }) => s.status)).toEqual(['integre']);

    const list = (await t.call('GET', '/api/family/bilans', martin)).body;
    const finDeCycle = list.find((b: { kind: string }) => b.kind === 'fin-de-cycle');
    expect(finDeCycle).toMatchObject({ studentName: 'Lucas MARTIN', periodLabel: 'Bilan de fin de cycle 4' });
    const page = await t.call('GET', `/api/family/bilans/${finDeCycle.versionId}`, martin);
    expect(page.status).toBe(200);
    expect(page.body.content).toMatchObject({ format: 'livret/bilan-fin-cycle', cycle: 4 });
    expect(page.body.hash).toBe(contentHashOf(page.body.content));
    const pdf = await t.app.request(`/api/family/bilans/${finDeCycle.versionId}/pdf`, {
      headers: { cookie: martin },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    // Only the family of that student sees it.
    const bernard = await t.signIn('famille.bernard@demo.fr');
    expect((await t.call('GET', `/api/family/bilans/${finDeCycle.versionId}`, bernard)).status).toBe(404);

    const visa = await t.call('POST', `/api/family/bilans/${finDeCycle.versionId}/visa`, martin);
    expect(visa.status).toBe(200);
  });

  it('links the version into its chain, and verify finds everything intact', async () => {
    const [first] = await owner(
      `select id, version, previous_hash, chain_hash, content_hash from bilan_versions where kind = 'fin-de-cycle'`,
    );
    expect(first).toMatchObject({ version: 1, previous_hash: null });
    expect(first!.chain_hash).toBe(chainHashOf(String(first!.content_hash), null));
    const result = await verifyFrozenVersions(t.services.database.db);
    expect(result.problems).toEqual([]);
    expect(result.versions).toBe(1);
  });

  it('catches a rewritten content: verify reports it, the portal refuses to show it', async () => {
    const [row] = await owner(`select id from bilan_versions where kind = 'fin-de-cycle'`);
    const versionId = String(row!.id);
    await tamper(versionId, `content = jsonb_set(content, '{synthese}', '"Réécrit."')`);

    const result = await verifyFrozenVersions(t.services.database.db);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^MISMATCH version 1 .* the content does not match its content_hash$/);

    const page = await t.call('GET', `/api/family/bilans/${versionId}`, martin);
    expect(page).toMatchObject({ status: 500, body: { code: 'integrity', message: REFUSED } });
    const pdf = await t.call('GET', `/api/family/bilans/${versionId}/pdf`, martin);
    expect(pdf).toMatchObject({ status: 500, body: { message: REFUSED } });
  });

  it('catches a rewrite that also forges the hashes of that version: the next link breaks', async () => {
    const [row] = await owner(`select id, content from bilan_versions where kind = 'fin-de-cycle'`);
    const content = typeof row!.content === 'string' ? JSON.parse(row!.content) : row!.content;
    const forged = contentHashOf(content);
    await tamper(String(row!.id), `content_hash = '${forged}', chain_hash = '${chainHashOf(forged, null)}'`);
    expect((await verifyFrozenVersions(t.services.database.db)).problems).toEqual([]);

    // A second version, appended by the database on top of the forged one, and then the first one rewritten
    // again: the second's previous_hash no longer matches.
    await owner(
      `insert into bilan_versions (student_id, period_id, class_id, version, kind, content, content_hash, frozen_at, source)
       select student_id, period_id, class_id, 2, kind, content, content_hash, now(), source from bilan_versions where id = '${row!.id}'`,
    );
    const reforged = contentHashOf({ ...content, synthese: 'Encore autre chose.' });
    await tamper(
      String(row!.id),
      `content = jsonb_set(content, '{synthese}', '"Encore autre chose."'), content_hash = '${reforged}', chain_hash = '${chainHashOf(reforged, null)}'`,
    );
    const result = await verifyFrozenVersions(t.services.database.db);
    expect(result.problems).toEqual([
      expect.stringMatching(/^MISMATCH version 2 .* previous_hash is not the chain_hash of version 1$/),
    ]);
  });
});
