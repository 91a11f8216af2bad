import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
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
  {
    // Module boundaries (docs/architecture.md): pure rules at the bottom, capabilities in the middle
    // talking to each other only through their index.ts, the web app, CLI and tooling on top.
    files: ['src/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/include': ['src/**/*.ts'],
      'boundaries/elements': [
        { type: 'clock', pattern: 'src/clock.ts', mode: 'full' },
        { type: 'config', pattern: 'src/config.ts', mode: 'full' },
        { type: 'domain', pattern: 'src/domain/*.ts', mode: 'full' },
        { type: 'validation', pattern: 'src/validation/*.ts', mode: 'full' },
        { type: 'access', pattern: 'src/access/*.ts', mode: 'full' },
        { type: 'db', pattern: 'src/db/*.ts', mode: 'full' },
        { type: 'audit-log', pattern: 'src/audit/*.ts', mode: 'full' },
        {
          type: 'web-kit',
          pattern: [
            'src/web/types.ts',
            'src/web/api.ts',
            'src/web/forms.ts',
            'src/web/render.ts',
            'src/web/documents/*.ts',
          ],
          mode: 'full',
        },
        { type: 'wiring', pattern: 'src/modules/wiring.ts', mode: 'full' },
        { type: 'module', pattern: 'src/modules/*', capture: ['name'] },
        { type: 'web-app', pattern: 'src/web/*.ts', mode: 'full' },
        { type: 'tooling', pattern: 'src/tooling/*', capture: ['name'] },
        { type: 'cli', pattern: 'src/cli/*.ts', mode: 'full' },
      ],
    },
    rules: {
      'boundaries/no-unknown-files': 'error',
      'boundaries/element-types': [
        'error',
        {
          default: 'disallow',
          message: '${file.type} may not import ${dependency.type} (see docs/architecture.md)',
          rules: [
            { from: 'clock', allow: ['domain'] },
            { from: 'domain', allow: ['domain'] },
            { from: 'validation', allow: ['domain', 'validation'] },
            { from: 'access', allow: ['domain', 'clock', 'access'] },
            { from: 'db', allow: ['db', 'clock', 'config'] },
            { from: 'audit-log', allow: ['audit-log', 'access', 'db', 'domain', 'clock'] },
            {
              from: 'web-kit',
              allow: ['web-kit', 'access', 'domain', 'validation', 'clock', 'config', 'db'],
            },
            {
              from: 'module',
              allow: [
                'module',
                'domain',
                'validation',
                'access',
                'db',
                'audit-log',
                'clock',
                'config',
                'web-kit',
              ],
            },
            { from: 'wiring', allow: ['module'] },
            {
              from: 'web-app',
              allow: [
                'web-app',
                'web-kit',
                'module',
                'wiring',
                'access',
                'domain',
                'clock',
                'config',
                'db',
                'audit-log',
              ],
            },
            {
              from: 'tooling',
              allow: [
                'tooling',
                'module',
                'wiring',
                'domain',
                'validation',
                'access',
                'db',
                'audit-log',
                'clock',
                'config',
              ],
            },
            {
              from: 'cli',
              allow: [
                'cli',
                'web-app',
                'module',
                'wiring',
                'tooling',
                'domain',
                'access',
                'db',
                'audit-log',
                'clock',
                'config',
              ],
            },
          ],
        },
      ],
      // A capability is used only through its index.ts: its tables and internals are its own.
      'boundaries/entry-point': [
        'error',
        {
          default: 'allow',
          rules: [
            { target: ['module'], disallow: ['*'] },
            { target: ['module'], allow: ['index.ts'] },
          ],
        },
      ],
    },
  },
);
