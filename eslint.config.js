// Lint for the whole repository. Dependencies run one way: `shared` imports nothing of ours and
// does no I/O; `drivers` know nothing of votes; the UIs reach the server only through the API.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ours = ['@hall/*'];
const nodeIo = ['node:*', 'fs', 'path', 'net', 'http', 'child_process', 'os'];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'test-artifacts/**', 'coverage/**'] },
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
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['@hall/server', '@hall/server/*', '@hall/chair-console', '@hall/terminal-ui'],
              message: 'drivers know nothing of the server or the UIs.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['chair-console/**/*.{ts,tsx}', 'terminal-ui/**/*.{ts,tsx}'],
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
);
