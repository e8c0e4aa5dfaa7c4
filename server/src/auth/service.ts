/** Sign-in and sign-out. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts } from '../db/schema.js';
import { AppError } from '../errors.js';
import { verifyPassword } from './password.js';
import { isRateLimited, recordFailure } from './rate-limit.js';
import { openSession } from './sessions.js';

const BAD_CREDENTIALS = 'Identifiant ou mot de passe incorrect.';

/** Checks credentials and opens a session; the same answer for an unknown login and a wrong password. */
export async function signIn(
  db: Db,
  input: { login: string; password: string; address: string },
  now: Date,
): Promise<{ token: string; accountId: string }> {
  const login = input.login.trim().toLowerCase();
  if (await isRateLimited(db, login, input.address, now)) {
    throw new AppError('rate_limited', 'Trop de tentatives de connexion. Réessayez dans quelques minutes.');
  }
  const [account] = await db.select().from(accounts).where(eq(accounts.login, login));
  const ok = account?.passwordHash ? await verifyPassword(account.passwordHash, input.password) : false;
  if (!account || !ok) {
    await recordFailure(db, login, input.address, now);
    throw new AppError('unauthorized', BAD_CREDENTIALS);
  }
  const token = await openSession(db, account.id, now);
  return { token, accountId: account.id };
}
