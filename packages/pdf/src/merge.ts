/**
 * One PDF from several: the parts of a large édition are rendered in parallel (a worker per core), then their pages
 * are copied, in order, into one file. Its metadata is set here, with fixed dates, so the same parts give the same
 * bytes. Each part embeds its own font subsets: a few parts cost a few tens of kilobytes.
 */
import { PDFDocument } from 'pdf-lib';
import type { BatchInfo } from './document.js';

/** What the merged file says of itself; `date` is its creation and modification date. */
export interface MergeInfo extends BatchInfo {
  date: Date;
}

/**
 * Merges PDF files, pages in order.
 * @example const bytes = await mergePdfs([first, second], { title: 'Bilans — 3e A', author: school, date });
 */
export async function mergePdfs(parts: readonly Uint8Array[], info: MergeInfo): Promise<Uint8Array> {
  const merged = await PDFDocument.create({ updateMetadata: false });
  for (const part of parts) {
    const source = await PDFDocument.load(part, { updateMetadata: false });
    const pages = await merged.copyPages(source, source.getPageIndices());
    for (const page of pages) merged.addPage(page);
  }
  merged.setTitle(info.title);
  merged.setAuthor(info.author);
  merged.setSubject(`${merged.getPageCount()} pages`);
  merged.setKeywords(['LSU', 'livret scolaire']);
  merged.setCreator('Livret');
  merged.setProducer('Livret');
  merged.setCreationDate(info.date);
  merged.setModificationDate(info.date);
  return merged.save({ useObjectStreams: true });
}
