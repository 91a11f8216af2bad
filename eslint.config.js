import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** SQL that reads the database's clock: Vigil's "now" is never the database's (src/clock.ts). */
const DATABASE_CLOCK =
  /\b(now|statement_timestamp|clock_timestamp|transaction_timestamp|timeofday)\(|\b(current_date|current_timestamp|localtimestamp|localtime)\b/i;

const ONE_CLOCK_MESSAGE =
  'One clock: take "now" and "today" from the injected clock (ctx.now, ctx.today, or a Clock from src/clock.ts), never the machine or the database.';

export default tseslint.config(
  { ignores: ['node_modules/', 'data/', 'bench/results/', '.test-artifacts/', 'scratch/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The one clock: only src/clock.ts reads the wall clock.
    files: ['src/**/*.ts', 'tests/**/*.ts'],
    ignores: ['src/clock.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: ONE_CLOCK_MESSAGE },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: ONE_CLOCK_MESSAGE,
        },
        { selector: `TemplateElement[value.raw=${DATABASE_CLOCK}]`, message: ONE_CLOCK_MESSAGE },
        { selector: `Literal[value=${DATABASE_CLOCK}]`, message: ONE_CLOCK_MESSAGE },
      ],
    },
  },
);
