// Lint: type-aware typescript-eslint (strict), with formatting left to Prettier (`npm run lint` runs both).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '.tmp/'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    // One program from tsconfig.json, as tsc builds it: a third less time than the project service, which the
    // lint of a fresh clone (no cache) spends in `npm test`.
    languageOptions: { parserOptions: { project: './tsconfig.json', tsconfigRootDir: import.meta.dirname } },
    rules: {
      // Template literals with numbers read naturally in messages ("71 words (max 60)").
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `_name` marks a value deliberately left out of a destructuring.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Data from outside (requests, session attributes, virtual-core's model) is typed more surely than it is:
      // the guards against it are deliberate, so "unnecessary condition" would push towards removing them.
      '@typescript-eslint/no-unnecessary-condition': 'off',
      // virtual-alexa types its handler as a callback function; it awaits a returned promise.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { arguments: false } }],
      // `it('…', () => expect(…))` is the idiom of a one-line test.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    // These tests break the content JSON at any depth, as a reviewer might: a loose type is the point.
    files: ['test/content-check.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off', '@typescript-eslint/no-unsafe-member-access': 'off' },
  },
  {
    // locales.json is read with require() at load; Node's HTTP is required when the store is first used (import() of a
    // Node module would start the ES module loader).
    files: ['lambda/content/resources.ts', 'lambda/preferences/dynamodb-http.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  prettier,
);
