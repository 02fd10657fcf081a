import { installKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { createKeyring, parseMasterKey } from '../../app/domain/crypto/keyring.ts';

// Every test process seals contact details like the portal does. The key is
// fixed (and public: it protects test data only) so that Playwright's helpers,
// which write to the e2e portal's database, seal with the portal's key.
export const TEST_CONTACT_KEY = 'amlhbnlhbiB0ZXN0IGNvbnRhY3Qga2V5IDMyIGJ5dGU=';

export function installTestKeyring(): void {
  installKeyring(createKeyring([parseMasterKey(TEST_CONTACT_KEY)]));
}

installTestKeyring();
