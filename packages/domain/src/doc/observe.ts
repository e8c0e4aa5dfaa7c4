/** Change notification for user interfaces: one callback for any change of the document. */
import type * as Y from 'yjs';

/**
 * Calls `callback` after every transaction that changed the document (local or remote).
 * Returns the function that stops observing.
 */
export function observeClassDoc(doc: Y.Doc, callback: (origin: unknown, local: boolean) => void): () => void {
  const handler = (transaction: Y.Transaction) => callback(transaction.origin, transaction.local);
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}
