/** A problem found in an LSU file, with where it is and why, in French for users. */
export interface LsuIssue {
  /** Element path, e.g. `lsun-bilans/donnees/eleves/eleve[3]`, or `fichier` for the file as a whole. */
  element: string;
  /** 1-based line, when known. */
  line?: number;
  reason: string;
}

/** Formats an issue for a report line. */
export function formatIssue(issue: LsuIssue): string {
  return `${issue.element}${issue.line ? ` (ligne ${issue.line})` : ''} : ${issue.reason}`;
}
