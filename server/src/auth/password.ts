/** Password hashing with argon2id (OWASP parameters), through a maintained native library. */
import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

const ARGON2ID = 2; // @node-rs/argon2 Algorithm.Argon2id (a const enum, unusable under isolatedModules)
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Hashes a password for storage. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** Checks a password against a stored hash; false (never throws) on a malformed hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

export const MIN_PASSWORD_LENGTH = 12;
const MAX_PASSWORD_LENGTH = 500;

/** The password policy (length only, as ANSSI and NIST advise): the French reason, or undefined when it passes. */
export function passwordProblem(password: string, login?: string): string | undefined {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH)
    return `Le mot de passe doit compter au moins ${MIN_PASSWORD_LENGTH} caractères.`;
  if (length > MAX_PASSWORD_LENGTH)
    return `Le mot de passe ne peut dépasser ${MAX_PASSWORD_LENGTH} caractères.`;
  if (login && password.trim().toLowerCase() === login.trim().toLowerCase())
    return 'Le mot de passe ne peut pas être l’identifiant.';
  return undefined;
}

// No 0/O, 1/l/I: a temporary password is read aloud or copied from a screen.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random temporary password of 16 characters (about 93 bits), in groups of 4 to be read out easily. */
export function temporaryPassword(): string {
  const chars = Array.from(randomBytes(64))
    .filter((b) => b < 220) // 220 = 4 × 55: keeps the draw uniform over the alphabet
    .slice(0, 16)
    .map((b) => ALPHABET[b % ALPHABET.length]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
