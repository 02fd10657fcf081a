import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { logFormat } from './logger.ts';

test('a terminal gets pretty lines, anything else JSON, and LOG_FORMAT overrides both', () => {
  expect(logFormat({ isTTY: true })).toBe('pretty');
  expect(logFormat({ isTTY: false })).toBe('json');
  expect(logFormat({ isTTY: true, setting: 'json' })).toBe('json');
  expect(logFormat({ isTTY: false, setting: 'pretty' })).toBe('pretty');
  expect(logFormat({ isTTY: false, setting: 'yaml' })).toBe('json');
});

// The logger as a process writes it: pretty lines still go through the
// redaction (it runs before the transport), JSON stays one object per line.
const logged = (format: string) =>
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      '-e',
      "import('./app/server/logger.ts').then(({ createLogger }) => createLogger('info').info({ email: 'a@b.cn' }, 'portal ready'))",
    ],
    { env: { ...process.env, LOG_FORMAT: format }, encoding: 'utf8' },
  );

test('pretty output is a readable line with the contact redacted', () => {
  const out = logged('pretty');
  expect(out).toMatch(/INFO.*portal ready/);
  expect(out).not.toContain('{"level"');
  expect(out).not.toContain('a@b.cn');
});

test('JSON output is one object per line with the contact redacted', () => {
  const line = JSON.parse(logged('json').trim()) as Record<string, unknown>;
  expect(line).toMatchObject({ msg: 'portal ready', email: '[redacted]', service: 'jianyan' });
});
