// Runs one of the Lua scripts in this folder in a headless Neovim 0.7 against the shipped bundle
// (dist/server.js): shared by attls.test.ts and racf.test.ts.
import type { TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { ROOT, ensureServerBundle } from '../lsp/serverBundle';

function nvimVersion(): string | undefined {
  const r = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
  return r.error ? undefined : r.stdout.split('\n')[0];
}

export interface NvimRun {
  status: number | null;
  /** The script's stdout, line by line. */
  lines: string[];
  /** Exit, stdout and stderr, as the message of a failed assertion. */
  report: string;
}

/**
 * Runs `nvim --headless --clean -n -S test/nvim/<script> <fixture>` (the fixture is relative to the
 * project root). Skips the test when nvim is missing, except in CI, where that fails it.
 */
export function runNvim(t: TestContext, script: string, fixture: string): NvimRun | undefined {
  const version = nvimVersion();
  if (!version) {
    if (process.env.CI === 'true') {
      assert.fail(
        'nvim is not on PATH: CI must install it (apt-get install -y --no-install-recommends neovim)',
      );
    }
    t.skip('nvim not installed: apt-get install neovim');
    return undefined;
  }
  t.diagnostic(version);
  const server = ensureServerBundle();
  const r = spawnSync(
    'nvim',
    ['--headless', '--clean', '-n', '-S', path.join('test', 'nvim', script), fixture],
    {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ZOS_TLS_SERVER: server, ZOS_TLS_NODE: process.execPath },
      stdio: ['ignore', 'pipe', 'pipe'],
      // A hang guard only: a run takes well under a second.
      timeout: 60_000,
    },
  );
  const report = `nvim exit ${r.status} ${r.signal ?? ''}\nstdout:\n${r.stdout}\nstderr:\n${r.stderr}`;
  return { status: r.status, lines: r.stdout.split('\n'), report };
}
