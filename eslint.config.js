/**
 * Lint: type-aware typescript-eslint, React hooks rules for the renderer, and
 * the layer boundaries of ARCHITECTURE §1 enforced with the core
 * `no-restricted-imports` rule, one complete option set per folder (in flat
 * config a later block replaces a rule's options, it does not merge them, so
 * each folder's block lists everything that folder may not import).
 *
 * The repo imports by relative path, so folder rules are regexes on the
 * specifier: `(^|/)db/schema` catches '../../db/schema'. A folder of the same
 * name nested elsewhere (say renderer/src/db) would also match: don't.
 */
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const layers = 'see ARCHITECTURE.md §1';

/** Node built-ins, with and without the node: prefix. */
const node = {
  paths: builtinModules.filter((name) => !name.startsWith('_')).map((name) => ({ name, message: `No Node built-ins here (${layers}).` })),
  patterns: [{ regex: '^node:', message: `No Node built-ins here (${layers}).` }],
};
const electron = { regex: '^electron(-updater)?(/|$)', message: `Only main/app may import electron (${layers}).` };
const electronUpdater = { regex: '^electron-updater(/|$)', message: `Only main/app may import electron-updater (${layers}).` };
const database = { regex: '^(better-sqlite3|drizzle-orm|drizzle-kit)(/|$)', message: `No database libraries here (${layers}).` };
const db = { regex: '(^|/)db(/|$)', message: `Nothing from db/ here (${layers}).` };
const dbSchema = { regex: '(^|/)db/schema(/|$)', message: `Only main/services and main/sync use db/schema (${layers}).` };
const renderer = { regex: '(^|/)renderer(/|$)', message: `Nothing imports the renderer (${layers}).` };
const mainExceptContract = {
  regex: '^(\\.\\./)+main(/(?!contract(/|$)).*)?$',
  message: `From main/, only main/contract may be imported here (${layers}).`,
};
const preloadExceptTypes = {
  regex: '(^|/)preload(/(?!bridge-types$).*)?$',
  message: `From preload/, the renderer may import only the types in preload/bridge-types (${layers}).`,
};
const appOrTransports = {
  regex: '^(\\.\\./)+(main/)?(app|transports)(/|$)',
  message: `Services and sync never import main/app or main/transports (${layers}).`,
};
const outsideContract = { regex: '^\\.\\./', message: `main/contract is self-contained: zod and other contract files only (${layers}).` };

/** One no-restricted-imports rule from building blocks. */
function restrict({ paths = [], patterns = [] }) {
  return { 'no-restricted-imports': ['error', { paths, patterns }] };
}

export default defineConfig([
  globalIgnores([
    'dist/',
    'dist-renderer/',
    'release/',
    'node_modules/',
    'db/migrations/',
    'test-results/',
    'playwright-report/',
    'coverage/',
  ]),

  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // React event handlers may be async; a rejected promise there is still reported by no-floating-promises in the body.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
    // Props and hook results typed with method syntax (`onClose(): void`) are plain functions, never `this`-bound.
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },

  // Layer boundaries. The first block is the default for every file; later blocks replace it per folder.
  { rules: restrict({ patterns: [electron, dbSchema, renderer] }) },
  { files: ['db/**'], rules: restrict({ patterns: [electron, renderer] }) },
  { files: ['test/**'], rules: restrict({ patterns: [electron] }) },
  { files: ['main/services/**', 'main/sync/**'], rules: restrict({ patterns: [electron, appOrTransports, renderer] }) },
  { files: ['main/app/**'], rules: restrict({ patterns: [dbSchema, renderer] }) },
  {
    files: ['main/contract/**'],
    rules: restrict({ paths: node.paths, patterns: [...node.patterns, electron, database, db, outsideContract] }),
  },
  {
    files: ['preload/**'],
    rules: restrict({ paths: node.paths, patterns: [...node.patterns, electronUpdater, database, db, mainExceptContract, renderer] }),
  },
  {
    files: ['renderer/**'],
    rules: restrict({ paths: node.paths, patterns: [...node.patterns, electron, database, db, mainExceptContract, preloadExceptTypes] }),
  },
]);
