// Runs every *.test.ts under test/ with node's test runner (Node 20 has no --test globs).
// The real-VS-Code suites under test/e2e/ run when E2E=1 or in CI (CI=true), as the README says.
import { readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const e2e = process.env.E2E === '1' || process.env.CI === 'true';
const only = process.argv.slice(2);

function find(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name === 'node_modules' || name === 'fixtures') {
        continue;
      }
      if (name === 'e2e' && !e2e) {
        console.log('# e2e suites not run: set E2E=1 (CI sets CI=true) to run them');
        continue;
      }
      out.push(...find(p));
    } else if (name.endsWith('.test.ts')) {
      out.push(p);
    }
  }
  return out;
}

let files = find(path.join(root, 'test')).sort();
if (only.length) {
  files = files.filter((f) => only.some((o) => f.includes(o)));
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], {
  stdio: 'inherit',
  cwd: root,
});
process.exit(r.status ?? 1);
