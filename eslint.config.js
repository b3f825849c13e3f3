// Lint: TypeScript rules plus the layer rules from docs/architecture.md, enforced rather than remembered.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'child_process', 'http', 'https', 'net', 'crypto', 'stream', 'url', 'util', 'events'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'out/**', 'release/**', 'pkg/**', 'src/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src-main/core/**/*.ts', 'src-main/cli/**/*.ts', 'src-main/ipc/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'core, cli and ipc run on plain Node: never import electron here.' }],
        patterns: [{ group: ['electron/*', '**/electron/**', '**/preload/**'], message: 'core may not reach into the Electron glue.' }],
      }],
    },
  },
  {
    files: ['src-renderer/**/*.ts', 'src-renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', message: 'the renderer talks only to window.koompi.' }, ...nodeBuiltins.filter((n) => !n.includes('*')).map((name) => ({ name, message: 'no Node in the renderer.' }))],
        patterns: [
          { group: ['node:*'], message: 'no Node in the renderer.' },
          { group: ['**/src-main/core/**', '**/src-main/electron/**', '**/src-main/preload/**', '**/src-main/cli/**'], message: 'the renderer may import only the ipc contract (types).' },
        ],
      }],
    },
  },
);
