import { and, eq, isNull, lt, or } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Database } from '../../../db/client.server.ts';
import { staffUsers } from '../../../db/schema/index.ts';
import { contactKeyring } from '../crypto/installed-keyring.ts';
import { openText, sealText } from '../crypto/keyring.ts';

// RFC 6238 defaults that every authenticator app understands: SHA-1, 6 digits, 30 s.
const ISSUER = '建言 Jianyan';

function totpFor(secret: string, label = 'staff'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: Secret.fromBase32(secret),
  });
}

export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

// The secrets are sealed at rest (docs/decisions/060-encryption-at-rest.md):
// whoever reads a dump must not be able to mint a staff member's codes. Both
// columns are always written together with totpKeyId, so that the key id
// names the key of each.
export function sealTotpColumns(
  { secret, pending }: { secret: string | null; pending: string | null },
  keyring = contactKeyring(),
) {
  return {
    totpSecret: sealText(keyring, secret, 'staff_users.totp_secret'),
    totpPendingSecret: sealText(keyring, pending, 'staff_users.totp_pending_secret'),
    totpKeyId: secret || pending ? keyring.current.id : null,
  };
}

type StoredTotp = { totpKeyId: string | null; totpSecret: Buffer | null; totpPendingSecret: Buffer | null };

export function openTotpColumns(
  row: StoredTotp,
  keyring = contactKeyring(),
): { secret: string | null; pending: string | null } {
  // totpKeyId NULL: written before encryption, still plaintext until the start-up backfill.
  if (row.totpKeyId === null)
    return {
      secret: row.totpSecret?.toString('utf8') ?? null,
      pending: row.totpPendingSecret?.toString('utf8') ?? null,
    };
  return {
    secret: openText(keyring, row.totpSecret, 'staff_users.totp_secret'),
    pending: openText(keyring, row.totpPendingSecret, 'staff_users.totp_pending_secret'),
  };
}

export async function storedTotp(
  db: Database,
  userId: number,
): Promise<{ secret: string | null; pending: string | null }> {
  const [row] = await db
    .select({
      totpKeyId: staffUsers.totpKeyId,
      totpSecret: staffUsers.totpSecret,
      totpPendingSecret: staffUsers.totpPendingSecret,
    })
    .from(staffUsers)
    .where(eq(staffUsers.id, userId));
  return row ? openTotpColumns(row) : { secret: null, pending: null };
}

/** The otpauth:// URI and its QR code as an SVG data URL, made on the server (no script on the page). */
export async function enrolmentDetails(secret: string, email: string): Promise<{ uri: string; qrDataUrl: string }> {
  const uri = totpFor(secret, email).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

/** The time step a code belongs to (±1 step of clock drift), or null if it is wrong. Pure: no replay check. */
export function matchTotp(secret: string, code: string, now = new Date()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const totp = totpFor(secret);
  const delta = totp.validate({ token, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : totp.counter({ timestamp: now.getTime() }) + delta;
}

/**
 * Checks a code against the user's enabled secret and spends it: the time
 * step is recorded in one conditional UPDATE, so the same code (or an older
 * one) is refused afterwards, even by a concurrent request.
 */
export async function verifyAndSpendTotp(
  db: Database,
  userId: number,
  code: string,
  now = new Date(),
): Promise<boolean> {
  const { secret } = await storedTotp(db, userId);
  if (!secret) return false;
  const counter = matchTotp(secret, code, now);
  if (counter === null) return false;
  const spent = await db
    .update(staffUsers)
    .set({ totpLastCounter: counter })
    .where(
      and(eq(staffUsers.id, userId), or(isNull(staffUsers.totpLastCounter), lt(staffUsers.totpLastCounter, counter))),
    )
    .returning({ id: staffUsers.id });
  return spent.length === 1;
}

/** For tests and the e2e journey: the code an authenticator app would show now. */
export function currentTotp(secret: string, now = new Date()): string {
  return totpFor(secret).generate({ timestamp: now.getTime() });
}
