import { spawnSync } from 'node:child_process';

// `npm run test:faults [-- --long] [vitest filters…]` under
// vitest.faults.config.ts. Without --long (the CI size, the last step of
// `npm test`): the fault scripts only, since the fuzzers already ran at their
// CI size in `npm run test:unit`. With --long: each fault repeated more times
// and the fuzzers at twenty times the cases (a soak; expect an hour on two
// cores). Everything else is passed to vitest. See docs/decisions/092.
const args = process.argv.slice(2);
const long = args.includes('--long');
const filters = args.filter((arg) => arg !== '--long' && !arg.startsWith('-'));
const rest = args.filter((arg) => arg !== '--long');
if (!long && filters.length === 0) rest.unshift('tests/faults/');
const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.faults.config.ts', ...rest], {
  stdio: 'inherit',
  env: { ...process.env, FAULTS_LONG: long ? '1' : '0' },
});
process.exit(result.status ?? 1);
