// Lint: TypeScript rules plus the layer rules from docs/architecture.md, enforced rather than remembered.
// Each folder says what it MAY import (an allowlist); a type-only import is allowed where types cross a
// layer (the renderer and the core read the IPC types). The build scripts (.mjs) are linted too.
import tseslint from 'typescript-eslint';

const nodeBuiltins = [
  'assert',
  'buffer',
  'child_process',
  'crypto',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'https',
  'module',
  'net',
  'os',
  'path',
  'process',
  'readline',
  'stream',
  'tls',
  'url',
  'util',
  'worker_threads',
  'zlib',
];
const node = [
  { regex: '^node:', message: 'no Node here.' },
  ...nodeBuiltins.map((n) => ({ regex: `^${n.replace('/', '\\/')}$`, message: 'no Node here.' })),
];

/**
 * `@typescript-eslint/no-restricted-imports` with these patterns.
 * @param {object[]} patterns
 * @returns {['error', { paths: never[]; patterns: object[] }]}
 */
const restrict = (patterns) => ['error', { paths: [], patterns }];

// Node's globals for the .mjs build scripts (no `globals` package needed for this short list).
const nodeGlobals = /** @type {Record<string, 'readonly'>} */ (
  Object.fromEntries(
    [
      'process',
      'console',
      'Buffer',
      'URL',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'performance',
      'fetch',
      'AbortController',
      'AbortSignal',
      'TextDecoder',
      'TextEncoder',
      'structuredClone',
      'queueMicrotask',
    ].map((g) => [g, 'readonly']),
  )
);

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'out/**', 'release/**', 'pkg/**', 'src/**', 'test-results/**', 'e2e/artifacts/**', '**/*.cjs'],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The build, start and packaging scripts: plain Node ES modules.
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { sourceType: 'module', globals: nodeGlobals },
    rules: { 'no-undef': 'error' },
  },
  {
    // core: plain Node. May import itself, npm packages and Node, and only TYPES from the IPC channels.
    files: ['src-main/core/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { regex: '^electron(/|$)', message: 'core runs on plain Node: never import electron.' },
        { regex: '(^|/)(electron|preload|cli)/', message: 'core may not reach into the Electron glue, the preload or the CLI.' },
        { regex: '(^|/)src-renderer/', message: 'core may not import the renderer.' },
        { regex: '(^|/)ipc/(?!channels(\\.js)?$)', message: 'core may import only the IPC channels (types).' },
        { regex: '(^|/)ipc/channels(\\.js)?$', allowTypeImports: true, message: 'core may import only types from the IPC channels.' },
      ]),
    },
  },
  {
    // cli: the core, Node and npm; IPC types only; never Electron.
    files: ['src-main/cli/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { regex: '^electron(/|$)', message: 'the CLI runs on plain Node: never import electron.' },
        { regex: '(^|/)(electron|preload)/', message: 'the CLI may not import the Electron glue.' },
        { regex: '(^|/)src-renderer/', message: 'the CLI may not import the renderer.' },
        { regex: '(^|/)ipc/', allowTypeImports: true, message: 'the CLI may import only IPC types.' },
      ]),
    },
  },
  {
    // ipc: its own files, core types and constants, zod (schemas.ts and dispatch.ts only). Never Electron or Node.
    files: ['src-main/ipc/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { regex: '^electron(/|$)', message: 'ipc runs on plain JS: never import electron.' },
        { regex: '(^|/)(electron|preload|cli)/', message: 'ipc may not reach into the Electron glue, the preload or the CLI.' },
        { regex: '(^|/)src-renderer/', message: 'ipc may not import the renderer.' },
        {
          regex: '(^|/)core/(?!types(\\.js)?$)',
          allowTypeImports: true,
          message: 'ipc may take values only from core/types (types from anywhere in core).',
        },
        ...node,
      ]),
    },
  },
  {
    // channels and create-api reach the preload and the renderer: zod-free.
    files: ['src-main/ipc/channels.ts', 'src-main/ipc/create-api.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          regex: '^zod(/|$)',
          message: 'channels/create-api are imported by the preload and the renderer: no zod here (schemas.ts has it).',
        },
        { regex: '(^|/)(schemas|dispatch)(\\.js)?$', message: 'the main-only schemas never reach the preload or the renderer.' },
        { regex: '^electron(/|$)', message: 'never electron here.' },
        { regex: '(^|/)core/(?!types(\\.js)?$)', allowTypeImports: true, message: 'values only from core/types.' },
        ...node,
      ]),
    },
  },
  {
    // preload (sandboxed): electron, the IPC channels and createApi. Nothing else at runtime.
    files: ['src-main/preload/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { regex: '^(?!electron$|\\.|\\.\\.)', message: 'the sandboxed preload may import only electron and the IPC channels.' },
        {
          regex: '(^|/)(core|cli|electron)/',
          allowTypeImports: true,
          message: 'the preload may not load the core, the CLI or the Electron glue.',
        },
        {
          regex: '(^|/)ipc/(?!channels(\\.js)?$|create-api(\\.js)?$)',
          message: 'the preload may import only ipc/channels and ipc/create-api.',
        },
        ...node,
      ]),
    },
  },
  {
    // electron glue: anything in src-main except the CLI; never the renderer.
    files: ['src-main/electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        { regex: '(^|/)cli/', message: 'the Electron glue does not use the CLI.' },
        { regex: '(^|/)src-renderer/', message: 'the main process never imports the renderer.' },
      ]),
    },
  },
  {
    // renderer: React, zustand, markdown-it, xterm, its own files; only TYPES from src-main/ipc; no Node.
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': restrict([
        {
          regex: '^(?!\\.|react(-dom)?(/|$)|zustand(/|$)|markdown-it(/|$)|@xterm/)',
          message: 'the renderer may import only React, zustand, markdown-it, xterm and its own files.',
        },
        { regex: '(^|/)src-main/(?!ipc/)', message: 'the renderer talks only to window.koompi: no core, electron glue, preload or CLI.' },
        { regex: '(^|/)src-main/ipc/', allowTypeImports: true, message: 'the renderer may import only TYPES from src-main/ipc.' },
      ]),
    },
  },
);
