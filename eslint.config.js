// Lint for the whole repository. Dependencies run one way: `shared` imports nothing of ours and
// does no I/O; `drivers` know nothing of votes; the UIs reach the server only through the API.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ours = ['@hall/*'];
const nodeIo = ['node:*', 'fs', 'path', 'net', 'http', 'child_process', 'os'];
const notServerOrUis = {
  group: ['@hall/server', '@hall/server/*', '@hall/chair-console', '@hall/terminal-ui'],
  message: 'drivers know nothing of the server or the UIs.',
};
// Fixtures, fakes and sample records live in server/test-support/, for tests and benches only.
const testSupport = {
  group: [
    '**/test-support',
    '**/test-support/**',
    '**/testing/**',
    '**/fake-bus',
    '**/test-records',
  ],
  message: 'production code does not import test support (server/test-support/).',
};
// The seat simulator is its own entry, @hall/drivers/sim; the drivers themselves never use it.
const simulator = {
  group: ['./sim', './sim/**', '../sim', '../sim/**', '@hall/drivers/sim'],
  message: 'the drivers do not import the simulator (drivers/src/sim, @hall/drivers/sim).',
};

// SQL text at the start of a string or template: what `exec` runs when it is not RegExp#exec.
const sqlText = String.raw`/^\s*(CREATE|ALTER|INSERT|UPDATE|DELETE|SELECT|DROP|PRAGMA|BEGIN|WITH)\b/i`;

// The server's top layer: its route modules (server/src/routes/, `*-routes.ts`) and the CLI.
const routesOrCli = (who) => ({
  group: [
    '**/routes',
    '**/routes/**',
    '**/*-routes',
    '**/*-route',
    '**/cli',
    '**/cli/**',
    '**/app',
  ],
  message: `${who} do not import routes or the CLI (server layers: routes and CLI → services → stores, config, db/).`,
});
// The server's middle layer, as the bottom one would import it: the services and the hall.
const services = {
  group: [
    '**/*-service',
    '**/hall',
    '**/hall-hardware',
    '**/press-handler',
    '**/ballot-slots',
    '**/live-hub',
    '**/terminal-live',
    '**/demo/**',
    '**/live/**',
  ],
  message: 'stores, config and db/ do not import services (they are the bottom layer).',
};

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      'data/**',
      'data-keys/**',
      'test-artifacts/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...ours, ...nodeIo],
              message: 'shared is pure: no I/O and no imports of our other packages.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['drivers/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [notServerOrUis] }] },
  },
  {
    // A later block replaces the rule's patterns, so each repeats the ones still in force.
    files: ['drivers/src/**/*.ts'],
    ignores: ['drivers/src/**/*.test.ts', 'drivers/src/sim/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [notServerOrUis, testSupport, simulator] }],
    },
  },
  {
    files: ['drivers/src/sim/**/*.ts'],
    ignores: ['drivers/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [notServerOrUis, testSupport] }] },
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [testSupport] }] },
  },
  // Layers inside the server (issue 11), one way like the packages: routes and the CLI on top;
  // services (votes, attendance, records, terminals, live, ...) in the middle; stores (all SQL),
  // config and db/ at the bottom. These blocks repeat `testSupport` (a later block replaces it).
  {
    files: [
      'server/src/{votes,attendance,records,terminals,live,roster,sessions,auth,hardware,demo,ops,tls}/**/*.ts',
      'server/src/hall.ts',
    ],
    ignores: ['server/src/**/*.test.ts', 'server/src/**/*-store.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [testSupport, routesOrCli('services')] }],
    },
  },
  {
    files: ['server/src/**/*-store.ts', 'server/src/config/**/*.ts', 'server/src/db/**/*.ts'],
    ignores: ['server/src/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [testSupport, routesOrCli('stores, config and db/'), services] },
      ],
    },
  },
  {
    files: ['chair-console/**/*.{ts,tsx}', 'terminal-ui/**/*.{ts,tsx}', 'ui-shared/**/*.ts'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@hall/server', '@hall/server/*', '@hall/drivers', '@hall/drivers/*'],
              message: 'UIs talk to the server only through the API and socket events.',
            },
          ],
        },
      ],
    },
  },
  {
    // Every SQL statement lives in a store (`*-store.ts` beside its service) or in db/ (opening,
    // pragmas, migrations, meta); services decide and sequence (`db.transaction` is allowed).
    // `exec` is SQL when called on a database handle or with SQL text; `RegExp#exec` is not.
    files: ['server/src/**/*.ts'],
    ignores: [
      'server/src/**/*-store.ts',
      'server/src/db/**',
      '**/*.test.ts',
      'server/src/testing/**',
      'server/test-support/**',
    ],
    rules: {
      'no-restricted-syntax': [
        'error',
        ...[
          'CallExpression[callee.property.name=/^(prepare|pragma)$/]',
          `CallExpression[callee.property.name="exec"]:matches(${[
            '[callee.object.name=/^(db|database|sqlite)$/i]',
            '[callee.object.property.name=/^(db|database|sqlite)$/i]',
            `[arguments.0.value=${sqlText}]`,
            `[arguments.0.quasis.0.value.raw=${sqlText}]`,
          ].join(', ')})`,
        ].map((selector) => ({ selector, message: 'SQL belongs in a store (*-store.ts) or db/' })),
      ],
    },
  },
  {
    // What the two UIs share runs in the browser too, and may import only the domain core.
    files: ['ui-shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [...ours, '!@hall/shared', ...nodeIo],
              message: 'ui-shared runs in the browser and may import only @hall/shared.',
            },
          ],
        },
      ],
    },
  },
);
