import { defineConfig } from 'vitest/config';

/**
 * Three projects, run together by `npx vitest run` (scripts/test.sh):
 * - unit: pure domain rules, fast.
 * - integration: every use case against both PGlite and a PostgreSQL server
 *   (TEST_DATABASE_URL); each file clones its own database, so files may run in parallel.
 * - browser: pages in Debian's Chromium (CHROMIUM_PATH) with axe.
 * The machines have 2 cores: at most 2 test files at once.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    // Vitest's own report, then each project's time and the browser templates check (tests/support).
    reporters: ['default', './tests/support/suite-report.ts'],
    passWithNoTests: true,
    allowOnly: false,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
