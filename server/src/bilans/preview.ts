/**
 * A look at a bilan before locking it: the student's part of the live document frozen as the lock would freeze it
 * now (same context, signatories, dates and next version number), but stored nowhere, validated by nothing, and
 * printed as a draft («Aperçu — non verrouillé»). The direction checks what the family would receive.
 */
import { completenessReasons, draftBilan, type FrozenBilanPeriodique, parisDay } from '@livret/domain';
import { classDocName, getLock } from '@livret/domain/doc';
import { bilanDocument, bilanFileName, renderPdf } from '@livret/pdf';
import { and, eq, max } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { displayName } from '../access/actor.js';
import { requireClassScope } from '../access/class-scope.js';
import { loadClassContext } from '../classes/context.js';
import { bilanVersions } from '../db/schema.js';
import type { Services } from '../env.js';
import { forbidden, notFound } from '../errors.js';
import { freezeContextOf, signatoriesOf } from './freeze-context.js';

export interface BilanPreview {
  /** The bilan as the lock would freeze it now (not validated: an incomplete one shows what is missing). */
  content: FrozenBilanPeriodique;
  /** Why the lock would refuse it (empty when complete), the rule the lock applies. */
  reasons: string[];
  /** True when the student is locked already (the preview then shows the live state, which is the locked one). */
  locked: boolean;
}

/** The draft of a student's bilan for a period, from the live document (direction only). */
export async function previewBilan(
  services: Services,
  actor: Actor,
  input: { classId: string; periodId: string; studentId: string },
): Promise<BilanPreview> {
  const db = services.database.db;
  const scope = await requireClassScope(db, actor, input.classId);
  if (!scope.roles.includes('direction'))
    throw forbidden('Seul le chef d’établissement ou le directeur peut prévisualiser un bilan.');
  const context = await loadClassContext(db, input.classId, input.periodId);
  const student = context.students.find((s) => s.id === input.studentId);
  if (!student) throw notFound('Élève introuvable dans cette classe.');

  const [last] = await db
    .select({ version: max(bilanVersions.version) })
    .from(bilanVersions)
    .where(
      and(
        eq(bilanVersions.studentId, student.id),
        eq(bilanVersions.periodId, context.period.id),
        eq(bilanVersions.kind, 'periodique'),
      ),
    );
  const communication = await signatoriesOf(db, context);
  const now = services.now();

  const room = await services.rooms.get(classDocName(input.classId, input.periodId));
  try {
    // Synchronous from here: the room's document is read in one go, as the lock reads it.
    const lock = getLock(room.doc, student.id);
    const content = draftBilan(room.doc, {
      ...freezeContextOf(context, student),
      // As the lock dates them (lock.ts): the conseil on the day, the schooling from the period's start.
      dateConseil: parisDay(now),
      dateScolarite: context.period.startsOn,
      communication,
      frozenAt: now.toISOString(),
      frozenBy: { id: actor.accountId, name: displayName(actor) },
      version: lock ? lock.version : (last?.version ?? 0) + 1,
    });
    return { content, reasons: lock ? [] : completenessReasons(content), locked: lock !== null };
  } finally {
    void services.rooms.released(room);
  }
}

/** The draft printed in the official layout, marked «Aperçu — non verrouillé» on every page. */
export async function previewBilanPdf(
  services: Services,
  actor: Actor,
  input: { classId: string; periodId: string; studentId: string },
): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { content } = await previewBilan(services, actor, input);
  // No hash: a draft is no version; the layout prints the draft mention instead.
  const bytes = await renderPdf(bilanDocument({ bilan: content, hash: '', draft: true }));
  return { bytes, fileName: `apercu-${bilanFileName(content)}` };
}
