import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Contact details are confidential: only the contacts module (and the
// schema, migrations, seed and tests) may touch their table.
const CONTACT_TABLES = {
  group: ['**/db/schema', '**/db/schema/*'],
  importNames: ['suggestionContacts', 'suggestionTextOriginals'],
  message: 'Read contact details only through app/domain/contacts, which checks permission and audits.',
};

// The domain is plain server modules (docs/decisions/005-domain-free-of-http.md):
// no react-router, no Request, nothing from the HTTP seam (app/web), the
// process (app/server) or the UI. Configuration, the logger and the clock
// arrive as arguments. No exceptions: a file that needs HTTP belongs in app/web.
// The patterns are relative paths, so there is one block per folder depth
// (app/domain/intake/web is a domain folder, app/web is not).
const HTTP_PACKAGES = {
  group: ['react-router', '@react-router/*', 'express', 'express/*'],
  message: 'The domain takes plain values and returns results; HTTP belongs in app/web.',
};
const OUTSIDE_THE_DOMAIN = ['server', 'web', 'routes', 'components', 'root', 'entry.server', 'context'];
function domainBlock(depth, { folder = '', contactTables = true } = {}) {
  const up = '../'.repeat(depth + 1);
  const stars = Array.from({ length: depth }, () => '*').join('/');
  return {
    files: [folder ? `app/domain/${folder}/*.{ts,tsx}` : `app/domain/${stars ? `${stars}/` : ''}*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...(contactTables ? [CONTACT_TABLES] : []),
            HTTP_PACKAGES,
            {
              group: OUTSIDE_THE_DOMAIN.flatMap((folder) => [
                `${up}${folder}`,
                `${up}${folder}.*`,
                `${up}${folder}/**`,
              ]),
              message:
                'app/domain may not import app/server, app/web, routes or components: pass configuration, the logger or a reader in as an argument.',
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // A Response from fetch() (hCaptcha's siteverify) is an outgoing call, not HTTP serving: allowed.
          selector: 'TSTypeReference[typeName.name="Request"]',
          message: 'The domain never sees a Request: the web layer (app/web) reads it and passes plain values.',
        },
        {
          selector: 'NewExpression[callee.name=/^(Request|Response)$/], MemberExpression[object.name="Response"]',
          message: 'The domain returns results; the web layer (app/web) turns them into responses.',
        },
      ],
    },
  };
}

export default tseslint.config(
  { ignores: ['build/', 'data/', '.tmp/', '.react-router/', 'node_modules/', 'test-results/', 'playwright-report/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', { patterns: [CONTACT_TABLES] }],
    },
  },
  {
    // Plain Node scripts run before anything is compiled (scripts/start.mjs).
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['db/**', 'tests/**', 'scripts/seed.server.ts', 'scripts/demo/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
  // After the general rule: a block's options replace the earlier ones, so
  // each domain block repeats the contact-table rule, except in contacts itself.
  ...[0, 1, 2, 3].map((depth) => domainBlock(depth)),
  domainBlock(1, { folder: 'contacts', contactTables: false }),
);
