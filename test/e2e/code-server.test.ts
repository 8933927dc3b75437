// End-to-end smoke test in a real VS Code (code-server 4.100.3 = VS Code 1.100.3) driven through
// Debian's Chromium: the packaged .vsix is installed, a policy is opened with Quick Open, and our
// rule ids must show up as squiggles and in the Problems panel. Recipe: shared/docs/harness-code-server.md.
// Runs only with E2E=1 or CI=true (test/run.mjs); a failed setup fails the suite, it is never skipped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import type { RunningCodeServer } from './codeServer';
import {
  installExtension,
  makeWorkDir,
  packageVsix,
  removeDir,
  repoRoot,
  setupCodeServer,
  startCodeServer,
  writeUserSettings,
} from './codeServer';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const resultsDir = path.join(repoRoot, 'test-results');
const fixtures = path.join(repoRoot, 'test/fixtures/e2e');

let workDir = '';
let server: RunningCodeServer | undefined;
let context: BrowserContext | undefined;
let browserProfile = '';
let page: Page;
const consoleLines: string[] = [];
const timings: Record<string, number> = {};
const t0 = Date.now();
const mark = (name: string): void => {
  timings[name] = Date.now() - t0;
};

before(
  async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} not found: install Debian's chromium package (or set CHROMIUM_PATH).`);
    }
    setupCodeServer();
    mark('codeServerInstalled');
    workDir = makeWorkDir();
    const vsix = packageVsix(workDir);
    mark('vsixPackaged');
    const userDataDir = path.join(workDir, 'ud');
    const extensionsDir = path.join(workDir, 'exts');
    const installed = installExtension(vsix, userDataDir, extensionsDir);
    assert.match(installed, /zos-tls/, `--install-extension said: ${installed}`);
    writeUserSettings(userDataDir);

    const ws = path.join(workDir, 'ws');
    mkdirSync(ws, { recursive: true });
    cpSync(path.join(fixtures, 'broken-policy.ttls'), path.join(ws, 'broken-policy.ttls'));
    cpSync(path.join(fixtures, 'POLICY1'), path.join(ws, 'POLICY1'));
    // The shipped examples too, so the workspace looks like a real one (and they must not crash anything).
    if (existsSync(path.join(repoRoot, 'examples'))) {
      cpSync(path.join(repoRoot, 'examples'), path.join(ws, 'examples'), { recursive: true });
    }

    server = await startCodeServer({ userDataDir, extensionsDir, folder: ws });
    mark('codeServerReady');

    browserProfile = mkdtempSync(path.join(workDir, 'chromium-'));
    context = await chromium.launchPersistentContext(browserProfile, {
      executablePath: CHROMIUM,
      headless: true,
      viewport: { width: 1400, height: 900 },
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--headless',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-quic',
      ],
    });
    page = context.pages()[0] ?? (await context.newPage());
    page.on('console', (m) => consoleLines.push(`[${m.type()}] ${m.text()}`));
    await page.goto(`${server.url}/?folder=${encodeURIComponent(ws)}`, { waitUntil: 'domcontentloaded' });
    await page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: 60_000 });
    // The Explorer lists the file once the remote connection and the file service are up.
    await page.waitForSelector('.explorer-folders-view .monaco-list-row[aria-label*="broken-policy.ttls"]', {
      timeout: 60_000,
    });
    mark('workbenchReady');
  },
  { timeout: 10 * 60_000 },
);

after(async () => {
  await context?.close().catch(() => undefined);
  await server?.stop();
  if (server && process.env.ZOS_TLS_E2E_KEEP !== '1') {
    removeDir(workDir);
  }
  console.log(`# e2e timings (ms since start): ${JSON.stringify(timings)}`);
});

