/**
 * Lint: `engines` in package.json is true to the dependencies. Every installed package that declares
 * the Node.js versions it runs on must accept every version Vigil says it runs on.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const root = path.resolve(import.meta.dirname, '..');
const ours = (
  JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }
).engines.node;
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean; os?: string[] }>;
};
const problems: string[] = [];
for (const [where, info] of Object.entries(lock.packages)) {
  const theirs = !Array.isArray(info.engines) ? info.engines?.node : undefined;
  if (!where || !theirs) continue;
  // Platform-specific optional builds (another OS or CPU) are never installed here.
  if (info.optional && info.os && !info.os.includes(process.platform)) continue;
  if (!semver.subset(ours, theirs))
    problems.push(`${where.replace(/^.*node_modules\//, '')} needs node ${theirs}`);
}
if (problems.length) {
  console.error(`package.json says node ${ours}, but:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Every dependency runs on node ${ours}.`);
