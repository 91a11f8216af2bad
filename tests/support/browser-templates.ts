import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The list of Vigil's templates, and the record of which ones the browser suites rendered in
 * Chromium and checked with axe (written by rendered-templates.ts in the test processes, read by
 * the suite reporter, suite-report.ts, after the browser project has run).
 */

export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const ARTIFACTS_DIR = path.join(PROJECT_ROOT, '.test-artifacts');
const RECORDS = path.join(ARTIFACTS_DIR, 'browser-templates');
/** The environment variable that gives the test processes this run's record directory. */
export const RECORD_DIR_VARIABLE = 'VIGIL_TEST_TEMPLATE_RECORDS';

/** A record directory for one run of vitest (so two runs at once in one checkout keep apart). */
export function recordDirForRun(runId: string): string {
  return path.join(RECORDS, runId);
}

/** Every template the app may render: `src/web/views/*.njk` and each module's `views/` (any depth). */
export function allTemplates(): string[] {
  const found: string[] = [];
  const walk = (dir: string, inViews: boolean) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, inViews || entry.name === 'views');
      else if (inViews && entry.name.endsWith('.njk')) found.push(path.relative(PROJECT_ROOT, full));
    }
  };
  walk(path.join(PROJECT_ROOT, 'src'), false);
  return found.sort();
}

/** The templates recorded as checked by every test process of a run. */
export function checkedTemplates(dir: string): Set<string> {
  const checked = new Set<string>();
  let files: string[];
  try {
    files = readdirSync(dir);
  } catch {
    return checked;
  }
  for (const file of files)
    for (const line of readFileSync(path.join(dir, file), 'utf8').split('\n')) if (line) checked.add(line);
  return checked;
}
