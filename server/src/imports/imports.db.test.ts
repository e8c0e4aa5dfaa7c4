/**
 * LSU exchange through the real app: lock a class, export it, check the file with xmllint against the official
 * XSD, import it into another (empty) copy of the school in Éditeurs mode and compare the frozen bilans field
 * by field; Sconet-Notes lands in the live document and keeps what the team typed; broken files write nothing.
 */

import { execFileSync } from 'node:child_process';
import {
  appreciationText,
  getSynthese,
  insertProgramElement,
  setPositionnement,
  setVieScolaireField,
  syntheseText,
} from '@livret/domain/doc';
import { xmllint } from '@livret/lsu-xml/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadActor } from '../access/actor.js';
import { bilanVersions, imports } from '../db/schema.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';
import { changeLive } from '../testing/live-change.js';
import { startImport } from './service.js';

/** Frozen content with database ids replaced by natural keys, so two copies of a school compare. */
function comparable(content: any) {
  const { frozenAt: _a, frozenBy: _b, ...rest } = content;
  return {
    ...rest,
    class: { ...rest.class, id: rest.class.code },
    period: { ...rest.period, id: rest.period.indice },
    student: { ...rest.student, id: rest.student.ine },
    disciplines: rest.disciplines.map((d: any) => ({
      ...d,
      id: d.code,
      teachers: d.teachers.map((t: any) => ({ ...t, id: t.lastName })),
    })),
  };
}

/** Imports a file as this account and waits for the job; returns the job with its report. */
async function importAs(
  app: TestApp,
  login: string,
  xml: string | Uint8Array,
  mode: 'editeurs' | 'sconet-notes',
) {
  const [account] = await app.services.database.db.query.accounts.findMany({
    where: (a, { eq }) => eq(a.login, login),
  });
  const actor = (await loadActor(app.services.database.db, account!.id))!;
  const { id, done } = await startImport(app.services, actor, {
    fileName: 'bilans.xml',
    mode,
    bytes: typeof xml === 'string' ? new TextEncoder().encode(xml) : xml,
  });
  await done;
  const cookie = await app.signIn(login);
  return (await app.call('GET', `/api/imports/${id}`, cookie)).body;
}

