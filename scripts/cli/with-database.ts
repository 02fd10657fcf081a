import { readConfig } from '../../app/server/config.ts';
import { loadKeySource } from '../../app/server/contact-keys.ts';
import { installKeyring } from '../../app/domain/crypto/installed-keyring.ts';
import { createLogger } from '../../app/server/logger.ts';
import { openDatabase, type DatabaseHandle } from '../../db/client.server.ts';

/** Runs a command-line task against DATABASE_URL or the embedded database. */
export async function withDatabase(task: (database: DatabaseHandle) => Promise<void>): Promise<void> {
  const config = readConfig();
  const log = createLogger(config.logLevel);
  let database: DatabaseHandle | undefined;
  try {
    database = await openDatabase({
      databaseUrl: config.databaseUrl,
      dataDir: config.dataDir,
      poolSize: 2,
      attachToRunning: true,
      log: {
        info: (m) => log.info(m),
        warn: (m) => log.warn(m),
        debug: (m) => log.debug(m),
      },
    });
    // Contact details are sealed with the same keyring as the portal's.
    const { keyring, refresh } = loadKeySource(config, log);
    installKeyring(keyring, refresh);
    await task(database);
  } catch (error) {
    log.fatal({ err: error }, 'command failed');
    process.exitCode = 1;
  } finally {
    await database?.close();
  }
}
