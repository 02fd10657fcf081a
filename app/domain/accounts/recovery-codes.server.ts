import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../../db/client.server.ts';
import { staffRecoveryCodes } from '../../../db/schema/index.ts';

const COUNT = 10;
// Crockford-style alphabet without look-alikes; 10 characters ≈ 50 bits each,
// far beyond guessing under the login lockout, so a fast hash is enough.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

function normalize(code: string): string {
  return code.toLowerCase().replace(/[^a-z0-9]/g, '');
}

function hashCode(code: string): string {
  return crypto.createHash('sha256').update(normalize(code)).digest('base64url');
}

function newCode(): string {
  let raw = '';
  for (let i = 0; i < 10; i += 1) raw += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return `${raw.slice(0, 5)}-${raw.slice(5)}`;
}

/** Replaces the user's recovery codes with ten new ones, returned once in clear and stored hashed. */
export async function replaceRecoveryCodes(db: Pick<Database, 'delete' | 'insert'>, userId: number): Promise<string[]> {
  const codes = Array.from({ length: COUNT }, newCode);
  await db.delete(staffRecoveryCodes).where(eq(staffRecoveryCodes.userId, userId));
  await db.insert(staffRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashCode(code) })));
  return codes;
}

/** Spends a recovery code: true once, false ever after (one conditional UPDATE, so no race spends it twice). */
export async function spendRecoveryCode(db: Database, userId: number, code: string): Promise<boolean> {
  if (normalize(code).length !== 10) return false;
  const rows = await db
    .update(staffRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(staffRecoveryCodes.userId, userId),
        eq(staffRecoveryCodes.codeHash, hashCode(code)),
        isNull(staffRecoveryCodes.usedAt),
      ),
    )
    .returning({ id: staffRecoveryCodes.id });
  return rows.length === 1;
}

export async function remainingRecoveryCodes(db: Database, userId: number): Promise<number> {
  return db.$count(staffRecoveryCodes, and(eq(staffRecoveryCodes.userId, userId), isNull(staffRecoveryCodes.usedAt)));
}
