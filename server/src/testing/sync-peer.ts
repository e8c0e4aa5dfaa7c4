/**
 * Live-document helpers of the database tests: a peer connected to a room with a real session (the sync
 * endpoint's own authentication), and a bilan filled so that it is complete.
 */
import type { IncomingMessage } from 'node:http';
import {
  appreciationText,
  insertProgramElement,
  setPositionnement,
  setVieScolaireField,
  syntheseText,
} from '@livret/domain/doc';
import type * as Y from 'yjs';
import { authenticateSync } from '../access/sync-session.js';
import { settle, TestPeer } from '../sync/testing/test-peer.js';
import type { TestApp } from './app.js';

/** A peer on `docName` as the account of `cookie`, synced. */
export async function syncPeer(t: TestApp, cookie: string, docName: string): Promise<TestPeer> {
  const auth = await authenticateSync(t.services, { headers: { cookie } } as IncomingMessage, docName);
  if (!auth.ok) throw new Error(auth.message);
  const peer = new TestPeer(await t.services.rooms.get(docName), auth.session);
  await settle([peer]);
  return peer;
}

/** Writes, in one transaction, what makes a collège bilan complete (elements, levels, texts, vie scolaire). */
export function fillComplete(
  doc: Y.Doc,
  disciplines: { id: string; label: string }[],
  studentId: string,
  texts: { appreciation: string; synthese: string },
): void {
  doc.transact(() => {
    for (const d of disciplines) {
      insertProgramElement(doc, d.id, 0, `Programme de ${d.label}`);
      setPositionnement(doc, studentId, d.id, 3);
    }
    appreciationText(doc, studentId, disciplines[0]!.id).insert(0, texts.appreciation);
    syntheseText(doc, studentId).insert(0, texts.synthese);
    setVieScolaireField(doc, studentId, 'nbRetards', 0);
  });
}
