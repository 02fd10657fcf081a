import { randomInt } from 'node:crypto';

// No 0/O, 1/I/L or U: codes are read aloud on the phone and copied by hand.
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
const GROUP = 4;

/** `JY-7K3F-9QXD`: 8 random symbols from 30, about 39 bits, from a CSPRNG. */
export function generateTrackingCode(): string {
  const symbols = Array.from({ length: GROUP * 2 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `JY-${symbols.slice(0, GROUP)}-${symbols.slice(GROUP)}`;
}

/**
 * Accepts what people type: lower case, full-width characters, spaces, missing
 * dashes or prefix. Returns the canonical code, or null if it cannot be one.
 */
export function normalizeTrackingCode(input: string): string | null {
  const compact = input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-–—_]/g, '')
    .replace(/^JY/, '');
  if (compact.length !== GROUP * 2 || [...compact].some((c) => !ALPHABET.includes(c))) return null;
  return `JY-${compact.slice(0, GROUP)}-${compact.slice(GROUP)}`;
}
