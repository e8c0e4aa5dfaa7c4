/** What freeze needs besides the document, for one student of a class context. */
import type { FreezeContext, Person } from '@livret/domain';
import { and, asc, eq } from 'drizzle-orm';
import type { ClassContext } from '../classes/context.js';
import type { Db } from '../db/client.js';
import { accounts, classPrincipals, staffRoles } from '../db/schema.js';

const personOf = (a: { civilite: string | null; lastName: string; firstName: string }): Person => ({
  civilite: a.civilite === 'M.' || a.civilite === 'Mme' ? a.civilite : null,
  lastName: a.lastName,
  firstName: a.firstName,
});

/**
 * Who signs the bilans of a class («Communication avec la famille»): the head of the school, the professeurs
 * principaux (2D) and, in an école, the class's teachers («Visa de l'enseignant(e)»).
 */
export async function signatoriesOf(db: Db, context: ClassContext): Promise<FreezeContext['communication']> {
  const [head] = await db
    .select({ civilite: accounts.civilite, lastName: accounts.lastName, firstName: accounts.firstName })
    .from(staffRoles)
    .innerJoin(accounts, eq(accounts.id, staffRoles.accountId))
    .where(and(eq(staffRoles.schoolId, context.school.id), eq(staffRoles.role, 'direction')))
    .orderBy(asc(accounts.lastName), asc(accounts.firstName))
    .limit(1);
  const principals = await db
    .select({ civilite: accounts.civilite, lastName: accounts.lastName, firstName: accounts.firstName })
    .from(classPrincipals)
    .innerJoin(accounts, eq(accounts.id, classPrincipals.accountId))
    .where(eq(classPrincipals.classId, context.class.id))
    .orderBy(asc(accounts.lastName));
  const teachers = new Map(context.disciplines.flatMap((d) => d.teachers.map((t) => [t.id, t] as const)));
  return {
    responsableEtablissement: head ? personOf(head) : null,
    professeursPrincipaux: context.school.kind === '2D' ? principals.map(personOf) : [],
    enseignants: context.school.kind === '1D' ? [...teachers.values()].map(personOf) : [],
  };
}

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
