/**
 * `@livret/pdf`: the official layouts of the LSU bilans (bilan périodique of an école or a collège, bilan de fin
 * de cycle) as pdfmake documents, built from frozen bilans only, and their rendering to PDF bytes with the fonts
 * shipped in this package. Pure but for reading those fonts.
 */
export type { Content, ContentNode, DocumentDefinition, DocumentInfo } from './definition.js';
export {
  type BatchInfo,
  bilanDocument,
  bilanFileName,
  bilansDocument,
  DRAFT_MENTION,
  type FrozenBilan,
  type PrintableBilan,
  parseFrozenBilan,
} from './document.js';
export { FONT_FAMILY, FONT_FILES, fontsDirectory, loadFontFiles } from './fonts.js';
export { finDeCycleLabels, periodiqueLabels } from './labels.js';
export { bilanPeriodiqueContent } from './layouts/bilan-periodique.js';
export { bilanFinCycleContent } from './layouts/fin-de-cycle.js';
export { type MergeInfo, mergePdfs } from './merge.js';
export { type RenderOptions, renderPdf } from './render.js';