describe.each(testEngines())('LSU import and export on %s', (engine) => {
  let source: TestApp;
  let target: TestApp;
  let ws: any;
  let exported: string;

  beforeAll(async () => {
    source = await createTestApp(engine);
    target = await createTestApp(engine);
    const direction = await source.signIn('direction@college.demo');
    const klass = (await source.call('GET', '/api/classes', direction)).body.find(
      (c: any) => c.label === '4e A',
    );
    ws = (
      await source.call('GET', `/api/classes/${klass.id}/periods/${klass.periods[0].id}/workspace`, direction)
    ).body;
    const room = await source.services.rooms.get(`classes/${ws.class.id}/periods/${ws.period.id}`);
    // Fill every student's bilan through the room, as the team would.
    await changeLive(source.services, room.name, (doc) => {
      for (const [j, d] of ws.disciplines.entries())
        insertProgramElement(doc, d.id, 0, `Programme ${j + 1} & co`);
      ws.students.forEach((s: any, i: number) => {
        ws.disciplines.forEach((d: any, j: number) => {
          setPositionnement(doc, s.id, d.id, j === 1 ? 'NE' : 8 + ((i + j) % 12) + 0.5);
          appreciationText(doc, s.id, d.id).insert(0, `Appréciation « ${i}-${j} » d’élève.`);
        });
        syntheseText(doc, s.id).insert(0, `Synthèse de ${s.firstName}.`);
        setVieScolaireField(doc, s.id, 'nbRetards', i % 3);
        setVieScolaireField(doc, s.id, 'nbAbsJustifiees', 1);
        setVieScolaireField(doc, s.id, 'nbAbsInjustifiees', 0);
      });
    });
    void source.services.rooms.released(room);
    const locked = await source.call(
      'POST',
      `/api/classes/${ws.class.id}/periods/${ws.period.id}/lock`,
      direction,
      {
        studentIds: ws.students.map((s: any) => s.id),
      },
    );
    expect(locked.body.refused).toEqual([]);
    const response = await source.app.request(
      `/api/exports/lsu?classId=${ws.class.id}&periodId=${ws.period.id}`,
      {
        headers: { cookie: direction },
      },
    );
    expect(response.status).toBe(200);
    exported = await response.text();
  }, 60_000);
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('exports a file that xmllint validates against the official XSD', () => {
    const lint = xmllint(exported, '2D');
    expect(lint.output).toMatch(/validates/);
    expect(exported).toContain('Programme 1 &amp; co');
  });

  it('imports it in Éditeurs mode into an empty school: locked, published, and frozen identically', async () => {
    const job = await importAs(target, 'direction@college.demo', exported, 'editeurs');
    expect(job.status).toBe('done');
    expect(job.report.summary.rejected).toBe(0);
    expect(job.report.summary.integrated).toBe(ws.students.length);
    const before = await source.services.database.db.select().from(bilanVersions);
    const after = await target.services.database.db.select().from(bilanVersions);
    expect(after.every((v) => v.source === 'import-editeurs')).toBe(true);
    const byIne = (rows: typeof before) =>
      new Map(rows.map((r) => [(r.content as any).student.ine, comparable(r.content)]));
    expect(byIne(after)).toEqual(byIne(before));
  });

  it('replaces Éditeurs bilans with a new version on a new import, and they cannot be unlocked', async () => {
    const job = await importAs(target, 'direction@college.demo', exported, 'editeurs');
    expect(job.report.summary.integrated).toBe(ws.students.length);
    const versions = await target.services.database.db.select().from(bilanVersions);
    expect(Math.max(...versions.map((v) => v.version))).toBe(2);
    const { studentId, periodId, classId } = versions[0]!;
    const direction = await target.signIn('direction@college.demo');
    const unlock = await target.call(
      'POST',
      `/api/classes/${classId}/periods/${periodId}/students/${studentId}/unlock`,
      direction,
      {
        reason: 'Erreur de saisie',
      },
    );
    expect(unlock.status).toBe(403);
    expect(unlock.body.message).toMatch(/ne peut pas être déverrouillé/);
  });

  it('Sconet-Notes: lands in the live document, then rejects a bilan whose synthèse was typed in the app', async () => {
    const fresh = await createTestApp(engine);
    try {
      const first = await importAs(fresh, 'direction@college.demo', exported, 'sconet-notes');
      expect(first.report.summary).toMatchObject({ integrated: ws.students.length, rejected: 0 });
      const direction = await fresh.signIn('direction@college.demo');
      const klass = (await fresh.call('GET', '/api/classes', direction)).body.find(
        (c: any) => c.label === '4e A',
      );
      const room = await fresh.services.rooms.get(`classes/${klass.id}/periods/${klass.periods[0].id}`);
      const student = ws.students[0];
      const [freshStudent] = await fresh.services.database.db.query.students.findMany({
        where: (s, { and, eq }) => and(eq(s.lastName, student.lastName), eq(s.firstName, student.firstName)),
      });
      expect(getSynthese(room.doc, freshStudent!.id)).toBe(`Synthèse de ${student.firstName}.`);
      // A teacher rewrites the synthèse in the app: the next import must not overwrite it.
      await changeLive(fresh.services, room.name, (doc) =>
        syntheseText(doc, freshStudent!.id).insert(0, 'Revu en conseil. '),
      );
      void fresh.services.rooms.released(room);
      const second = await importAs(fresh, 'direction@college.demo', exported, 'sconet-notes');
      expect(second.report.summary.rejected).toBe(1);
      expect(second.report.students.find((s: any) => s.status === 'rejete').reasons.join()).toMatch(
        /saisie dans Livret/,
      );
    } finally {
      await fresh.close();
    }
  });

  it('a broken file gets a clear French report and writes nothing', async () => {
    const count = async () => (await target.services.database.db.select().from(bilanVersions)).length;
    const before = await count();
    const job = await importAs(
      target,
      'direction@college.demo',
      exported.slice(0, exported.length / 2),
      'editeurs',
    );
    expect(job.status).toBe('failed');
    expect(job.report.fileIssues[0].reason).toMatch(/mal formé/);
    expect(job.report.fileIssues[0].line).toBeGreaterThan(0);
    expect(await count()).toBe(before);
  });

  it('imports the same file saved as windows-1252 with CRLF line ends, or as UTF-16, value for value', async () => {
    const fresh = await createTestApp(engine);
    try {
      const crlf = exported.replace('encoding="UTF-8"', 'encoding="windows-1252"').replace(/\r?\n/g, '\r\n');
      const cp1252 = new Uint8Array(
        execFileSync('iconv', ['-f', 'UTF-8', '-t', 'WINDOWS-1252'], { input: crlf }),
      );
      expect(cp1252.includes(0x92)).toBe(true); // ’ is one byte: the file is really not UTF-8
      const job = await importAs(fresh, 'direction@college.demo', cp1252, 'editeurs');
      expect(job.report.summary).toMatchObject({ integrated: ws.students.length, rejected: 0 });
      const utf16 = new Uint8Array(
        execFileSync('iconv', ['-f', 'UTF-8', '-t', 'UTF-16'], {
          input: exported.replace('encoding="UTF-8"', 'encoding="UTF-16"'),
        }),
      );
      const again = await importAs(fresh, 'direction@college.demo', utf16, 'editeurs');
      expect(again.report.summary).toMatchObject({ integrated: ws.students.length, rejected: 0 });
      const before = await source.services.database.db.select().from(bilanVersions);
      const after = await fresh.services.database.db.select().from(bilanVersions);
      const byIne = (rows: typeof before) =>
        new Map(
          rows
            .filter((r) => r.version === Math.max(...rows.map((v) => v.version)))
            .map((r) => [(r.content as any).student.ine, { ...comparable(r.content), version: 0 }]),
        );
      expect(byIne(after)).toEqual(byIne(before));
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('rejects, naming both identities, a bilan whose id-be is another student’s (swapped identifiers)', async () => {
    const fresh = await createTestApp(engine);
    try {
      const eleves = [
        ...exported.matchAll(/<eleve id="[^"]*" id-be="(\d+)" nom="([^"]*)" prenom="([^"]*)"/g),
      ];
      const [a, b] = eleves;
      // MARTIN Lucas keeps his name but carries the other student's identifier, and the other way round.
      const swapped = exported
        .replace(`id-be="${a![1]}" nom="${a![2]}"`, `id-be="SWAP" nom="${a![2]}"`)
        .replace(`id-be="${b![1]}" nom="${b![2]}"`, `id-be="${a![1]}" nom="${b![2]}"`)
        .replace('id-be="SWAP"', `id-be="${b![1]}"`);
      const job = await importAs(fresh, 'direction@college.demo', swapped, 'editeurs');
      const rejected = job.report.students.filter((s: any) => s.status === 'rejete');
      expect(rejected).toHaveLength(2);
      const reason = rejected.find((s: any) => s.eleve.startsWith(a![2]!.toUpperCase())).reasons.join();
      expect(reason).toMatch(/Identité incohérente/);
      expect(reason).toContain(`${a![2]!.toUpperCase()} ${a![3]}`);
      expect(reason).toContain(`${b![2]!.toUpperCase()} ${b![3]}`);
      expect(job.report.summary.integrated).toBe(ws.students.length - 2);
      const written = await fresh.services.database.db.select().from(bilanVersions);
      const names = written.map((v) => (v.content as any).student.lastName);
      expect(names).not.toContain(a![2]);
      expect(names).not.toContain(b![2]);

      // Accents, case, hyphens and apostrophes are not a different person.
      const respelled = exported.replace(
        `nom="${a![2]}" prenom="${a![3]}"`,
        `nom="${a![2]!.toUpperCase()}" prenom="${a![3]!
          .normalize('NFD')
          .replace(/\p{Diacritic}/gu, '')
          .toLowerCase()}"`,
      );
      const again = await importAs(fresh, 'direction@college.demo', respelled, 'editeurs');
      expect(again.report.summary.rejected).toBe(0);

      // A teacher's id-sts given to another teacher's name rejects the bilans that name them.
      const teachers = [
        ...exported.matchAll(/<enseignant id="[^"]*" type="epp" id-sts="(\d+)"[^>]* nom="([^"]*)"/g),
      ];
      const [t1, t2] = teachers;
      const teacherSwap = exported
        .replace(`id-sts="${t1![1]}"`, 'id-sts="1"')
        .replace(`id-sts="${t2![1]}"`, `id-sts="${t1![1]}"`)
        .replace('id-sts="1"', `id-sts="${t2![1]}"`);
      const third = await importAs(fresh, 'direction@college.demo', teacherSwap, 'editeurs');
      expect(third.report.summary.integrated).toBe(0);
      const teacherReasons = third.report.students.flatMap((s: any) => s.reasons).join('\n');
      expect(teacherReasons).toMatch(/Identité incohérente : le fichier nomme l’enseignant/);
      expect(teacherReasons).toContain(`l’enseignant ${t1![2]!.toUpperCase()}`);
    } finally {
      await fresh.close();
    }
  }, 120_000);

  it('imports a valid text at its exact limit with an emoji, in both modes', async () => {
    // 1000 characters for the official checker (the emoji is one), 1001 UTF-16 code units.
    const synthese = `${'Bravo '.repeat(165)}pile !!! 🎉`;
    const appreciation = `${'é'.repeat(598)}🎉!`;
    expect([...synthese]).toHaveLength(1000);
    const atLimit = exported
      .replace(/<acquis-conseils>[^<]*<\/acquis-conseils>/, `<acquis-conseils>${synthese}</acquis-conseils>`)
      .replace(/<appreciation>[^<]*<\/appreciation>/, `<appreciation>${appreciation}</appreciation>`);
    expect(xmllint(atLimit, '2D').output).toMatch(/validates/);

    const editeurs = await createTestApp(engine);
    const sconet = await createTestApp(engine);
    try {
      const job = await importAs(editeurs, 'direction@college.demo', atLimit, 'editeurs');
      expect(job.report.summary).toMatchObject({ integrated: ws.students.length, rejected: 0 });
      const versions = await editeurs.services.database.db.select().from(bilanVersions);
      const frozen = versions.map((v) => v.content as any).find((c) => c.synthese === synthese);
      expect(frozen?.disciplines.map((d: any) => d.appreciation)).toContain(appreciation);

      const live = await importAs(sconet, 'direction@college.demo', atLimit, 'sconet-notes');
      expect(live.status).toBe('done');
      expect(live.report.summary).toMatchObject({ integrated: ws.students.length, rejected: 0 });
      const direction = await sconet.signIn('direction@college.demo');
      const klass = (await sconet.call('GET', '/api/classes', direction)).body.find(
        (c: any) => c.label === '4e A',
      );
      const room = await sconet.services.rooms.get(`classes/${klass.id}/periods/${klass.periods[0].id}`);
      const students = await sconet.services.database.db.query.students.findMany();
      expect(students.map((s) => getSynthese(room.doc, s.id))).toContain(synthese);
      void sconet.services.rooms.released(room);
    } finally {
      await editeurs.close();
      await sconet.close();
    }
  }, 120_000);

  it('warns about unknown subjects and teachers without a service, and rejects students not enrolled', async () => {
    const fresh = await createTestApp(engine);
    try {
      const altered = exported
        .replace(
          /code="([0-9]{6})" modalite-election="S" libelle="[^"]*"/,
          'code="999999" modalite-election="S" libelle="Astronomie"',
        )
        .replace(/id-be="(\d+)"/, 'id-be="99999999"')
        // EPS as the official sample writes it: the school's own code, the national one beside it.
        .replace(
          'code="100100" modalite-election="S"',
          'code="100A00" code-national="100100" modalite-election="S"',
        )
        .replace(/(<eleve [^>]*?)nom="[^"]*"/, '$1nom="Inconnu"');
      const job = await importAs(fresh, 'direction@college.demo', altered, 'editeurs');
      expect(job.report.warnings.join()).toMatch(
        /Matière inconnue de l’établissement : 999999 \(Astronomie\)/,
      );
      expect(altered).toContain('code="100A00" code-national="100100"');
      expect(job.report.warnings.join()).not.toMatch(/100A00/);
      const eps = (await fresh.services.database.db.select().from(bilanVersions)).map(
        (v) => (v.content as any).disciplines.find((d: any) => d.label === 'EPS')?.code,
      );
      expect(eps.length).toBeGreaterThan(0);
      expect(new Set(eps)).toEqual(new Set(['100100']));
      const rejected = job.report.students.filter((s: any) => s.status === 'rejete');
      expect(rejected).toHaveLength(1);
      expect(rejected[0].reasons.join()).toMatch(/Élève inconnu/);
      // Said once for the file, with how many students it concerns, not repeated on every line.
      const blind = job.report.warnings.filter((w: string) => w.startsWith('Ces enseignants ne peuvent'));
      expect(blind).toHaveLength(1);
      expect(blind[0]).toMatch(new RegExp(`\\(${ws.students.length - 1} élèves\\)\\.$`));
      expect(job.report.students.flatMap((s: any) => s.warnings).join()).not.toMatch(/Ces enseignants/);
      const rows = await fresh.services.database.db.select().from(imports).where(eq(imports.id, job.id));
      expect(rows[0]?.report).toBeTruthy();
    } finally {
      await fresh.close();
    }
  });
});

describe.each(testEngines())('LSU teachers without a first name on %s', (engine) => {
  it('imports an XSD-valid file whose teachers have no prenom (the format makes it optional)', async () => {
    const source = await createTestApp(engine);
    const target = await createTestApp(engine);
    try {
      const direction = await source.signIn('direction@college.demo');
      const classes = (await source.call('GET', '/api/classes', direction)).body;
      const klass = classes.find((c: { label: string }) => c.label === '3e A');
      const ws = (
        await source.call(
          'GET',
          `/api/classes/${klass.id}/periods/${klass.periods[0].id}/workspace`,
          direction,
        )
      ).body;
      const docName = `classes/${ws.class.id}/periods/${ws.period.id}`;
      await changeLive(source.services, docName, (doc) => {
        const [first, second] = ws.disciplines;
        insertProgramElement(doc, first.id, 0, 'Programme');
        for (const s of ws.students.slice(0, 2)) {
          setPositionnement(doc, s.id, first.id, 3);
          setPositionnement(doc, s.id, second.id, 'NE');
          syntheseText(doc, s.id).insert(0, 'Synthèse.');
          setVieScolaireField(doc, s.id, 'nbRetards', 0);
        }
      });
      const ids = ws.students.slice(0, 2).map((s: { id: string }) => s.id);
      const locked = await source.call(
        'POST',
        `/api/classes/${ws.class.id}/periods/${ws.period.id}/lock`,
        direction,
        {
          studentIds: ids,
        },
      );
      expect(locked.body.locked).toHaveLength(2);
      const file = await source.call(
        'GET',
        `/api/exports/lsu?classId=${ws.class.id}&periodId=${ws.period.id}`,
        direction,
      );
      const withoutPrenom = String(file.body).replace(/(<enseignant [^>]*?) prenom="[^"]*"/g, '$1');
      expect(withoutPrenom).not.toMatch(/<enseignant [^>]*prenom=/);
      const job = await importAs(target, 'direction@college.demo', withoutPrenom, 'editeurs');
      expect(job.report.students.filter((s: any) => s.status === 'rejete')).toEqual([]);
      expect(job.report.summary.integrated).toBe(2);
      // Exported again (the export validates its file against the XSD before it leaves).
      const cookie = await target.signIn('direction@college.demo');
      const targetClass = (await target.call('GET', '/api/classes', cookie)).body.find(
        (c: { label: string }) => c.label === '3e A',
      );
      const again = await target.call(
        'GET',
        `/api/exports/lsu?classId=${targetClass.id}&periodId=${targetClass.periods[0].id}`,
        cookie,
      );
      expect(again.status, JSON.stringify(again.body).slice(0, 300)).toBe(200);
    } finally {
      await source.close();
      await target.close();
    }
  }, 120_000);
});

describe.each(testEngines())('LSU import and export of an école on %s', (engine) => {
  let source: TestApp;
  let target: TestApp;

  beforeAll(async () => {
    source = await createTestApp(engine);
    target = await createTestApp(engine);
  }, 60_000);
  afterAll(async () => {
    await source.close();
    await target.close();
  });

  it('round-trips the locked bilans of a double-level class through a 1D file that xmllint validates', async () => {
    const direction = await source.signIn('directeur@ecole.demo');
    const klass = (await source.call('GET', '/api/classes', direction)).body.find(
      (c: any) => c.label === 'CE2-CM1',
    );
    const ws = (
      await source.call('GET', `/api/classes/${klass.id}/periods/${klass.periods[0].id}/workspace`, direction)
    ).body;
    const room = await source.services.rooms.get(`classes/${ws.class.id}/periods/${ws.period.id}`);
    await changeLive(source.services, room.name, (doc) => {
      for (const [j, d] of ws.disciplines.entries())
        insertProgramElement(doc, d.id, 0, `Compétence ${j + 1}`);
      ws.students.forEach((s: any, i: number) => {
        for (const [j, d] of ws.disciplines.entries()) {
          setPositionnement(doc, s.id, d.id, j === 0 ? 'NE' : 1 + ((i + j) % 4));
          appreciationText(doc, s.id, d.id).insert(0, `Observation ${i}-${j}.`);
        }
        syntheseText(doc, s.id).insert(0, `Appréciation générale de ${s.firstName}.`);
      });
    });
    void source.services.rooms.released(room);
    const locked = await source.call(
      'POST',
      `/api/classes/${ws.class.id}/periods/${ws.period.id}/lock`,
      direction,
      {
        studentIds: ws.students.map((s: any) => s.id),
      },
    );
    expect(locked.body.refused).toEqual([]);
    const response = await source.app.request(`/api/exports/lsu?periodId=${ws.period.id}`, {
      headers: { cookie: direction },
    });
    const xml = await response.text();
    expect(response.status).toBe(200);
    expect(xmllint(xml, '1D').output).toMatch(/validates/);

    const cookie = await target.signIn('directeur@ecole.demo');
    const form = new FormData();
    form.set('mode', 'editeurs');
    form.set('file', new File([xml], 'ecole.xml', { type: 'application/xml' }));
    const started = await target.app.request('/api/imports', {
      method: 'POST',
      body: form,
      headers: { cookie },
    });
    expect(started.status).toBe(202);
    const { id } = (await started.json()) as { id: string };
    let job: any;
    for (let i = 0; i < 100; i++) {
      job = (await target.call('GET', `/api/imports/${id}`, cookie)).body;
      if (job.status !== 'running') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job.report.summary).toMatchObject({ integrated: ws.students.length, rejected: 0 });
    const before = await source.services.database.db.select().from(bilanVersions);
    const after = await target.services.database.db.select().from(bilanVersions);
    const byIne = (rows: typeof before) =>
      new Map(rows.map((r) => [(r.content as any).student.ine, comparable(r.content)]));
    expect(byIne(after)).toEqual(byIne(before));
  });

  it('refuses uploads that are not for the direction, or not a usable form, with a French reason', async () => {
    const teacher = await target.signIn('enseignant.ce2cm1@ecole.demo');
    const form = new FormData();
    form.set('mode', 'editeurs');
    form.set('file', new File(['<x/>'], 'x.xml'));
    const forbidden = await target.app.request('/api/imports', {
      method: 'POST',
      body: form,
      headers: { cookie: teacher },
    });
    expect(forbidden.status).toBe(403);
    const cookie = await target.signIn('directeur@ecole.demo');
    const noMode = new FormData();
    noMode.set('file', new File(['<x/>'], 'x.xml'));
    const refused = await target.app.request('/api/imports', {
      method: 'POST',
      body: noMode,
      headers: { cookie },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(/mode d’import/);
    const notXml = new FormData();
    notXml.set('mode', 'sconet-notes');
    notXml.set('file', new File(['nom;prénom\nMartin;Emma'], 'eleves.csv'));
    const started = await target.app.request('/api/imports', {
      method: 'POST',
      body: notXml,
      headers: { cookie },
    });
    const { id } = (await started.json()) as { id: string };
    let job: any;
    for (let i = 0; i < 100 && job?.status !== 'failed'; i++) {
      job = (await target.call('GET', `/api/imports/${id}`, cookie)).body;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(job.status).toBe('failed');
    expect(job.report.fileIssues[0].reason).toBe('Ce fichier n’est pas un fichier XML.');
  });
});
