/** Sign-in and the change of one's own password. */
import { eq } from 'drizzle-orm';
import { recordAudit, recordAuditForAccount } from '../audit/record.js';
import type { Db } from '../db/client.js';
import { accounts } from '../db/schema.js';
import { AppError } from '../errors.js';
import { hashPassword, passwordProblem, verifyPassword } from './password.js';
import { loginWait, recordFailure, recordSuccess } from './rate-limit.js';
import { closeAccountSessions, openSession } from './sessions.js';

const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

let dummy: Promise<string> | undefined;
function dummyHash(): Promise<string> {
  dummy ??= hashPassword('livret: no such account');
  return dummy;
}

/** Checks credentials and opens a session; the same answer for an unknown login and a wrong password. */
export async function signIn(
  db: Db,
  input: { login: string; password: string; address: string },
  now: Date,
): Promise<{ token: string; accountId: string }> {
  const login = input.login.trim().toLowerCase();
  const wait = await loginWait(db, login, input.address, now);
  if (wait > 0) {
    const minutes = Math.ceil(wait / 60);
    throw new AppError(
      'rate_limited',
      `Trop de tentatives de connexion. Réessayez dans ${minutes} minute${minutes > 1 ? 's' : ''}.`,
      { retryAfter: wait },
    );
  }
  const [account] = await db.select().from(accounts).where(eq(accounts.login, login));
  // An unknown login costs the same argon2 work as a known one, so timing does not tell which logins exist.
  const ok = await verifyPassword(account?.passwordHash ?? (await dummyHash()), input.password).then(
    (matches) => matches && Boolean(account?.passwordHash),
  );
  const trace = { subject: login, details: { login, address: input.address } };
  if (!account || !ok) {
    await recordFailure(db, login, input.address, now);
    if (account)
      await recordAuditForAccount(db, now, account.id, { action: 'auth.sign-in-failed', ...trace });
    else await recordAudit(db, now, { action: 'auth.sign-in-failed', ...trace });
    throw new AppError('unauthorized', BAD_CREDENTIALS);
  }
  await recordSuccess(db, login, input.address, now);
  const token = await openSession(db, account.id, now);
  await recordAuditForAccount(db, now, account.id, { action: 'auth.sign-in', actorId: account.id, ...trace });
  return { token, accountId: account.id };
}

/**
 * Changes the actor's own password (the current one is asked again), clears a reset's «must change», and closes
 * every other session of the account. Returns the keys of the closed sessions, to close their sockets too.
 */
export async function changePassword(
  db: Db,
  input: { accountId: string; sessionKey: string; current: string; next: string },
  now: Date,
): Promise<string[]> {
  const [account] = await db.select().from(accounts).where(eq(accounts.id, input.accountId));
  if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.current))) {
    throw new AppError('invalid', 'Le mot de passe actuel est incorrect.');
  }
  const problem = passwordProblem(input.next, account.login);
  if (problem) throw new AppError('invalid', problem);
  if (input.next === input.current)
    throw new AppError('invalid', 'Le nouveau mot de passe doit être différent de l’actuel.');
  const passwordHash = await hashPassword(input.next);
  return db.transaction(async (tx) => {
    await tx
      .update(accounts)
      .set({ passwordHash, mustChangePassword: false })
      .where(eq(accounts.id, account.id));
    const closed = await closeAccountSessions(tx, account.id, input.sessionKey);
    await recordAuditForAccount(tx, now, account.id, {
      action: 'account.password-change',
      actorId: account.id,
      subject: account.id,
      details: { closedSessions: closed.length },
    });
    return closed;
  });
}
