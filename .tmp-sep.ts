import { startEmbeddedDatabase } from './db/embedded.server.ts';
const db = await startEmbeddedDatabase({ dataDir: '/tmp/sep-pg', databaseName: 'jianyan', log: { info: console.log, warn: console.log, debug: () => {} } });
console.log('URL', db.url);
process.on('SIGTERM', async () => { await db.stop(); process.exit(0); });
setInterval(() => {}, 1e6);
