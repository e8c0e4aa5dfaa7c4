/** Who is acting: an account with its roles, loaded once per request or sync connection. */
import { personName, type StaffRole } from '@livret/domain';
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts, schools, staffRoles } from '../db/schema.js';

export interface Actor {
  accountId: string;
  login: string;
  kind: 'staff' | 'family';
  civilite: string | null;
  firstName: string;
  lastName: string;
  roles: { schoolId: string; schoolName: string; role: StaffRole }[];
}

/** «Prénom NOM», as the UI and presence show people (the domain's rule). */
export function displayName(actor: Pick<Actor, 'firstName' | 'lastName'>): string {
  return personName(actor);
}

/** Loads an account and its staff roles; undefined if the account does not exist. */
export async function loadActor(db: Db, accountId: string): Promise<Actor | undefined> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, accountId));
  if (!account) return undefined;
  const roles = await db
    .select({ schoolId: staffRoles.schoolId, schoolName: schools.name, role: staffRoles.role })
    .from(staffRoles)
    .innerJoin(schools, eq(schools.id, staffRoles.schoolId))
    .where(eq(staffRoles.accountId, accountId));
  return {
    accountId: account.id,
    login: account.login,
    kind: account.kind as Actor['kind'],
    civilite: account.civilite,
    firstName: account.firstName,
    lastName: account.lastName,
    roles: roles.map((r) => ({ ...r, role: r.role as StaffRole })),
  };
}
