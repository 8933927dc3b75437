// Helpers for the code-server e2e: install (via setup-code-server.sh), pack the real .vsix without
// touching the working tree's dist/, and run code-server in its own process group.
import { spawn, spawnSync } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const e2eDir = process.env.ZOS_TLS_E2E_DIR ?? '/tmp/zos-tls-e2e';
export const codeServerEntry = path.join(e2eDir, 'node_modules/code-server/out/node/entry.js');

/** Keep code-server's config.yaml (it holds a generated password) out of the home directory. */
export function codeServerEnv(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    XDG_CONFIG_HOME: path.join(e2eDir, 'xdg/config'),
    XDG_DATA_HOME: path.join(e2eDir, 'xdg/data'),
    XDG_CACHE_HOME: path.join(e2eDir, 'xdg/cache'),
  };
}

function run(cmd: string, args: string[], cwd: string, timeoutMs: number, env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { cwd, env: env ?? process.env, encoding: 'utf8', timeout: timeoutMs });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0) {
    const why = r.error ? r.error.message : `exit code ${r.status ?? r.signal}`;
    throw new Error(`${cmd} ${args.join(' ')} failed (${why}):\n${out.slice(-4000)}`);
  }
  return out;
}

/** Installs code-server outside the repository; the script returns at once when it is already there. */
export function setupCodeServer(): void {
  try {
    run('bash', [path.join(repoRoot, 'test/e2e/setup-code-server.sh')], repoRoot, 10 * 60_000);
  } catch (e) {
    throw new Error(
      `code-server could not be installed in ${e2eDir}, so the e2e suite cannot run. ` +
        `Run test/e2e/setup-code-server.sh by hand to see why (it needs the npm registry, the Debian ` +
        `packages chromium, ripgrep and a C++ toolchain).\n${(e as Error).message}`,
      { cause: e },
    );
  }
  if (!existsSync(codeServerEntry)) {
    throw new Error(`setup-code-server.sh finished but ${codeServerEntry} does not exist.`);
  }
}

/**
 * `npm run package` in a staging copy of the sources, so the test ships exactly what a release
 * would, while the working tree's dist/ (used by other suites running at the same time) stays untouched.
 */
export function packageVsix(workDir: string): string {
  const stage = path.join(workDir, 'stage');
  mkdirSync(stage, { recursive: true });
  const skip = new Set(['node_modules', '.git', 'dist', 'out', 'test', 'test-results', '.vscode-test']);
  cpSync(repoRoot, stage, {
    recursive: true,
    filter: (src) => !(path.dirname(src) === repoRoot && skip.has(path.basename(src))),
  });
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
  run('npm', ['run', 'package'], stage, 5 * 60_000);
  const vsix = path.join(stage, 'dist/zos-tls.vsix');
  if (!existsSync(vsix)) {
    throw new Error(`npm run package did not produce ${vsix}`);
  }
  return vsix;
}

export function installExtension(vsix: string, userDataDir: string, extensionsDir: string): string {
  return run(
    process.execPath,
    [
      codeServerEntry,
      '--user-data-dir',
      userDataDir,
      '--extensions-dir',
      extensionsDir,
      '--install-extension',
      vsix,
    ],
    e2eDir,
    2 * 60_000,
    codeServerEnv(),
  );
}

/**
 * User settings that keep the workbench quiet: no welcome editor stealing focus from Quick Open.
 * Workspace trust is off here (every folder trusted) rather than by code-server's
 * --disable-workspace-trust flag, so the untrusted-workspace test can turn it on with `extra`.
 */
export function writeUserSettings(userDataDir: string, extra: Record<string, unknown> = {}): void {
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(
    path.join(userDataDir, 'User/settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'security.workspace.trust.enabled': false,
        ...extra,
      },
      null,
      2,
    ),
  );
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export interface RunningCodeServer {
  url: string;
  process: ChildProcess;
  log: string[];
  stop(): Promise<void>;
}

/** Starts code-server on 127.0.0.1 without auth, detached into its own process group. */
export async function startCodeServer(opts: {
  userDataDir: string;
  extensionsDir: string;
  folder: string;
}): Promise<RunningCodeServer> {
  const port = await freePort();
  const args = [
    codeServerEntry,
    '--auth',
    'none',
    '--bind-addr',
    `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--user-data-dir',
    opts.userDataDir,
    '--extensions-dir',
    opts.extensionsDir,
    opts.folder,
  ];
  const child = spawn(process.execPath, args, {
    cwd: e2eDir,
    env: codeServerEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const log: string[] = [];
  child.stdout?.on('data', (b: Buffer) => log.push(b.toString()));
  child.stderr?.on('data', (b: Buffer) => log.push(b.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
      return;
    }
    // The whole group: code-server forks its extension host and our language server under it.
    const kill = (sig: NodeJS.Signals): void => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // already gone
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    kill('SIGKILL'); // stragglers that ignored SIGTERM after the leader exited
  };

  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`code-server exited with ${child.exitCode} before it answered:\n${log.join('')}`);
    }
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) {
        break;
      }
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer on ${url}/healthz within 60 s:\n${log.join('')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, process: child, log, stop };
}

export function makeWorkDir(): string {
  mkdirSync(e2eDir, { recursive: true });
  return mkdtempSync(path.join(e2eDir, 'run-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
