// Code lint (`npm run lint`): typescript-eslint with type information, import cycles, and the
// boundaries of issue 8 — permissions/ and src/auth/ stay leaves, feature modules read data only
// through the scoped factory. The printed schema has its own config (eslint.schema.config.mjs).
import { readFileSync } from 'node:fs';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Shared with test/call-sites.test.ts, so that the rule and the test agree on what raw access is. */
const dataAccess = JSON.parse(readFileSync(new URL('./eslint.data-access.json', import.meta.url), 'utf8'));

export default defineConfig([
  globalIgnores(['dist/', 'coverage/', '.data/']),
  js.configs.recommended,
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // tsc reports these already (noUnusedLocals, noUnusedParameters): one report per mistake.
      '@typescript-eslint/no-unused-vars': 'off',
      // A `switch` over a closed set (roles, actions, states) names every member or ends in a default,
      // so that adding a member to the set lists the places that must decide about it.
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      // Inside try/catch/finally, `return promise` without await lets a rejection escape the catch and
      // runs the finally before the promise settles; elsewhere the await adds nothing.
      '@typescript-eslint/return-await': ['error', 'in-try-catch'],
      // Upgrades of TypeORM, Apollo and type-graphql announce removals as deprecations first.
      '@typescript-eslint/no-deprecated': 'error',
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['**/*.ts', '**/*.mjs'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.mjs', '.js'],
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.mjs', '.js', '.json', '.node'] })],
    },
    rules: {
      // Cycles of value imports: module initialisation order decides what is undefined. Type-only
      // cycles (the RequestContext service locator) are `npm run cycles`' job: this rule skips them.
      'import-x/no-cycle': 'error',
      'import-x/no-duplicates': 'error',
      'import-x/no-self-import': 'error',
    },
  },
  {
    // The server logs through pino (levels, request ids, redaction); scripts and tests may print.
    files: ['src/**/*.ts', 'permissions/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
  {
    // Jest and supertest answer `any` (response bodies, mocks): the unsafe-any family would flag
    // every assertion on a body, and an explicit `any` in a test is a choice, not a leak.
    files: ['test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'warn',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    // The policy as data depends on CASL and its own files only: no GraphQL registration, no SQL
    // adapter, nothing from src/ (issue 8 §2), so that it can be read, tested and rendered alone.
    files: ['permissions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: '^(?!@casl/|\\./)', message: 'permissions/ imports only @casl/* and its own files (issue 8 §2).' }],
        },
      ],
    },
  },
  {
    // The caller (identity, ability, audit) is a leaf: nothing from feature modules, and not the
    // GraphQL context or the service and loader registries, which carry every module (issue 8 §2).
    files: ['src/auth/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\./)+(modules/|graphql/|services$|loaders$)',
              message: 'src/auth/ is a leaf: it imports nothing from src/modules/, src/graphql/, services or loaders (issue 8 §2).',
            },
          ],
        },
      ],
    },
  },
  {
    // Raw data access in feature modules: repositories and query builders made in place, reads
    // through an EntityManager or the DataSource, and subqueries written as SQL text. Writes through
    // the manager of the service's own transaction stay allowed: they change a row already loaded
    // through the scope and checked with ability.can. The shapes match this code's names, `manager`
    // and `dataSource`; a manager under another name would escape them.
    files: [`${dataAccess.directory}/**/*.ts`],
    ignores: dataAccess.allowed.map((entry) => entry.file),
    rules: {
      'no-restricted-syntax': ['error', ...dataAccess.syntax],
      'no-restricted-imports': ['error', { paths: dataAccess.imports }],
    },
  },
]);
