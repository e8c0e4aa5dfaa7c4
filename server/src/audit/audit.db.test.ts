import { createHash } from 'node:crypto';
import { canonicalJson, FrozenBilanPeriodiqueSchema } from '@livret/domain';
import { collegeMarksBilan } from '@livret/pdf/testing';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accounts,
  bilanStates,
  bilanVersions,
  classes,
  enrolments,
  guardianLinks,
  periods,
  publications,
  schools,
  students,
} from '../db/schema.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';

interface Entry {
  action: string;
  subject: string;
  details: Record<string, unknown>;
  actor: { login: string } | null;
  student: { firstName: string; lastName: string } | null;
}

describe.each(testEngines())('audit log on %s', (engine) => {
  let t: TestApp;
  let direction: string;
  beforeAll(async () => {
    t = await createTestApp(engine);
    direction = await t.signIn('direction@college.demo');
  });
  afterAll(async () => t.close());

  /** Locks and publishes a bilan of a Martin child (trimestre 1), as a lock would. */
  async function publishMartinBilan() {
    const db = t.services.database.db;
    const [row] = await db
      .select({ student: students, niveau: enrolments.niveau, klass: classes, school: schools })
      .from(guardianLinks)
      .innerJoin(accounts, eq(accounts.id, guardianLinks.accountId))
      .innerJoin(students, eq(students.id, guardianLinks.studentId))
      .innerJoin(enrolments, eq(enrolments.studentId, students.id))
      .innerJoin(classes, eq(classes.id, enrolments.classId))
      .innerJoin(schools, eq(schools.id, classes.schoolId))
      .where(and(eq(accounts.login, 'famille.martin@demo.fr'), eq(schools.kind, '2D')));
    const { student, niveau, klass, school } = row!;
    const [period] = await db
      .select()
      .from(periods)
      .where(and(eq(periods.indice, 1), eq(periods.schoolYearId, klass.schoolYearId)));
    const template = collegeMarksBilan();
    const content = FrozenBilanPeriodiqueSchema.parse({
      ...template,
      school: { uai: school.uai, name: school.name, kind: '2D', academie: school.academie },
      class: { id: klass.id, code: klass.code, label: klass.label, niveaux: klass.niveaux },
      period: { ...template.period, id: period!.id },
      student: { ...student, idBe: undefined, niveau },
    });
    const [version] = await db
      .insert(bilanVersions)
      .values({
        studentId: student.id,
        periodId: period!.id,
        classId: klass.id,
        version: 1,
        kind: 'periodique',
        content,
        contentHash: createHash('sha256').update(canonicalJson(content)).digest('hex'),
        frozenAt: new Date(content.frozenAt),
        source: 'app',
      })
      .returning({ id: bilanVersions.id });
    const lockedAt = new Date(content.frozenAt);
    await db.insert(bilanStates).values({
      studentId: student.id,
      periodId: period!.id,
      status: 'locked',
      currentVersionId: version!.id,
      lockedAt,
    });
    await db.insert(publications).values({ bilanVersionId: version!.id, publishedAt: lockedAt });
    return { student, periodId: period!.id, versionId: version!.id };
  }

  async function finished(id: string) {
    for (let i = 0; i < 600; i++) {
      if ((await t.call('GET', `/api/editions/${id}`, direction)).body.status !== 'running') return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the édition did not finish');
  }

  const journal = async (query = '') =>
    (await t.call('GET', `/api/audit${query}`, direction)).body as { entries: Entry[]; next: number | null };

  it('records sign-ins, failed ones too, with login and address and never the password', async () => {
    await t.call('POST', '/api/auth/login', undefined, {
      login: 'cpe@college.demo',
      password: 'secret-typo',
    });
    await t.signIn('cpe@college.demo');
    const { entries } = await journal('?kind=connexion');
    const [success, failure] = entries;
    expect(success).toMatchObject({
      action: 'auth.sign-in',
      actor: { login: 'cpe@college.demo' },
      details: { login: 'cpe@college.demo', address: 'unknown' },
    });
    expect(failure).toMatchObject({
      action: 'auth.sign-in-failed',
      actor: null,
      subject: 'cpe@college.demo',
    });
    expect(JSON.stringify(entries)).not.toContain('secret-typo');
    // Another school's sign-ins stay in its own journal.
    await t.signIn('directeur@ecole.demo');
    expect((await journal('?kind=connexion')).entries.map((e) => e.actor?.login)).not.toContain(
      'directeur@ecole.demo',
    );
  });

  it('records who downloaded a child’s PDF (family and direction), and the LSU exports and éditions', async () => {
    const bilan = await publishMartinBilan();
    const family = await t.signIn('famille.martin@demo.fr');
    expect((await t.call('GET', `/api/family/bilans/${bilan.versionId}`, family)).status).toBe(200);
    const [viewed] = (await journal('?kind=consultation')).entries;
    expect(viewed).toMatchObject({
      action: 'bilan.view',
      subject: bilan.versionId,
      actor: { login: 'famille.martin@demo.fr' },
      details: { studentId: bilan.student.id, portal: 'famille' },
    });
    expect((await t.call('GET', `/api/family/bilans/${bilan.versionId}/pdf`, family)).status).toBe(200);
    const [seen] = (await journal('?kind=consultation')).entries;
    expect(seen).toMatchObject({
      action: 'bilan.pdf',
      subject: bilan.versionId,
      actor: { login: 'famille.martin@demo.fr' },
      details: { studentId: bilan.student.id, portal: 'famille' },
      student: { firstName: bilan.student.firstName, lastName: bilan.student.lastName },
    });
    const path = `/api/editions/students/${bilan.student.id}/periods/${bilan.periodId}/pdf`;
    expect((await t.call('GET', path, direction)).status).toBe(200);
    const [staffSeen] = (await journal('?kind=consultation')).entries;
    expect(staffSeen).toMatchObject({
      action: 'bilan.pdf',
      actor: { login: 'direction@college.demo' },
      details: { studentId: bilan.student.id, portal: 'direction' },
    });

    expect((await t.call('GET', '/api/exports/lsu', direction)).status).toBe(200);
    const aboutStudent = (await journal(`?studentId=${bilan.student.id}`)).entries;
    expect(aboutStudent.map((e) => [e.action, e.actor?.login])).toEqual([
      ['bilan.pdf', 'direction@college.demo'],
      ['bilan.pdf', 'famille.martin@demo.fr'],
      ['bilan.view', 'famille.martin@demo.fr'],
    ]);
    const otherStudent = '00000000-0000-4000-8000-000000000000';
    expect((await journal(`?studentId=${otherStudent}`)).entries).toEqual([]);

    const [exported] = (await journal('?kind=export')).entries;
    expect(exported).toMatchObject({ action: 'export.lsu', actor: { login: 'direction@college.demo' } });

    const started = await t.call('POST', '/api/editions', direction, { format: 'pdf' });
    expect(started.status).toBe(202);
    const [edition] = (await journal('?kind=edition')).entries;
    expect(edition).toMatchObject({ action: 'edition.create', subject: started.body.id });
    await finished(started.body.id);
    expect((await t.call('GET', `/api/editions/${started.body.id}/file`, direction)).status).toBe(200);
    const [downloaded] = (await journal('?kind=consultation')).entries;
    expect(downloaded).toMatchObject({ action: 'edition.download', subject: started.body.id });
  });

  it('pages newest first and refuses unknown kinds and other roles', async () => {
    const first = await journal('?limit=2');
    expect(first.entries).toHaveLength(2);
    expect(first.next).not.toBeNull();
    const second = await journal(`?limit=2&before=${first.next}`);
    expect(second.entries[0]).not.toEqual(first.entries[0]);
    expect((await t.call('GET', '/api/audit?kind=nope', direction)).status).toBe(400);
    const teacher = await t.signIn('prof.maths@college.demo');
    expect((await t.call('GET', '/api/audit', teacher)).status).toBe(403);
    const family = await t.signIn('famille.bernard@demo.fr');
    expect((await t.call('GET', '/api/audit', family)).status).toBe(403);
  });
});
