/**
 * The free texts of a bilan, as Y.Text so that two people typing in the same text merge character by
 * character: the appreciation of a student in a discipline (≤600) and the synthèse (≤1000 in 2D, ≤1500 in 1D).
 */
import type * as Y from 'yjs';
import { roots } from './cells.js';

/** The appreciation of a student in a discipline. */
export function appreciationText(doc: Y.Doc, studentId: string, disciplineId: string): Y.Text {
  return doc.getText(roots.appreciation(studentId, disciplineId));
}

/** The appréciation générale (1D) / synthèse de l'évolution des acquis (2D) of a student. */
export function syntheseText(doc: Y.Doc, studentId: string): Y.Text {
  return doc.getText(roots.synthese(studentId));
}
