import type { Keyring } from './keyring.ts';

// The keyring is configuration (CONTACT_KEY, or the key file in DATA_DIR),
// read by app/server and handed to the domain once at process start by every
// entry point: the portal, the worker, the command-line tools and the test
// setup. It is held here rather than threaded through every call because
// contact details are read in some thirty places (track, exports, reports,
// replies, intake) that already receive the database, and each of them would
// otherwise need a new parameter. A process that forgot to install it fails
// loudly on the first sealed read or write instead of storing plaintext.
// See docs/decisions/060-encryption-at-rest.md.

let installed: Keyring | undefined;

export function installKeyring(keyring: Keyring): void {
  installed = keyring;
}

export function contactKeyring(): Keyring {
  if (!installed) throw new Error('contact keyring not installed: the process must call installKeyring() at start');
  return installed;
}
