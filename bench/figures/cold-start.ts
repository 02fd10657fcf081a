import fs from 'node:fs';
import path from 'node:path';
import { startServer, type ServerOptions } from '../setup/server.ts';
import { round } from './stats.ts';

// Figure 7: `npm start` (the same command line, production build) to the
// first 200 on `/`: once on an empty data folder (the embedded PostgreSQL is
// initialised and migrated) and once more on the folder that start left.

export async function coldStart(o: Omit<ServerOptions, 'databaseUrl' | 'dataDir'>) {
  const dataDir = path.resolve('.tmp/bench-cold');
  fs.rmSync(dataDir, { recursive: true, force: true });
  const empty = await startServer({ ...o, dataDir });
  await empty.stop();
  const existing = await startServer({ ...o, dataDir });
  await existing.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  return {
    emptyDataDirSeconds: round(empty.startedMs / 1000, 2),
    existingDataDirSeconds: round(existing.startedMs / 1000, 2),
  };
}
