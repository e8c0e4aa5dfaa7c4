/** Sign-in and sign-out. */
import { eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { accounts } from '../db/schema.js';
import { AppError } from '../errors.js';
import { hashPassword, verifyPassword } from './password.js';
import { loginWait, recordFailure, recordSuccess } from './rate-limit.js';
import { openSession } from './sessions.js';

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
  if (!account || !ok) {
    await recordFailure(db, login, input.address, now);
    throw new AppError('unauthorized', BAD_CREDENTIALS);
  }
  await recordSuccess(db, login, input.address, now);
  const token = await openSession(db, account.id, now);
  return { token, accountId: account.id };
}
