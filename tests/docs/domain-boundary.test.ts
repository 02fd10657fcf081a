import { ESLint } from 'eslint';
import { expect, test } from 'vitest';

// The ESLint rule that keeps HTTP out of app/domain (eslint.config.js,
// docs/decisions/005-domain-free-of-http.md), run on small sources placed at
// real domain paths at each folder depth. `npm run lint` applies it to the tree.

const eslint = new ESLint();

async function problems(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((message) => `${message.line}:${message.ruleId}`);
}

test('react-router, app/server, app/web and a Request are refused at every depth of app/domain', async () => {
  for (const [file, up] of [
    ['app/domain/probe.ts', '../'],
    ['app/domain/plans/probe.ts', '../../'],
    ['app/domain/intake/email/probe.ts', '../../../'],
    ['app/domain/plans/docx/probe.ts', '../../../'],
  ] as const) {
    const code = [
      "import { data } from 'react-router';",
      `import type { Config } from '${up}server/config.ts';`,
      `import { readForm } from '${up}web/read-form.server.ts';`,
      'export const f = (request: Request, c: Config) => [data, readForm, request, c];',
      "export const g = () => new Response('');",
      '',
    ].join('\n');
    expect(await problems(`${process.cwd()}/${file}`, code)).toEqual([
      '1:no-restricted-imports',
      '2:no-restricted-imports',
      '3:no-restricted-imports',
      '4:no-restricted-syntax',
      '5:no-restricted-syntax',
    ]);
  }
  // typescript-eslint parses each probe: about 2 s apiece alone, several times that on a loaded two-core machine.
}, 120_000);

test('imports inside the domain pass, app/domain/intake/web included (it is not app/web)', async () => {
  const code = [
    "import { oneAtATime } from '../web/one-at-a-time.ts';",
    "import type { DomainSettings } from '../../settings.ts';",
    "import { crashPoint } from '../../../utils/crash-point.ts';",
    'export const f = (s: DomainSettings) => [oneAtATime, s, crashPoint];',
    '',
  ].join('\n');
  expect(await problems(`${process.cwd()}/app/domain/intake/email/probe.ts`, code)).toEqual([]);
});

test('the web layer may use react-router and a Request', async () => {
  const code = [
    "import { data } from 'react-router';",
    'export const f = (request: Request) => data(request.url);',
    '',
  ].join('\n');
  expect(await problems(`${process.cwd()}/app/web/probe.ts`, code)).toEqual([]);
});
