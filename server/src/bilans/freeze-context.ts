/** What freeze needs besides the document, for one student of a class context. */
import type { FreezeContext } from '@livret/domain';
import type { ClassContext } from '../classes/context.js';

export function freezeContextOf(
  context: ClassContext,
  student: ClassContext['students'][number],
): Omit<FreezeContext, 'frozenAt' | 'frozenBy' | 'version'> {
  return {
    school: {
      uai: context.school.uai,
      name: context.school.name,
      kind: context.school.kind,
      academie: context.school.academie,
    },
    millesime: context.millesime,
    class: context.class,
    period: context.period,
    student,
    positioning: context.settings.positioning,
    disciplines: context.disciplines,
  };
}
