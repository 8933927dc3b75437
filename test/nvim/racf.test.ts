// Neovim 0.7 as a real third-party LSP client of the shipped bundle on a JCL job: our racf/*
// diagnostics and hovers reach an editor that has no zos-tls extension and no JCL support of its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { runNvim } from './runNvim';

const FIXTURE = path.join('test', 'fixtures', 'nvim', 'certjob.jcl');

test('Neovim gets a racf diagnostic and a hover on a JCL job from dist/server.js', (t) => {
  const run = runNvim(t, 'racf.lua', FIXTURE);
  if (!run) {
    return;
  }
  const { lines, report } = run;
  assert.equal(run.status, 0, report);
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
