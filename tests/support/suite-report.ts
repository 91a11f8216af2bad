import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Reporter, TestModule, TestProject, Vitest } from 'vitest/node';
import {
  ARTIFACTS_DIR,
  RECORD_DIR_VARIABLE,
  allTemplates,
  checkedTemplates,
  recordDirForRun,
} from './browser-templates.ts';

/**
 * A reporter beside vitest's own (vitest.config.ts), for `npm test`:
 *
 * - The time of each project (unit, integration, browser): from its first test file starting to
 *   its last one ending ("wall"; projects share the two workers, so their walls overlap) and the
 *   sum of its files' times. Printed as a table and written (tab-separated) to VIGIL_TEST_TIMES_FILE,
 *   or `.test-artifacts/vitest-projects.tsv`, for scripts/test.sh's summary.
 * - With coverage on, the share of lines covered under each floor of vitest.config.ts (all of src/,
 *   src/domain/**, src/access/**), beside the floor; vitest itself fails the run below one.
 * - The browser templates check: when the whole browser project ran and passed, every template
 *   under src/ must have been rendered in Chromium and passed axe at least once (recorded by
 *   `checkPage`, see rendered-templates.ts); otherwise the run fails, naming the ones never shown.
 */

/** Where the tables go as well: scripts/test.sh names files of its own run. */
const PROJECT_TIMES_FILE =
  process.env.VIGIL_TEST_TIMES_FILE ?? path.join(ARTIFACTS_DIR, 'vitest-projects.tsv');
const COVERAGE_FILE = process.env.VIGIL_TEST_COVERAGE_FILE ?? path.join(ARTIFACTS_DIR, 'coverage-floors.tsv');

/** `src/domain/**`: everything under a folder, the only kind of glob the floors use. */
function underGlob(file: string, glob: string): boolean {
  if (!glob.endsWith('/**')) throw new Error(`suite-report: cannot read the coverage glob ${glob}`);
  return file.startsWith(glob.slice(0, -2));
}

interface ProjectTimes {
  files: number;
  tests: number;
  failed: number;
  first: number;
  last: number;
  fileSeconds: number;
}

export default class SuiteReport implements Reporter {
  #vitest: Vitest | undefined;
  readonly #started = new Map<string, number>();
  readonly #projects = new Map<string, ProjectTimes>();

  /** Where this run's test processes record the templates they checked (inherited by the workers). */
  readonly #records = recordDirForRun(String(process.pid));

  onInit(vitest: Vitest): void {
    this.#vitest = vitest;
    process.env[RECORD_DIR_VARIABLE] = this.#records;
  }

  onTestRunStart(): void {
    rmSync(this.#records, { recursive: true, force: true });
    rmSync(PROJECT_TIMES_FILE, { force: true });
  }

  onTestModuleStart(module: TestModule): void {
    this.#started.set(module.moduleId, performance.now());
  }

  onTestModuleEnd(module: TestModule): void {
    const end = performance.now();
    const start = this.#started.get(module.moduleId) ?? end;
    const name = module.project.name || '(root)';
    const times = this.#projects.get(name) ?? {
      files: 0,
      tests: 0,
      failed: 0,
      first: start,
      last: end,
      fileSeconds: 0,
    };
    const tests = [...module.children.allTests()];
    times.files += 1;
    times.tests += tests.length;
    times.failed += tests.filter((t) => t.result().state === 'failed').length;
    times.first = Math.min(times.first, start);
    times.last = Math.max(times.last, end);
    times.fileSeconds += (end - start) / 1000;
    this.#projects.set(name, times);
  }

