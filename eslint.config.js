// ESLint (flat config): typescript-eslint's recommended rules everywhere; in the packages
// whose verdicts must replay (Raft, protocol, identity, types), no wall clock, timers or
// randomness — they take a Clock and an Rng; tests may not skip or blur their assertions.
import js from '@eslint/js'
import vitest from '@vitest/eslint-plugin'
import prettier from 'eslint-config-prettier'
import tseslint from 'typescript-eslint'

/** Replaying a schedule from its seed needs these injected, never read from the machine. */
const impure = {
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'take a Clock (clock.now()) so verdicts replay' },
    { object: 'Math', property: 'random', message: 'take an Rng (seededRng) so verdicts replay' },
    { object: 'performance', property: 'now', message: 'take a Clock so verdicts replay' },
  ],
  'no-restricted-globals': [
    'error',
    ...['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval'].map((name) => ({
      name,
      message: 'no timers here: the caller drives time',
    })),
    { name: 'process', message: 'no process state here: take it as a parameter' },
  ],
  'no-restricted-syntax': [
    'error',
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'new Date() reads the wall clock: take a Clock' },
  ],
}

export default tseslint.config(
  { ignores: ['**/dist/**', '**/node_modules/**', 'packages/types/src/gen/**', '**/test/fixtures/**', 'bench/results/**', '.turbo/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly', TextEncoder: 'readonly', TextDecoder: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Late-bound handles (a chain and its transport refer to each other) are assigned once, after closures that read them.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['@consort/*/src', '@consort/*/src/**'], message: 'import a package through its exports map, not its src/' }] },
      ],
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // A Raft driver reads RawNode.status(); the state machine inside is the raft package's own.
    files: ['packages/*/src/**/*.ts', 'apps/*/src/**/*.ts'],
    ignores: ['packages/raft/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[property.name='raft'][object.property.name='node']", message: 'read RawNode.status(), not its raft' },
      ],
    },
  },
  { files: ['packages/{raft,protocol,identity,types}/src/**/*.ts'], ignores: ['packages/types/src/clock.ts', 'packages/types/src/logger.ts'], rules: impure },
  {
    // Raft is a pure state machine: no I/O of any kind either.
    files: ['packages/raft/src/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'Raft does no I/O' }] }],
      'no-restricted-globals': [...impure['no-restricted-globals'], { name: 'Date', message: 'Raft counts ticks, not time' }],
    },
  },
  {
    files: ['**/test/**/*.ts', 'e2e/**/*.ts', 'contracts/*/test/**/*.ts'],
    plugins: { vitest },
    rules: {
      'vitest/no-conditional-expect': 'error',
      // expect(value, message): vitest prints the message when the assertion fails.
      'vitest/valid-expect': ['error', { maxArgs: 2 }],
      'vitest/require-to-throw-message': 'error',
      'vitest/no-focused-tests': 'error',
      'vitest/no-disabled-tests': 'error',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { require: 'readonly', module: 'writable', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  prettier,
)