async function quickOpen(fileName: string): Promise<void> {
  // Retried: a late focus change (a notification, a walkthrough) can close the quick-input box.
  const input = page.locator('.quick-input-widget input');
  for (let attempt = 1; ; attempt++) {
    try {
      await page.keyboard.press('Control+P');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      await input.fill(fileName, { timeout: 5000 });
      await page
        .locator(`.quick-input-list .monaco-list-row[aria-label*="${fileName}"]`)
        .first()
        .waitFor({ timeout: 10_000 });
      await page.keyboard.press('Enter');
      await page.waitForSelector(`.tabs-container .tab[aria-label*="${fileName}"]`, { timeout: 10_000 });
      return;
    } catch (e) {
      if (attempt >= 3) {
        throw e;
      }
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
}

async function problemRows(): Promise<string[]> {
  return (await page.locator('.markers-panel .monaco-list-row').allInnerTexts()).map((s) =>
    s.replace(/\s+/g, ' ').trim(),
  );
}

async function shoot(name: string): Promise<string> {
  mkdirSync(resultsDir, { recursive: true });
  const file = path.join(resultsDir, name);
  await page.screenshot({ path: file });
  return file;
}

/** On failure: a screenshot and the extension's own log, so CI shows why. */
async function explain(e: unknown, name: string): Promise<never> {
  const shot = await shoot(name).catch(() => '(no screenshot)');
  const ours = consoleLines.filter((l) => /zos|z\/OS TLS|attls|Extension Host/i.test(l)).slice(-40);
  const logs = findOutputLogs(path.join(workDir, 'ud', 'logs'));
  throw new Error(
    `${(e as Error).message}\nscreenshot: ${shot}\nbrowser console:\n${ours.join('\n')}\n` +
      `z/OS TLS output channel:\n${logs}\ncode-server log (tail):\n${server?.log.join('').slice(-3000) ?? ''}`,
    { cause: e },
  );
}

function findOutputLogs(dir: string): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of existsSync(d) ? readdirSync(d, { withFileTypes: true }) : []) {
      const p = path.join(d, name.name);
      if (name.isDirectory()) {
        walk(p);
      } else if (/z_OS TLS|zos-tls|remoteexthost/i.test(name.name)) {
        out.push(`--- ${p}\n${readFileSync(p, 'utf8').slice(-3000)}`);
      }
    }
  };
  walk(dir);
  return out.join('\n');
}

test(
  'a policy with errors shows our rule ids as squiggles and in the Problems panel',
  { timeout: 5 * 60_000 },
  async () => {
    try {
      await quickOpen('broken-policy.ttls');
      mark('policyOpened');
      await page.waitForSelector('.monaco-editor .squiggly-error', { timeout: 60_000 });
      mark('squiggle');
      // The status bar names our language: the manifest's language contribution is active.
      const mode = await page.locator('#status\\.editor\\.mode').innerText({ timeout: 10_000 });
      assert.match(mode, /AT-TLS Policy/);

      await page.keyboard.press('Control+Shift+M');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'attls/unresolved-ref' }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: 'attls/syntax' }).first().waitFor({ timeout: 30_000 });
      mark('problemsPanel');
      const texts = await problemRows();
      console.log(`# Problems panel: ${JSON.stringify(texts)}`);
      assert.ok(texts.some((t) => /e2eMissingGroup/.test(t) && /attls\/unresolved-ref/.test(t)));
      assert.ok(texts.some((t) => /closes nothing/.test(t) && /attls\/syntax/.test(t)));
      const shot = await shoot('e2e-code-server.png');
      console.log(`# screenshot: ${shot}`);
    } catch (e) {
      await explain(e, 'e2e-code-server-fail.png');
    }
  },
);

test(
  'a shipped example shows the TLS 1.3 + FIPS field failure, and no check fails internally',
  { timeout: 3 * 60_000 },
  async () => {
    try {
      await quickOpen('tls13-fips.ttls');
      const rows = page.locator('.markers-panel .monaco-list-row');
      await rows.filter({ hasText: 'attls/tls13-fips-unsupported' }).first().waitFor({ timeout: 30_000 });
      await rows.filter({ hasText: 'attls/fips-chacha20' }).first().waitFor({ timeout: 30_000 });
      const texts = await problemRows();
      assert.ok(texts.some((t) => /dies silently after ServerHello/.test(t)));
      assert.ok(
        !texts.some((t) => /failed on this file/.test(t)),
        `a check crashed: ${JSON.stringify(texts)}`,
      );
      await shoot('e2e-code-server-example.png');
    } catch (e) {
      await explain(e, 'e2e-code-server-example-fail.png');
    }
  },
);

test(
  'a file without extension is recognised as AT-TLS from its content',
  { timeout: 3 * 60_000 },
  async () => {
    try {
      await quickOpen('POLICY1');
      // Opened as plain text, then switched by the client's detection (the same function the server uses).
      await page
        .locator('#status\\.editor\\.mode')
        .filter({ hasText: 'AT-TLS Policy' })
        .waitFor({ timeout: 30_000 });
      await page
        .locator('.markers-panel .monaco-list-row')
        .filter({ hasText: 'noExtensionMissingGroup' })
        .first()
        .waitFor({ timeout: 30_000 });
      mark('detected');
      await shoot('e2e-code-server-detection.png');
    } catch (e) {
      await explain(e, 'e2e-code-server-detection-fail.png');
    }
  },
);
