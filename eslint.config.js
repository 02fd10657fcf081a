import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

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
      // Contact details are confidential: only the contacts module (and the
      // schema, migrations, seed and tests) may touch their table.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/db/schema', '**/db/schema/*'],
              importNames: ['suggestionContacts', 'suggestionTextOriginals'],
              message: 'Read contact details only through app/domain/contacts, which checks permission and audits.',
            },
          ],
        },
      ],
    },
  },
  {
    // Plain Node scripts run before anything is compiled (scripts/start.mjs).
    files: ['scripts/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['app/domain/contacts/**', 'db/**', 'tests/**'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
