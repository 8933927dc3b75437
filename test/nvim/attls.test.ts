// Neovim 0.7 as a real third-party LSP client of the shipped bundle: proves that the server works
// with an editor other than VS Code (no initializationOptions schema, no VS Code middleware).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { runNvim } from './runNvim';

const FIXTURE = path.join('test', 'fixtures', 'nvim', 'unresolved-group.attls');

test('Neovim gets our diagnostic, a hover and code actions from dist/server.js', (t) => {
  const run = runNvim(t, 'attls.lua', FIXTURE);
  if (!run) {
    return;
  }
  const { lines, report } = run;
  assert.equal(run.status, 0, report);
  assert.ok(
    lines.some((l) =>
      /^DIAG 5:21-31 attls\/unresolved-ref severity=1 source=zos-tls href=https:\/\//.test(l),
    ),
    report,
  );
  assert.ok(
    lines.some((l) => l.startsWith('HOVER ') && l.includes('TTLSRule')),
    report,
  );
  assert.ok(lines.includes('ACTION Disable attls/unresolved-ref for this line'), report);
  // The script itself fails when attls/unresolved-ref outlives the edit that fixes the name.
  assert.ok(
    lines.some((l) => l.startsWith('AFTER-EDIT ')),
    report,
  );
  assert.ok(lines.includes('server exited 0'), report);
  assert.ok(lines.includes('PASS'), report);
});
