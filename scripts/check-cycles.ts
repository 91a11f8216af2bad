/**
 * Lint: no import cycles, between files (madge) or between capabilities (src/modules/<m>). A cycle
 * means two parts can only be understood — and changed — together. Run by `npm run lint`.
 */
import path from 'node:path';
import madge from 'madge';

const root = path.resolve(import.meta.dirname, '..');
const result = await madge(path.join(root, 'src'), {
  fileExtensions: ['ts'],
  tsConfig: path.join(root, 'tsconfig.json'),
  detectiveOptions: { ts: { skipTypeImports: false } },
});

const problems: string[] = [];
for (const cycle of result.circular()) problems.push(`files: ${[...cycle, cycle[0]].join(' → ')}`);

// Capabilities: collapse the file graph onto src/modules/<m>.
const moduleOf = (file: string) => /^modules\/([^/]+)\//.exec(file)?.[1];
const graph = new Map<string, Set<string>>();
for (const [file, imports] of Object.entries(result.obj())) {
  const from = moduleOf(file);
  if (!from) continue;
  for (const imported of imports) {
    const to = moduleOf(imported);
    if (to && to !== from) (graph.get(from) ?? graph.set(from, new Set()).get(from)!).add(to);
  }
}
const seen = new Set<string>();
const reported = new Set<string>();
function visit(node: string, stack: string[]) {
  if (stack.includes(node)) {
    const cycle = stack.slice(stack.indexOf(node));
    const key = [...cycle].sort().join(',');
    if (!reported.has(key)) {
      reported.add(key);
      problems.push(`capabilities: ${[...cycle, node].join(' → ')}`);
    }
    return;
  }
  if (seen.has(node)) return;
  for (const next of graph.get(node) ?? []) visit(next, [...stack, node]);
  seen.add(node);
}
for (const node of graph.keys()) visit(node, []);

if (problems.length) {
  console.error(`Import cycles (${problems.length}):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `No import cycles among ${Object.keys(result.obj()).length} files and ${graph.size} capabilities.`,
);