  /** Lines covered under each floor of vitest.config.ts (the whole of src/ and each glob). */
  onCoverage(coverage: unknown): void {
    const map = coverage as {
      files(): string[];
      fileCoverageFor(file: string): { toSummary(): { lines: { total: number; covered: number } } };
    };
    const thresholds = (this.#vitest?.config.coverage as { thresholds?: Record<string, unknown> } | undefined)
      ?.thresholds;
    if (!thresholds || typeof map?.files !== 'function') return;
    const root = this.#vitest!.config.root;
    const floors: { name: string; glob: string | null; floor: unknown }[] = [
      { name: 'src (all)', glob: null, floor: thresholds.lines },
      ...Object.entries(thresholds)
        .filter(([key, value]) => key.includes('/') && typeof value === 'object' && value)
        .map(([glob, value]) => ({ name: glob, glob, floor: (value as { lines?: unknown }).lines })),
    ];
    const rows = floors.map(({ name, glob, floor }) => {
      let total = 0;
      let covered = 0;
      for (const file of map.files()) {
        const relative = path.relative(root, file);
        if (glob && !underGlob(relative, glob)) continue;
        const { lines } = map.fileCoverageFor(file).toSummary();
        total += lines.total;
        covered += lines.covered;
      }
      const pct = total ? (100 * covered) / total : 100;
      return { name, pct, floor: typeof floor === 'number' ? floor : null };
    });
    console.log('\nLines covered, by floor (vitest.config.ts; under a floor fails the run):');
    for (const r of rows)
      console.log(
        `  ${r.name.padEnd(16)}${`${r.pct.toFixed(1)} %`.padStart(9)}   floor ${r.floor ?? '-'} %${r.floor !== null && r.pct < r.floor ? '   BELOW' : ''}`,
      );
    mkdirSync(path.dirname(COVERAGE_FILE), { recursive: true });
    writeFileSync(
      COVERAGE_FILE,
      rows.map((r) => `${r.name}\t${r.pct.toFixed(1)}\t${r.floor ?? ''}\n`).join(''),
    );
  }

  async onTestRunEnd(modules: ReadonlyArray<TestModule>): Promise<void> {
    this.#printTimes();
    const browser = this.#vitest?.projects.find((p) => p.name === 'browser');
    try {
      if (browser) await this.#checkBrowserTemplates(browser, modules);
    } finally {
      rmSync(this.#records, { recursive: true, force: true });
    }
  }

  #printTimes(): void {
    if (this.#projects.size === 0) return;
    const rows = [...this.#projects].map(([name, t]) => ({
      name,
      files: t.files,
      tests: t.tests,
      wall: (t.last - t.first) / 1000,
      sum: t.fileSeconds,
    }));
    const line = (cells: string[]) =>
      `  ${cells[0]!.padEnd(12)}${cells[1]!.padStart(6)}${cells[2]!.padStart(7)}${cells[3]!.padStart(10)}${cells[4]!.padStart(14)}`;
    console.log('\nTime per vitest project (the projects share the workers, so their walls overlap):');
    console.log(line(['project', 'files', 'tests', 'wall', 'sum of files']));
    for (const r of rows)
      console.log(
        line([r.name, String(r.files), String(r.tests), `${r.wall.toFixed(1)} s`, `${r.sum.toFixed(1)} s`]),
      );
    mkdirSync(path.dirname(PROJECT_TIMES_FILE), { recursive: true });
    writeFileSync(
      PROJECT_TIMES_FILE,
      rows
        .map((r) => `${r.name}\t${r.files}\t${r.tests}\t${r.wall.toFixed(1)}\t${r.sum.toFixed(1)}\n`)
        .join(''),
    );
  }

  async #checkBrowserTemplates(browser: TestProject, modules: ReadonlyArray<TestModule>): Promise<void> {
    const ran = modules.filter((m) => m.project.name === 'browser');
    if (ran.length === 0) return;
    const { testFiles } = await browser.globTestFiles();
    const tests = ran.flatMap((m) => [...m.children.allTests()]);
    const whole =
      ran.length === testFiles.length &&
      !this.#vitest?.config.testNamePattern &&
      tests.every((t) => t.result().state === 'passed');
    if (!whole) {
      console.log(
        '\nBrowser templates check not made: it needs the whole browser project to run and pass ' +
          `(${ran.length} of ${testFiles.length} files ran${tests.some((t) => t.result().state !== 'passed') ? ', not every test passed' : ''}).`,
      );
      return;
    }
    const checked = checkedTemplates(this.#records);
    const templates = allTemplates();
    const never = templates.filter((t) => !checked.has(t));
    if (never.length > 0) {
      process.exitCode = 1;
      console.error(
        `\nFAIL browser templates check: ${never.length} of ${templates.length} templates were never ` +
          'rendered in Chromium and checked with axe (checkPage) by the browser suites:\n' +
          never.map((t) => `  - ${t}`).join('\n'),
      );
    } else {
      console.log(
        `\nBrowser templates check: all ${templates.length} templates under src/ were rendered in Chromium and passed axe.`,
      );
    }
  }
}
