/** Tests fill a class document as the server would: one stored, broadcast change (sync/live-documents.ts). */
import type * as Y from 'yjs';
import type { Services } from '../env.js';
import { withLiveDocuments } from '../sync/live-documents.js';

/** Makes `change` on the live document `docName`, stores it and broadcasts it. */
export async function changeLive(services: Services, docName: string, change: (doc: Y.Doc) => void) {
  await withLiveDocuments(services, [docName], async (live) => {
    live.change(docName, change);
    await services.database.db.transaction((tx) => live.store(tx));
  });
}
