// Neovim 0.7 as a real third-party LSP client of the shipped bundle on a JCL job: our racf/*
// diagnostics and hovers reach an editor that has no zos-tls extension and no JCL support of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, ensureServerBundle } from '../lsp/serverBundle';

const SCRIPT = path.join('test', 'nvim', 'racf.lua');
const FIXTURE = path.join('test', 'fixtures', 'nvim', 'certjob.jcl');

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.error ? undefined : r.stdout.split('\n')[0];
}

test('Neovim gets a racf diagnostic and a hover on a JCL job from dist/server.js', (t) => {
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
  // SIZE(512) on line 6 of the job (0-based 5), the 512 in columns 49-51.
  assert.ok(
    lines.some((l) => /^DIAG 5:48-51 racf\/key-size severity=2 source=zos-tls href=https:\/\//.test(l)),
    report,
  );
  // The job refreshes DIGTCERT, so nothing but the size is wrong.
  assert.deepEqual(lines.filter((l) => l.startsWith('DIAG ')).length, 1, report);
  assert.ok(
    lines.some((l) => l.startsWith('HOVER ') && l.includes('P-521') && l.includes('521')),
    report,
  );
  assert.ok(lines.includes('server exited 0'), report);
  assert.ok(lines.includes('PASS'), report);
});
