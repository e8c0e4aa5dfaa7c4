/** Program element suggestions for each discipline of a class (from the domain's «aide à la saisie»). */
import { type Niveau, niveaux, suggestionsFor } from '@livret/domain';
import type { ClassContext } from './context.js';

export function suggestionsOf(context: ClassContext): Record<string, string[]> {
  const classNiveaux = context.class.niveaux.filter((n): n is Niveau =>
    (niveaux as readonly string[]).includes(n),
  );
  return Object.fromEntries(
    context.disciplines.map((d) => [
      d.id,
      [...new Set(classNiveaux.flatMap((niveau) => suggestionsFor({ niveau, disciplineKey: d.code })))],
    ]),
  );
}
