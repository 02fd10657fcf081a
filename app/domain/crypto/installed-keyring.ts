import type { Keyring } from './keyring.ts';

// The keyring is configuration (CONTACT_KEY, or the key file in DATA_DIR),
// read by app/server (app/server/contact-keys.ts) and handed to the domain
// once at process start by every entry point: the portal, the worker, the
// command-line tools and the test setup. The domain never imports app/server.
//
// It is held in one process-wide slot rather than threaded through every
// call: contact details are read in some thirty places (track, exports,
// reports, replies, intake, sign-in) that already receive the database, and
// each would need a new parameter. The slot is keyed with Symbol.for because
// the built route modules (build/server) carry their own copy of this module
// next to the one the server process loaded: a module-level variable would be
// two variables. A process that did not install a keyring fails loudly on
// the first sealed read or write; it never stores plaintext.
// See docs/decisions/060-encryption-at-rest.md.

const SLOT = Symbol.for('jianyan.contactKeyring');
type Installed = { keyring: Keyring; refresh?: () => Keyring | undefined; checkedAt: number };
type Slot = { [SLOT]?: Installed };

// A keyring read from the key file is looked at again every few seconds, so
// that a running portal learns a key that `npm run keys:rotate -- --new-key`
// added: it opens rows the rotation re-sealed and seals with the new key.
const REFRESH_MS = 2_000;

/** `refresh` returns a newer keyring when its source changed, else undefined. */
export function installKeyring(keyring: Keyring, refresh?: () => Keyring | undefined): void {
  (globalThis as Slot)[SLOT] = { keyring, refresh, checkedAt: Date.now() };
}

export function contactKeyring(): Keyring {
  const installed = (globalThis as Slot)[SLOT];
  if (!installed) throw new Error('contact keyring not installed: the process must call installKeyring() at start');
  if (installed.refresh && Date.now() - installed.checkedAt > REFRESH_MS) {
    installed.checkedAt = Date.now();
    installed.keyring = installed.refresh() ?? installed.keyring;
  }
  return installed.keyring;
}
