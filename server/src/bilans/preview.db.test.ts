/**
 * The preview of a bilan before its lock, through the real app and a real room: the live state drafted as the
 * lock would freeze it, printed marked «Aperçu — non verrouillé» (read back with pdftotext), direction only,
 * never cached, and nothing stored.
 */
import { getLock } from '@livret/domain/doc';
import { pdfPages, pdfText } from '@livret/pdf/testing';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bilanVersions, publications } from '../db/schema.js';
import { settle } from '../sync/testing/test-peer.js';
import { createTestApp, type TestApp } from '../testing/app.js';
import { testEngines } from '../testing/database.js';
import { fillComplete, syncPeer } from '../testing/sync-peer.js';
import type { BilanPreview } from './preview.js';

describe.each(testEngines())('bilan preview on %s', (engine) => {
  let t: TestApp;
  let direction: string;
  let maths: string;
  let ws: any;
  let student: { id: string; firstName: string; lastName: string };

  const base = () => `/api/classes/${ws.class.id}/periods/${ws.period.id}/students/${student.id}/preview`;
  const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } });

  beforeAll(async () => {
    t = await createTestApp(engine);
    direction = await t.signIn('direction@college.demo');
    maths = await t.signIn('prof.maths@college.demo');
    const classes = (await t.call('GET', '/api/classes', direction)).body;
    const klass = classes.find((c: { label: string }) => c.label === '3e A');
    ws = (await t.call('GET', `/api/classes/${klass.id}/periods/${klass.periods[0].id}/workspace`, direction))
      .body;
    student = ws.students[4];
  });
  afterAll(async () => t.close());

  it('drafts an empty bilan as incomplete, with the lock’s reasons, never cached', async () => {
    const response = await get(base(), direction);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const preview = (await response.json()) as BilanPreview;
    expect(preview.locked).toBe(false);
    expect(preview.content.student.id).toBe(student.id);
    expect(preview.content.version).toBe(1);
    expect(preview.reasons.join(' ')).toMatch(/synthèse/);
    const lock = await t.call('POST', `/api/classes/${ws.class.id}/periods/${ws.period.id}/lock`, direction, {
      studentIds: [student.id],
    });
    expect(lock.body.refused[0].reasons).toEqual(preview.reasons);
  });

  it('only the direction previews', async () => {
    expect((await get(base(), maths)).status).toBe(403);
    expect((await get(`${base()}/pdf`, maths)).status).toBe(403);
    const stranger = `/api/classes/${ws.class.id}/periods/${ws.period.id}/students/${ws.class.id}/preview`;
    expect((await get(stranger, direction)).status).toBe(404);
  });

  it('prints the live state as a draft and stores nothing; the lock then freezes the same content', async () => {
    const fill = await syncPeer(t, direction, ws.docName);
    fillComplete(fill.doc, ws.disciplines, student.id, {
      appreciation: 'Bon travail en classe.',
      synthese: 'Un trimestre sérieux, à poursuivre.',
    });
    await settle([fill]);
    expect(fill.refusals).toEqual([]);

    const preview = (await (await get(base(), direction)).json()) as BilanPreview;
    expect(preview.reasons).toEqual([]);
    expect(preview.content.synthese).toBe('Un trimestre sérieux, à poursuivre.');

    const response = await get(`${base()}/pdf`, direction);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('content-disposition')).toMatch(/^inline; filename="apercu-.+\.pdf"$/);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = pdfText(bytes);
    expect(text).toContain(`${student.firstName} ${student.lastName.toUpperCase()}`);
    expect(text).toContain('Un trimestre sérieux, à poursuivre.');
    expect(text).not.toContain('empreinte SHA-256');
    for (const page of pdfPages(bytes)) expect(page).toContain('Aperçu — non verrouillé : ne vaut pas bilan');

    // Nothing was stored by either preview: no version, no publication, no lock mark.
    const db = t.services.database.db;
    expect(await db.select().from(bilanVersions).where(eq(bilanVersions.studentId, student.id))).toEqual([]);
    expect(await db.select().from(publications)).toEqual([]);
    expect(getLock(fill.doc, student.id)).toBeNull();

    const lock = await t.call('POST', `/api/classes/${ws.class.id}/periods/${ws.period.id}/lock`, direction, {
      studentIds: [student.id],
    });
    expect(lock.body.locked).toHaveLength(1);
    const [stored] = await db.select().from(bilanVersions).where(eq(bilanVersions.studentId, student.id));
    // The clock is fixed in tests: what the preview showed is exactly what the lock froze.
    expect(stored!.content).toEqual(preview.content);
  });
});
