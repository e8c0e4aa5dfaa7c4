/** Length limits of the LSU (domain reference §4), enforced by the document helpers and the server. */
export const limits = {
  programElement: 300,
  appreciation: 600,
  synthese2D: 1000,
  synthese1D: 1500,
  vieScolaireCommentaire: 600,
  vieScolaireCount: 999,
} as const;

/** Thrown by a helper given a value the LSU does not allow. */
export class InvalidValueError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidValueError';
  }
}
