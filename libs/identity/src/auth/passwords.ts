import { hash, verify } from '@node-rs/argon2';

/** `Algorithm.Argon2id` of @node-rs/argon2 (a const enum, which isolated modules cannot read). */
const ARGON2ID = 2;
import { dictionary } from '@zxcvbn-ts/language-common';

export interface Argon2Cost {
  memoryKib: number;
  timeCost: number;
}

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 128;

const COMMON = new Set((dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()));

/**
 * Why a password is refused, or null. Length bounds, a list of about 49,000 passwords seen in
 * breaches (zxcvbn's common list), and passwords made of the account's own email or name.
 */
export function passwordProblem(password: string, email = '', name = ''): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  const lower = password.toLowerCase();
  if (COMMON.has(lower)) return 'is too common: it appears in lists of leaked passwords';
  if (/^(.)\1+$/u.test(password)) return 'must not repeat one character';
  const local = email.toLowerCase().split('@')[0];
  if (
    (local.length >= 4 && lower.includes(local)) ||
    (name.length >= 4 && lower.includes(name.toLowerCase()))
  )
    return 'must not contain your email address or name';
  return null;
}

export function hashPassword(password: string, cost: Argon2Cost): Promise<string> {
  return hash(password, {
    algorithm: ARGON2ID,
    memoryCost: cost.memoryKib,
    timeCost: cost.timeCost,
    parallelism: 1,
  });
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/**
 * Spends the same time as checking a real password, for logins with an unknown email, so that
 * response time does not tell whether an address is registered.
 */
export async function verifyDecoy(password: string, cost: Argon2Cost): Promise<false> {
  decoy ??= hashPassword('decoy password that matches nothing', cost);
  await verifyPassword(await decoy, password);
  return false;
}
