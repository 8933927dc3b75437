// The LSP tests spawn the bundle the extension ships (dist/server.js), not the sources. `npm test`
// builds it first; when it is missing or older than the sources (a developer running one file),
// it is rebuilt here once, under a lock, because the LSP and Neovim suites may start together.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_JS = path.join(ROOT, 'dist', 'server.js');

function newestSource(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const s = statSync(p);
    newest = Math.max(newest, s.isDirectory() ? newestSource(p) : s.mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  return (
    existsSync(SERVER_JS) && statSync(SERVER_JS).mtimeMs >= newestSource(path.join(ROOT, 'server', 'src'))
  );
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Returns the path of a dist/server.js at least as new as server/src, or throws saying how to get one. */
export function ensureServerBundle(): string {
  if (isFresh()) {
    return SERVER_JS;
  }
  const lock = path.join(ROOT, 'dist', '.test-build.lock');
  mkdirSync(path.dirname(lock), { recursive: true });
  let owner = false;
  try {
    mkdirSync(lock);
    owner = true;
  } catch {
    // Another suite is building: wait for its lock to go (bounded, so a stale lock cannot hang CI).
    for (let i = 0; i < 600 && existsSync(lock); i++) {
      sleepSync(100);
    }
  }
  if (owner) {
    try {
      execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'pipe' });
    } catch (e) {
      const err = e as { stderr?: Buffer; message: string };
      throw new Error(
        `dist/server.js is missing or stale and 'node esbuild.mjs' failed:\n${err.stderr?.toString() ?? err.message}`,
        { cause: e },
      );
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  if (!existsSync(SERVER_JS)) {
    throw new Error(`${SERVER_JS} is missing: build it with 'npm run build' (or 'node esbuild.mjs') first.`);
  }
  return SERVER_JS;
}
