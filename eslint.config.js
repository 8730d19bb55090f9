// Lint is part of CI. Beyond style, it enforces the architecture: imports point inwards
// (app -> features -> widgets -> ui, and everything -> data/sync -> core), features never
// import one another, and nothing imports in cycles. docs/architecture.md draws the layers.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const LAYERS = [
  './src/core',
  './src/data',
  './src/sync',
  './src/ui',
  './src/widgets',
  './src/features',
  './src/app',
  './src/i18n',
  './sync-server',
];

/** A layer may import itself and the layers it names, nothing else of the project. */
const layer = (target, mayImport, message) => ({
  target,
  from: LAYERS.filter((l) => l !== target && !mayImport.includes(l)),
  message,
});

/** Each feature may use its own files only: what two features share lives in widgets or ui. */
const featureZones = readdirSync('src/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map(({ name }) => ({
    target: `./src/features/${name}`,
    from: './src/features',
    except: [`./${name}`],
    message: 'a feature imports no other feature: move what they share to src/widgets or src/ui',
  }));

export default tseslint.config(
  {
    ignores: [
      'dist',
      'dist-server',
      'dev-dist',
      'data',
      'coverage',
      'node_modules',
      'test-results',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            layer('./src/core', [], 'core is pure: it imports nothing from outer layers'),
            layer('./src/data', ['./src/core', './src/i18n'], 'data depends only on core'),
            layer(
              './src/sync',
              ['./src/core', './src/data', './src/i18n'],
              'sync depends on data and core',
            ),
            layer(
              './src/ui',
              ['./src/core', './src/i18n'],
              'ui knows no data: what reads or writes data is a widget or a feature',
            ),
            layer(
              './src/widgets',
              ['./src/core', './src/data', './src/sync', './src/ui', './src/i18n'],
              'widgets are embedded by features and never import one',
            ),
            layer(
              './src/features',
              ['./src/core', './src/data', './src/sync', './src/ui', './src/widgets', './src/i18n'],
              'features never import the app shell',
            ),
            ...featureZones,
            layer('./sync-server', ['./src/core'], 'the server shares only src/core'),
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User text is rendered only as text (docs/security.md item 11).',
        },
      ],
      'no-console': ['error', { allow: ['warn', 'error', 'info'] }],
    },
  },
  {
    files: ['src/core/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'react',
                'react-*',
                'dexie',
                'dexie-*',
                'node:*',
                'fastify',
                'pg',
                '@electric-sql/*',
              ],
              message: 'src/core is pure: no React, Dexie, DOM or Node APIs',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/features/**', 'src/widgets/**', 'src/app/**', 'src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'dexie', message: 'UI talks to data through src/data functions and hooks.' },
          ],
        },
      ],
    },
  },
  {
    files: ['scripts/**', 'tests/**', 'sync-server/**', 'bench/**'],
    rules: { 'no-console': 'off' },
  },
);
