/**
 * The slice of pdfmake's document definition that the layouts use. pdfmake 0.3 has no typings of its own; these
 * types keep the layouts honest about the shapes they build without pretending to cover all of pdfmake.
 */

/** A node of pdfmake content: text, a stack, a table, columns, a section… */
export type Content = string | ContentNode | Content[];

/** A pdfmake content node (an object with `text`, `stack`, `table`, `columns`, `section`, `ul`…). */
export interface ContentNode {
  [key: string]: unknown;
}

/** A footer (or header) function: pdfmake calls it for each page with the page number and the page count. */
export type PageFunction = (currentPage: number, pageCount: number) => Content | null;

/** PDF metadata (the document's Info dictionary); custom keys are written as they are. */
export interface DocumentInfo {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer: string;
  creationDate: Date;
  modDate: Date;
  [custom: string]: string | Date;
}

/** A whole pdfmake document definition. */
export interface DocumentDefinition {
  info: DocumentInfo;
  pageSize: 'A4';
  pageMargins: [number, number, number, number];
  content: Content;
  styles: Record<string, ContentNode>;
  defaultStyle: ContentNode;
  footer?: PageFunction;
  /** Text drawn across every page (a preview's «Aperçu — non verrouillé»). */
  watermark?: ContentNode;
}
