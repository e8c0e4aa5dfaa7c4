/**
 * PDF éditions through the real app: locked bilans of a class printed as one PDF and as a zip of one PDF per
 * student (read back with pdftotext), followed to their end, cancelled, refused to whoever is not the school's
 * direction; one student's PDF for the staff pages, the same bytes every time.
 */
import { createHash } from 'node:crypto';
import { canonicalJson, FrozenBilanPeriodiqueSchema } from '@livret/domain';
import { collegeMarksBilan, pdfPages, pdfText } from '@livret/pdf/testing';
import { and, eq } from 'drizzle-orm';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../access/actor.js';
import {
  accounts,
  bilanStates,
  bilanVersions,
  classes,
  enrolments,
  periods,
  schools,
  students,
} from '../db/schema.js';
import { jobQueueOf } from '../jobs/job-queue.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';
import { cancelEdition, startEdition } from './service.js';

describe.each(testEngines())('éditions on %s', (engine) => {
  let t: TestApp;
  let direction: string;
  let klass: { id: string; label: string };
  let period: { id: string };
  let locked: { id: string; name: string; versionId: string }[];

  /** Locks the first `count` students of 4e A, trimestre 1, as a lock would (a frozen version, a locked state). */
  async function lockStudents(count: number) {
    const db = t.services.database.db;
    const [school] = await db.select().from(schools).where(eq(schools.uai, '0382032C'));
    const [row] = await db
      .select()
      .from(classes)
      .where(and(eq(classes.schoolId, school!.id), eq(classes.label, '4e A')));
    const [p] = await db
      .select()
      .from(periods)
      .where(and(eq(periods.indice, 1), eq(periods.schoolYearId, row!.schoolYearId)));
    const pupils = await db
      .select({ student: students, niveau: enrolments.niveau })
      .from(enrolments)
      .innerJoin(students, eq(students.id, enrolments.studentId))
      .where(eq(enrolments.classId, row!.id))
      .orderBy(students.lastName, students.firstName)
      .limit(count);
    const template = collegeMarksBilan();
    const result = [];
    for (const { student, niveau } of pupils) {
      const content = FrozenBilanPeriodiqueSchema.parse({
        ...template,
        school: { uai: school!.uai, name: school!.name, kind: '2D', academie: school!.academie },
        class: { id: row!.id, code: row!.code, label: row!.label, niveaux: row!.niveaux },
        period: { ...template.period, id: p!.id },
        student: { ...student, idBe: undefined, niveau },
      });
      const [version] = await db
        .insert(bilanVersions)
        .values({
          studentId: student.id,
          periodId: p!.id,
          classId: row!.id,
          version: 1,
          kind: 'periodique',
          content,
          contentHash: createHash('sha256').update(canonicalJson(content)).digest('hex'),
          frozenAt: new Date(content.frozenAt),
          source: 'app',
        })
        .returning({ id: bilanVersions.id });
      await db.insert(bilanStates).values({
        studentId: student.id,
        periodId: p!.id,
        status: 'locked',
        currentVersionId: version!.id,
        lockedAt: new Date(content.frozenAt),
      });
      result.push({
        id: student.id,
        name: `${student.firstName} ${student.lastName.toUpperCase()}`,
        versionId: version!.id,
      });
    }
    return { klass: { id: row!.id, label: row!.label }, period: { id: p!.id }, locked: result };
  }

  async function finished(id: string) {
    for (let i = 0; i < 600; i++) {
      const job = (await t.call('GET', `/api/editions/${id}`, direction)).body;
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('the édition did not finish');
  }

  async function download(id: string) {
    const response = await t.app.request(`/api/editions/${id}/file`, { headers: { cookie: direction } });
    return { response, bytes: new Uint8Array(await response.arrayBuffer()) };
  }

  beforeAll(async () => {
    t = await createTestApp(engine);
    direction = await t.signIn('direction@college.demo');
    ({ klass, period, locked } = await lockStudents(4));
  }, 60_000);
  afterAll(async () => t.close());

  it('prints a class as one PDF, each student on pages of its own', async () => {
    const started = await t.call('POST', '/api/editions', direction, {
      classId: klass.id,
      periodId: period.id,
      format: 'pdf',
    });
    expect(started.status).toBe(202);
    const job = await finished(started.body.id);
    expect(job).toMatchObject({ status: 'done', progress: 1, total: 4, format: 'pdf', step: 'Terminé' });
    expect(job.scope).toBe('4e A — Trimestre 1');
    expect(job.fileName).toBe('bilans-4e-a-trimestre-1.pdf');
    const { response, bytes } = await download(job.id);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toContain('bilans-4e-a-trimestre-1.pdf');
    expect(job.size).toBe(bytes.byteLength);
    const pages = pdfPages(bytes);
    const firsts = pages.filter((page) => page.includes('page 1/'));
    expect(firsts).toHaveLength(4);
    locked.forEach((student, i) => {
      expect(firsts[i]).toContain(student.name);
      expect(firsts[i]).toContain("Suivi des acquis scolaires de l'élève");
    });
    expect((await t.call('GET', '/api/editions', direction)).body[0].id).toBe(job.id);
  });

  it('prints a period of the school as a zip of one PDF per student', async () => {
    const started = await t.call('POST', '/api/editions', direction, { periodId: period.id, format: 'zip' });
    const job = await finished(started.body.id);
    expect(job).toMatchObject({
      status: 'done',
      total: 4,
      format: 'zip',
      scope: 'Trimestre 1 — tout l’établissement',
    });
    const { response, bytes } = await download(job.id);
    expect(response.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(bytes);
    expect(Object.keys(files)).toHaveLength(4);
    for (const student of locked) {
      const name = Object.keys(files).find((file) => pdfText(files[file]!).includes(student.name));
      expect(name, student.name).toMatch(/^[a-z0-9-]+-4e-a-trimestre-1-2026\.pdf$/);
    }
  });

  it('stops a cancelled édition, which then has no file', async () => {
    const [account] = await t.services.database.db
      .select()
      .from(accounts)
      .where(eq(accounts.login, 'direction@college.demo'));
    const actor = (await loadActor(t.services.database.db, account!.id))!;
    // The school's line is held by another job: the édition waits there, is cancelled (no race with a
    // running job), and never runs when its turn comes.
    let release!: () => void;
    const holding = jobQueueOf(t.services).enqueue(
      actor.roles[0]!.schoolId,
      () => new Promise<void>((resolve) => (release = resolve)),
    );
    const { id, done } = await startEdition(t.services, actor, { classId: klass.id, format: 'zip' });
    expect((await t.call('GET', `/api/editions/${id}`, direction)).body.step).toMatch(/^En attente/);
    expect((await cancelEdition(t.services, actor, id)).status).toBe('cancelled');
    release();
    await Promise.all([holding, done]);
    expect((await t.call('GET', `/api/editions/${id}`, direction)).body).toMatchObject({
      status: 'cancelled',
      step: 'Annulée',
      size: null,
    });
    expect((await download(id)).response.status).toBe(409);
  });

  it('prints one student for the staff pages, the same bytes every time', async () => {
    const path = `/api/editions/versions/${locked[0]!.versionId}/pdf`;
    const first = (await t.app.request(path, { headers: { cookie: direction } })).arrayBuffer();
    const second = (await t.app.request(path, { headers: { cookie: direction } })).arrayBuffer();
    const [a, b] = [new Uint8Array(await first), new Uint8Array(await second)];
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    expect(pdfText(a)).toContain(locked[0]!.name);
    // The same bilan found by student and period (the workspace's link).
    const byStudent = await t.app.request(
      `/api/editions/students/${locked[0]!.id}/periods/${period.id}/pdf`,
      {
        headers: { cookie: direction },
      },
    );
    expect(Buffer.from(await byStudent.arrayBuffer()).equals(Buffer.from(a))).toBe(true);
    const unlocked = await t.call(
      'GET',
      `/api/editions/students/${locked[0]!.id}/periods/${klass.id}/pdf`,
      direction,
    );
    expect(unlocked.status).toBe(404);
  });

  it('is for the direction of the school only, and says when there is nothing to print', async () => {
    const teacher = await t.signIn('prof.maths@college.demo');
    const body = { classId: klass.id, periodId: period.id, format: 'pdf' };
    expect((await t.call('POST', '/api/editions', teacher, body)).status).toBe(403);
    expect((await t.call('GET', '/api/editions', teacher)).status).toBe(403);
    const [job] = (await t.call('GET', '/api/editions', direction)).body;
    const ecole = await t.signIn('directeur@ecole.demo');
    expect((await t.call('GET', `/api/editions/${job.id}`, ecole)).status).toBe(404);
    expect((await t.call('GET', `/api/editions/${job.id}/file`, ecole)).status).toBe(404);
    expect((await t.call('POST', '/api/editions', ecole, body)).status).toBe(404);
    expect((await t.call('GET', `/api/editions/versions/${locked[0]!.versionId}/pdf`, ecole)).status).toBe(
      404,
    );
    expect((await t.call('POST', '/api/editions', direction, { format: 'docx' })).status).toBe(400);
    const [other] = (await t.call('GET', '/api/classes', direction)).body.filter(
      (c: { label: string }) => c.label === '6e A',
    );
    const empty = await t.call('POST', '/api/editions', direction, { classId: other.id, format: 'pdf' });
    expect(empty.status).toBe(404);
    expect(empty.body.message).toBe('Aucun bilan verrouillé à éditer pour ce choix.');
  });
});
