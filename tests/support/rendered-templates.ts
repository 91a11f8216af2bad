import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import nunjucks from 'nunjucks';
import { PROJECT_ROOT, RECORD_DIR_VARIABLE } from './browser-templates.ts';

/**
 * Which of Vigil's templates a browser suite has shown in Chromium and checked with axe.
 *
 * The browser suites run the app in their own process, so the Nunjucks environment the app renders
 * with is this process's: every template a render loads (the page, the layout it extends, the
 * partials and macros it includes or imports) is noted against the page's Content-Security-Policy
 * nonce, which is unique to the response. `checkPage` (tests/support/browser.ts) reads the nonce off
 * the response it checks and records that response's templates as checked, in a file per test
 * process in the run's directory under `.test-artifacts/browser-templates/`. After the browser project has run, the suite
 * reporter (suite-report.ts) fails the run if a template under `src/` was never checked.
 */

/** The templates each render loaded, by the CSP nonce of the response it was for. */
const byNonce = new Map<string, Set<string>>();
let loading: Set<string> | undefined;

const PATCHED = Symbol.for('vigil.tests.renderedTemplates');
type EnvironmentPrototype = nunjucks.Environment & { [PATCHED]?: true };
const proto = nunjucks.Environment.prototype as EnvironmentPrototype;

if (!proto[PATCHED]) {
  proto[PATCHED] = true;
  const note = (template: unknown) => {
    const file = (template as { path?: unknown } | null)?.path;
    if (!loading || typeof file !== 'string') return;
    const relative = path.relative(PROJECT_ROOT, file);
    if (relative.startsWith('src/')) loading.add(relative);
  };
  // getTemplate is how a render finds the page and everything it extends, includes and imports.
  const getTemplate = proto.getTemplate as (...args: unknown[]) => unknown;
  (proto as unknown as { getTemplate: unknown }).getTemplate = function (this: unknown, ...args: unknown[]) {
    const last = args.findLastIndex((a) => typeof a === 'function');
    if (last >= 0) {
      const cb = args[last] as (error: unknown, template?: unknown) => void;
      args[last] = (error: unknown, template?: unknown) => {
        if (!error) note(template);
        cb(error, template);
      };
    }
    const result = getTemplate.apply(this, args);
    note(result);
    return result;
  };
  // A render without a callback is synchronous: what loads during it belongs to it.
  const render = proto.render as (...args: unknown[]) => unknown;
  (proto as unknown as { render: unknown }).render = function (this: unknown, ...args: unknown[]) {
    const context = args[1] as { cspNonce?: unknown } | undefined;
    const outer = loading;
    loading = new Set();
    try {
      return render.apply(this, args);
    } finally {
      if (typeof context?.cspNonce === 'string') byNonce.set(context.cspNonce, loading);
      loading = outer;
    }
  };
}

/**
 * Records the templates of the response whose Content-Security-Policy is `csp` as checked in a real
 * browser; returns them (empty when the response was not rendered by this process).
 */
export function recordCheckedResponse(csp: string): string[] {
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  const templates = nonce ? [...(byNonce.get(nonce) ?? [])] : [];
  // Set by the suite reporter for its run; without it (another reporter) nothing is kept.
  const dir = process.env[RECORD_DIR_VARIABLE];
  if (dir && templates.length > 0) {
    mkdirSync(dir, { recursive: true });
    appendFileSync(path.join(dir, `${process.pid}.txt`), templates.map((t) => `${t}\n`).join(''));
  }
  return templates;
}
