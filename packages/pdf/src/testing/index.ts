/** `@livret/pdf/testing`: frozen bilans to print, and poppler's reading of a rendered PDF. */
export * from './fixtures.js';
export { pdfFonts, pdfInfo, pdfPages, pdfText } from './pdf-text.js';
