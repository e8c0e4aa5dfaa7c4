/**
 * The first installation on an empty PostgreSQL (no demo there): the server prints a one-time setup code at
 * start; whoever types it on «Première installation» creates the school and its direction account. Only the
 * code's SHA-256 is stored; it expires after `SETUP_CODE_HOURS` and works once. Once an account exists, no code
 * is made and the route refuses.
 */
import { createHash } from 'node:crypto';
import { and, count, eq, gt, isNull } from 'drizzle-orm';
import { recordAudit } from '../audit/record.js';
import { hashPassword, passwordProblem, temporaryPassword } from '../auth/password.js';
import type { Db } from '../db/client.js';
import { accounts, schools, setupCodes, staffRoles } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { InstallInput } from './schemas.js';

export const SETUP_CODE_HOURS = 24;

const digest = (code: string) => createHash('sha256').update(code).digest('hex');

/** True while the database has no account at all (a first installation is possible). */
export async function setupNeeded(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(accounts);
  return (row?.n ?? 0) === 0;
}

/**
 * A new setup code when the database has no account (the earlier unused ones stop working), else undefined.
 * The caller prints it: it is never stored in clear.
 */
export async function issueSetupCode(db: Db, now: Date): Promise<string | undefined> {
  if (!(await setupNeeded(db))) return undefined;
  const code = temporaryPassword();
  await db.transaction(async (tx) => {
    await tx.delete(setupCodes).where(isNull(setupCodes.usedAt));
    await tx.insert(setupCodes).values({
      codeHash: digest(code),
      createdAt: now,
      expiresAt: new Date(now.getTime() + SETUP_CODE_HOURS * 3_600_000),
    });
  });
  return code;
}

/** Creates the school and its head's direction account with a valid setup code, in one transaction. */
export async function installFirstSchool(
  db: Db,
  input: InstallInput,
  now: Date,
): Promise<{ schoolId: string; accountId: string }> {
  const problem = passwordProblem(input.head.password, input.head.login);
  if (problem) throw new AppError('invalid', problem);
  const passwordHash = await hashPassword(input.head.password);
  return db.transaction(async (tx) => {
    // FOR UPDATE: two installs racing with one code are serialised, and the second finds it used.
    const [code] = await tx
      .select({ id: setupCodes.id })
      .from(setupCodes)
      .where(
        and(
          eq(setupCodes.codeHash, digest(input.code)),
          isNull(setupCodes.usedAt),
          gt(setupCodes.expiresAt, now),
        ),
      )
      .for('update');
    if (!code) {
      throw new AppError('forbidden', 'Code d’installation invalide, expiré ou déjà utilisé.');
    }
    const [existing] = await tx.select({ n: count() }).from(accounts);
    if ((existing?.n ?? 0) > 0) throw new AppError('conflict', 'Livret est déjà installé.');
    const [school] = await tx
      .insert(schools)
      .values({
        uai: input.school.uai,
        name: input.school.name,
        kind: input.school.kind === 'ecole' ? '1D' : '2D',
        academie: input.school.academie,
        city: input.school.city || null,
      })
      .returning({ id: schools.id });
    const { login, civilite, firstName, lastName } = input.head;
    const [account] = await tx
      .insert(accounts)
      .values({ login, passwordHash, kind: 'staff', civilite, firstName, lastName })
      .returning({ id: accounts.id });
    await tx.insert(staffRoles).values({ accountId: account!.id, schoolId: school!.id, role: 'direction' });
    await tx.update(setupCodes).set({ usedAt: now }).where(eq(setupCodes.id, code.id));
    await recordAudit(tx, now, {
      action: 'setup.install',
      actorId: account!.id,
      subject: school!.id,
      schoolId: school!.id,
      details: { uai: input.school.uai, login },
    });
    return { schoolId: school!.id, accountId: account!.id };
  });
}
