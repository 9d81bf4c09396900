// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// core/ is the pure domain shared by the window, the CLI and the tests: it may import
// only core, xstate, zod, yaml and small pure libraries (../shared/docs/house-style.md).
const coreForbidden = {
  paths: [
    'react',
    'react-dom',
    'react-dom/client',
    'dexie',
    'dexie-react-hooks',
    'electron',
    'mermaid',
    'fs',
    'path',
    'os',
    'child_process',
    'crypto',
    'http',
    'https',
    'url',
    'util',
    'worker_threads',
    'stream',
    'events',
    'buffer',
    'process',
    'net',
    'zlib',
  ].map((name) => ({
    name,
    message: 'core/ stays pure: no UI, storage, shell or Node built-ins.',
  })),
  patterns: [
    { group: ['node:*'], message: 'core/ stays pure: no Node built-ins.' },
    {
      group: ['react/*', 'react-dom/*', 'dexie/*', 'electron/*', 'mermaid/*', '@xstate/react'],
      message: 'core/ stays pure.',
    },
    {
      group: ['**/renderer/**', '**/electron/**', '**/bin/**'],
      message: 'core/ imports only core.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      '.bench/**',
    ],
  },
  js.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: {
      parserOptions: { project: ['./tsconfig.node.json'], tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/consistent-type-definitions': ['error', 'type'],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ['renderer/**/*.tsx'],
    ...jsxA11y.flatConfigs.strict,
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
    languageOptions: { globals: globals.browser },
  },
  {
    // The UI reads storage through repositories and hooks, never Dexie directly.
    files: ['renderer/ui/**/*.ts', 'renderer/ui/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'dexie', message: 'Use renderer/storage repositories.' }] },
      ],
    },
  },
  {
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', coreForbidden],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'core/ has no DOM.' },
        { name: 'document', message: 'core/ has no DOM.' },
        { name: 'localStorage', message: 'core/ has no DOM.' },
        { name: 'indexedDB', message: 'core/ has no storage.' },
        { name: 'process', message: 'core/ has no Node.' },
        { name: 'require', message: 'core/ has no Node.' },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'Time comes in through an injected clock.' },
        { object: 'Math', property: 'random', message: 'Randomness comes in as an argument.' },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: { globals: { ...globals.node } },
  },
);
