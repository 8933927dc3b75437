// Runs suite.ts in a real VS Code desktop with @vscode/test-electron. VS Code comes from
// VSCODE_EXECUTABLE (no download), else from a download attempt that fails fast when the update
// server cannot be reached (as on the project's build machine: see shared/docs/harness.md §1).
// Exit codes: 0 passed, 1 failed, 3 no VS Code desktop available (the wrapper test then skips).
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { build } from 'esbuild';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const NO_VSCODE_EXIT = 3;
const root = path.resolve(__dirname, '..', '..', '..');

async function vscodeExecutable(): Promise<string | undefined> {
  const fromEnv = process.env.VSCODE_EXECUTABLE;
  if (fromEnv) {
    if (!existsSync(fromEnv)) {
      throw new Error(`VSCODE_EXECUTABLE=${fromEnv} does not exist`);
    }
    return fromEnv;
  }
  try {
    return await downloadAndUnzipVSCode({
      cachePath: path.join(root, '.vscode-test'),
      timeout: 15_000,
    });
  } catch (e) {
    console.log(`VS Code download failed: ${(e as Error).message}`);
    return undefined;
  }
}

async function main(): Promise<number> {
  const executable = await vscodeExecutable();
  if (!executable) {
    return NO_VSCODE_EXIT;
  }
  if (!existsSync(path.join(root, 'dist/extension.js'))) {
    throw new Error('dist/extension.js is missing: run `npm run build` first');
  }
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-electron-'));
  try {
    // The extension host loads plain CommonJS: bundle the suite, keep `vscode` external.
    const suite = path.join(tmp, 'suite.js');
    await build({
      entryPoints: [path.join(__dirname, 'suite.ts')],
      outfile: suite,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['vscode'],
      logLevel: 'warning',
    });
    // The workspace is a copy, as in the code-server suite: scenario 7 writes .vscode/settings.json and
    // the repository must not be touched. The shipped examples hold the clean and FIPS policies, and a
    // trace written for this project opens in the trace viewer as *.trc.
    const ws = path.join(tmp, 'ws');
    cpSync(path.join(root, 'test/fixtures/e2e'), ws, { recursive: true });
    cpSync(path.join(root, 'examples'), path.join(ws, 'examples'), { recursive: true });
    cpSync(
      path.join(root, 'test/fixtures/traces/liberty-jsse8-null-cert-chain.txt'),
      path.join(ws, 'null-cert-chain.trc'),
    );
    return await runTests({
      vscodeExecutablePath: executable,
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      extensionTestsEnv: { ZOS_TLS_E2E_WORKSPACE: ws },
      launchArgs: [
        ws,
        '--disable-extensions',
        // Trusted, so the index of workspace files and Liberty includes are read. Restricted Mode
        // (diagnostics still shown, other files not read) is covered by the code-server suite,
        // scenario 8, where trust can be turned on without a prompt nobody could answer here.
        '--disable-workspace-trust',
        `--user-data-dir=${path.join(tmp, 'ud')}`,
        `--extensions-dir=${path.join(tmp, 'exts')}`,
      ],
    });
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
