// Layering is a lint rule: the language service must stay free of editor and file-system imports.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', 'node_modules/**', 'test-results/**', '**/*.mjs', 'test/nvim/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', require: 'readonly' } },
    rules: {
      curly: 'error',
      eqeqeq: 'error',
      'no-throw-literal': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['vscode', 'vscode-languageserver*', 'vscode-languageclient*'],
              message: 'The language service is editor-neutral.',
            },
            {
              group: ['fs', 'node:fs', 'fs/*', 'node:fs/*'],
              message: 'The language service reads no files; the adapters do.',
            },
            { group: ['**/lsp/**', '**/cli'], message: 'The service does not depend on its adapters.' },
          ],
        },
      ],
    },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/server/src/service/**', '**/server/src/lsp/**'],
              message: 'The client imports only server/src/protocol.',
            },
          ],
        },
      ],
    },
  },
  prettier,
);
