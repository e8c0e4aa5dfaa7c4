/**
 * Accounts of a school, as its direction manages them: the list (staff and families) and the password reset,
 * which gives a temporary password shown once and ends every session of the account.
 */
import { asc, eq, inArray } from 'drizzle-orm';
import type { Actor } from '../access/actor.js';
import { isUuid } from '../access/class-scope.js';
import { recordAudit, schoolsOfAccount } from '../audit/record.js';
import { hashPassword, temporaryPassword } from '../auth/password.js';
import { closeAccountSessions } from '../auth/sessions.js';
import type { Db } from '../db/client.js';
import { accounts, guardianLinks, staffRoles, students } from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';

/** The school the actor directs (the first, for a head of several). */
export function directionSchoolOf(actor: Actor): string {
  const role = actor.roles.find((r) => r.role === 'direction');
  if (!role) throw forbidden('Réservé à la direction de l’établissement.');
  return role.schoolId;
}

export interface SchoolAccount {
  id: string;
  login: string;
  kind: 'staff' | 'family';
  civilite: string | null;
  firstName: string;
  lastName: string;
  /** Staff roles in this school; empty for a family. */
  roles: string[];
  canSignIn: boolean;
  mustChangePassword: boolean;
}

/** The accounts of the actor's school: its staff, then the families of its students, by name. */
export async function listSchoolAccounts(db: Db, actor: Actor): Promise<SchoolAccount[]> {
  const schoolId = directionSchoolOf(actor);
  const staff = await db
    .select({ accountId: staffRoles.accountId, role: staffRoles.role })
    .from(staffRoles)
    .where(eq(staffRoles.schoolId, schoolId));
  const families = await db
    .selectDistinct({ accountId: guardianLinks.accountId })
    .from(guardianLinks)
    .innerJoin(students, eq(students.id, guardianLinks.studentId))
    .where(eq(students.schoolId, schoolId));
  const ids = [...new Set([...staff, ...families].map((r) => r.accountId))];
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(accounts)
    .where(inArray(accounts.id, ids))
    .orderBy(asc(accounts.lastName), asc(accounts.firstName));
  return rows
    .map((a) => ({
      id: a.id,
      login: a.login,
      kind: a.kind as SchoolAccount['kind'],
      civilite: a.civilite,
      firstName: a.firstName,
      lastName: a.lastName,
      roles: staff.filter((s) => s.accountId === a.id).map((s) => s.role),
      canSignIn: a.passwordHash !== null,
      mustChangePassword: a.mustChangePassword,
    }))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'staff' ? -1 : 1));
}

/**
 * Resets the password of an account of the actor's school: a temporary password, to change at the next sign-in;
 * every session of the account ends. Returns the password (shown once, never stored in clear) and the keys of the
 * ended sessions, to close their sockets.
 */
export async function resetPassword(
  db: Db,
  actor: Actor,
  accountId: string,
  now: Date,
): Promise<{ temporaryPassword: string; closedSessions: string[] }> {
  const schoolId = directionSchoolOf(actor);
  if (!isUuid(accountId) || !(await schoolsOfAccount(db, accountId)).includes(schoolId)) {
    throw notFound('Compte introuvable.');
  }
  if (accountId === actor.accountId) {
    throw forbidden('Pour votre propre compte, utilisez «Changer mon mot de passe».');
  }
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const closedSessions = await db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ passwordHash, mustChangePassword: true })
      .where(eq(accounts.id, accountId));
    const closed = await closeAccountSessions(tx, accountId);
    await recordAudit(tx, now, {
      action: 'account.password-reset',
      actorId: actor.accountId,
      subject: accountId,
      schoolId,
      details: { closedSessions: closed.length },
    });
    return closed;
  });
  return { temporaryPassword: password, closedSessions };
}
