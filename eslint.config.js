import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'bench/results.json', '.cache/', '.scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The bot and the console talk through the logger and explicit streams only.
    files: ['src/**/*.ts', 'commands/**/*.ts'],
    rules: { 'no-console': 'error' },
  },
);
