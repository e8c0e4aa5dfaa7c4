/** Change notification for user interfaces: one callback for any change of the document. */
import type * as Y from 'yjs';

/**
 * Calls `callback` after every transaction that changed the document, local or remote (empty transactions
 * are skipped). `origin` is the transaction's origin (e.g. the provider for remote updates). Returns the
 * function that stops observing.
 * @example const stop = observeClassDoc(doc, () => version++); // in a Svelte rune class; stop() on destroy
 */
export function observeClassDoc(doc: Y.Doc, callback: (origin: unknown, local: boolean) => void): () => void {
  const handler = (transaction: Y.Transaction) => {
    if (transaction.changed.size === 0) return;
    callback(transaction.origin, transaction.local);
  };
  doc.on('afterTransaction', handler);
  return () => doc.off('afterTransaction', handler);
}
