import { defineConfig } from 'vitest/config';

/**
 * Three projects, run together by `npx vitest run` (scripts/test.sh):
 * - unit: pure domain rules, fast.
 * - integration: every use case against both PGlite and a PostgreSQL server
 *   (TEST_DATABASE_URL); each file clones its own database, so files may run in parallel.
 * - browser: pages in Debian's Chromium (CHROMIUM_PATH) with axe.
 * The machines have 2 cores: at most 2 test files at once.
 * tests/support/suite-report.ts adds each project's time, the coverage per floor and the check that
 * every template was shown in the browser with axe.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    // Vitest's own report, then each project's time and the browser templates check (tests/support).
    reporters: ['default', './tests/support/suite-report.ts'],
    passWithNoTests: true,
    allowOnly: false,
    // `npx vitest run --coverage` (npm test): V8 coverage of src/ from every project (the browser
    // suites run the app in their own process, so their pages count too). The floors fail the run.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text-summary'],
      reportsDirectory: '.test-artifacts/coverage',
      thresholds: {
        lines: 80,
        'src/domain/**': { lines: 90 },
        'src/access/**': { lines: 90 },
      },
    },
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
          // A worker runs its files one after another in one module graph: the app is imported
          // once per worker, not once per file (4 s a file). Files share no state but static data.
          isolate: false,
          // The heaviest files (every route for every role, the fuzzer, the generator) take 20-40 s
          // on a quiet machine; the limit leaves room for a busy one rather than failing on load.
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'browser',
          include: ['tests/browser/**/*.test.ts'],
          environment: 'node',
          isolate: false,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
