/**
 * The synthèse of a student: 1D «Appréciation générale sur la progression de l'élève» (≤1500), 2D «Synthèse de
 * l'évolution des acquis scolaires et conseils pour progresser» (≤1000). One root Y.Text per student.
 */
import type * as Y from 'yjs';
import { roots } from './cells.js';
import { syntheseLimit } from './limits.js';
import { replaceText } from './text-edit.js';

/** The live text of the synthèse / appréciation générale of a student. */
export function syntheseText(doc: Y.Doc, studentId: string): Y.Text {
  return doc.getText(roots.synthese(studentId));
}

/** The synthèse as a string ('' when none). */
export function getSynthese(doc: Y.Doc, studentId: string): string {
  return syntheseText(doc, studentId).toString();
}

/**
 * Replaces the synthèse (minimal edit). Throws `InvalidValueError` past the school's limit (1500 in 1D,
 * 1000 in 2D).
 * @example setSynthese(doc, studentId, 'Bon trimestre.', '2D')
 */
export function setSynthese(doc: Y.Doc, studentId: string, value: string, kind: '1D' | '2D'): void {
  const what = kind === '1D' ? 'L’appréciation générale' : 'La synthèse';
  replaceText(syntheseText(doc, studentId), value, syntheseLimit(kind), what);
}
