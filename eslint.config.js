// Lint rules. Beyond the usual ones, shared/ must stay pure and deterministic:
// no Colyseus, Phaser, Node or DOM imports and no clock or ambient randomness; and the
// client's room traffic stays in client/src/net/.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const impureModules = [
  { group: ['@colyseus/*', 'colyseus', 'colyseus.js'], message: 'shared/ must not depend on Colyseus.' },
  { group: ['phaser', 'phaser/*'], message: 'shared/ must not depend on Phaser.' },
  { group: ['node:*'], message: 'shared/ must not import Node modules.' },
  {
    group: ['fs', 'path', 'os', 'crypto', 'http', 'https', 'net', 'child_process', 'worker_threads', 'url', 'util', 'events', 'stream', 'buffer', 'process', 'timers'],
    message: 'shared/ must not import Node modules.',
  },
];

const impureSyntax = [
  { selector: "CallExpression[callee.object.name='Math'][callee.property.name='random']", message: 'Use the seeded PRNG in shared/core/prng.ts.' },
  { selector: "MemberExpression[object.name='Math'][property.name='random']", message: 'Use the seeded PRNG in shared/core/prng.ts.' },
  { selector: "MemberExpression[object.name='Date'][property.name='now']", message: 'shared/ takes time as an argument; it never reads the clock.' },
  { selector: "NewExpression[callee.name='Date']", message: 'shared/ takes time as an argument; it never reads the clock.' },
  { selector: "MemberExpression[object.name='performance'][property.name='now']", message: 'shared/ takes time as an argument; it never reads the clock.' },
];

/** Room traffic goes through client/src/net/ (a RoomLink), so scenes never hold the SDK's listeners or send themselves. */
const roomTraffic = [
  {
    selector: "MemberExpression[property.name=/^(send|onMessage|onStateChange)$/]",
    message: 'Room traffic goes through client/src/net/: listen with a RoomLink, send with RoomLink.post (typed by net/messages.ts).',
  },
];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'data/**', 'test-artifacts/**', 'bench-out/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['client/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['client/**/*.ts'],
    ignores: ['client/src/net/**'],
    rules: { 'no-restricted-syntax': ['error', ...roomTraffic] },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': ['error', { patterns: impureModules }],
      'no-restricted-syntax': ['error', ...impureSyntax],
      'no-restricted-globals': ['error',
        { name: 'window', message: 'shared/ must not touch the DOM.' },
        { name: 'document', message: 'shared/ must not touch the DOM.' },
        { name: 'process', message: 'shared/ must not touch Node.' },
        { name: 'setTimeout', message: 'shared/ has no timers; time is an argument.' },
        { name: 'setInterval', message: 'shared/ has no timers; time is an argument.' },
      ],
    },
  },
);
