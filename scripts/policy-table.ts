// Rewrites the policy table in docs/security.md from src/access/policy.ts (npm run docs:policy).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { policyTableMarkdown } from '../src/access/policy-table.ts';
import { projectRoot } from '../src/config.ts';

const file = path.join(projectRoot, 'docs/security.md');
const doc = readFileSync(file, 'utf8');
const updated = doc.replace(
  /<!-- policy-table:start -->\n[\s\S]*?\n<!-- policy-table:end -->/,
  `<!-- policy-table:start -->\n${policyTableMarkdown()}\n<!-- policy-table:end -->`,
);
writeFileSync(file, updated);
console.log(
  updated === doc ? 'docs/security.md already up to date' : 'docs/security.md policy table updated',
);
