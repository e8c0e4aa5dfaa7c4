/**
 * Length and value limits of the LSU (domain reference §4; `Chaine300`/`Chaine600`/`Chaine1000`/`Chaine1500`
 * and `ValeurVieScolaire` of the official XSD), enforced by the document helpers, the frozen schemas and the
 * server.
 */
export const limits = {
  /** One «élément du programme travaillé». */
  programElement: 300,
  /** «Acquisitions, progrès et difficultés éventuelles». */
  appreciation: 600,
  /** 2D «Synthèse de l'évolution des acquis scolaires et conseils pour progresser». */
  synthese2D: 1000,
  /** 1D «Appréciation générale sur la progression de l'élève». */
  synthese1D: 1500,
  /** Comment of the vie scolaire. */
  vieScolaireCommentaire: 600,
  /** Each count of the vie scolaire (retards, absences, heures manquées). */
  vieScolaireCount: 999,
} as const;

/** Why a helper refused a value. */
export type InvalidValueCode = 'too-long' | 'empty' | 'out-of-range' | 'not-allowed';

/**
 * Thrown by a document helper given a value the LSU does not allow. Helpers THROW rather than clamp: a
 * silently shortened appreciation would lose what the teacher typed without telling them. The only clamping
 * helper is `insertWithinLimit`, meant for keystrokes.
 * @example try { setAppreciation(doc, s, d, text) } catch (e) { if (e instanceof InvalidValueError) show(e.message) }
 */
export class InvalidValueError extends Error {
  /** Machine-readable reason. */
  readonly code: InvalidValueCode;
  constructor(message: string, code: InvalidValueCode = 'not-allowed') {
    super(message);
    this.name = 'InvalidValueError';
    this.code = code;
  }
}

/** The synthèse limit of a school: 1500 in an école (1D), 1000 in a collège (2D). */
export function syntheseLimit(kind: '1D' | '2D'): number {
  return kind === '1D' ? limits.synthese1D : limits.synthese2D;
}

/**
 * The length of a text as the LSU counts it: in characters (Unicode code points), like the official checker,
 * not in UTF-16 code units (an emoji is one character, not two).
 * @example textLength('Bravo 🎉') // 7
 */
export function textLength(text: string): number {
  let surrogatePairs = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        surrogatePairs++;
        i++;
      }
    }
  }
  return text.length - surrogatePairs;
}
