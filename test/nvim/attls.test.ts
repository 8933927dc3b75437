// Neovim 0.7 as a real third-party LSP client of the shipped bundle: proves that the server works
// with an editor other than VS Code (no initializationOptions schema, no VS Code middleware).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, ensureServerBundle } from '../lsp/serverBundle';

const SCRIPT = path.join('test', 'nvim', 'attls.lua');
const FIXTURE = path.join('test', 'fixtures', 'nvim', 'unresolved-group.attls');

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.error ? undefined : r.stdout.split('\n')[0];
}

test('Neovim gets our diagnostic, a hover and code actions from dist/server.js', (t) => {
  const version = nvimVersion();
  if (!version) {
    if (process.env.CI === 'true') {
      assert.fail(
        'nvim is not on PATH: CI must install it (apt-get install -y --no-install-recommends neovim)',
      );
    }
    t.skip('nvim not installed: apt-get install neovim');
    return;
  }
  t.diagnostic(version);
  const server = ensureServerBundle();
  const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-S', SCRIPT, FIXTURE], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ZOS_TLS_SERVER: server, ZOS_TLS_NODE: process.execPath },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A hang guard only: a run takes well under a second.
    timeout: 60_000,
  });
  const report = `nvim exit ${r.status} ${r.signal ?? ''}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
  assert.equal(r.status, 0, report);
  const lines = r.stdout.split('\n');
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
