import { spawnSync } from 'node:child_process';

// `npm run test:faults [-- --long] [vitest filters…]`: the fault scripts and
// the fuzzers under vitest.faults.config.ts. --long repeats each fault more
// times and runs twenty times the fuzz cases (a soak; expect an hour on two
// cores). Everything else is passed to vitest.
const args = process.argv.slice(2);
const long = args.includes('--long');
const rest = args.filter((arg) => arg !== '--long');
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.faults.config.ts', ...rest], {
  stdio: 'inherit',
  env: { ...process.env, FAULTS_LONG: long ? '1' : '0' },
});
process.exit(result.status ?? 1);
