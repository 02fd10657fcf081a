import { customType } from 'drizzle-orm/pg-core';

// A value sealed with AES-256-GCM by app/domain/crypto (key id, IV, tag,
// ciphertext). Only the domain module that owns the column opens it.
// Rows whose `key_id` is NULL predate encryption: their sealed columns still
// hold the UTF-8 plaintext until the start-up backfill seals them
// (docs/decisions/060-encryption-at-rest.md).
export const sealed = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });
