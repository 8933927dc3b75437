// The trace viewer's page in real headless Chromium (issue 6; harness.md §4): the built bundle
// (dist/webview/trace.js) under the HTML and CSP the extension serves, with a stub
// acquireVsCodeApi that plays the extension: the summary is what the server's own traceSummary
// makes of the REAL indexer's result over a real corpus sample, and every `page` request is
// answered with pageLines + pageLine over the same bytes, as zosTls/trace/page would.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { chromium } from 'playwright-core';
import { makeNonce, traceViewerHtml } from '../../client/src/traceViewer/html';
import { pageLine, traceSummary } from '../../server/src/lsp/trace';
import type { TracePageLine, TraceSummary } from '../../server/src/protocol/trace';
import { indexTraceBytes, pageLines } from '../../server/src/service/trace';

const ROOT = path.resolve(__dirname, '..', '..');
const DIST = path.join(ROOT, 'dist', 'webview');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CORPUS = '/work/shared/corpus/traces';
const CURL_ALERT = `${CORPUS}/curl-verbose/openssl-19518-curl-alert-internal-error-592.txt`;
const WEBSPHERE = `${CORPUS}/liberty-trace/websphere-traditional-trace-ssl-all-and-jsse-debug-client.txt`;
const LIBERTY = `${CORPUS}/liberty-trace/openliberty-9424-message-texts-CWWKO0801E.txt`;
/** Written into the trace: must show as text, create no element, run nothing, open no dialog. */
const HOSTILE =
  '* <img src=x onerror="window.__pwned=1;alert(1)"> <script>window.__pwned=2;alert(2)</script> alert 40';

const LAUNCH = {
  executablePath: CHROMIUM,
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
  timeout: 30_000,
};

function newest(dir: string): number {
  let n = 0;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const s = statSync(p);
    n = Math.max(n, s.isDirectory() ? newest(p) : s.mtimeMs);
  }
  return n;
}

/** `npm test` builds first; a developer running this file alone gets a rebuild when the page is stale. */
function ensureWebviewBundle(): void {
  const js = path.join(DIST, 'trace.js');
  const sources = Math.max(
    newest(path.join(ROOT, 'client', 'webview')),
    newest(path.join(ROOT, 'server', 'src', 'protocol')),
  );
  if (!existsSync(js) || statSync(js).mtimeMs < sources) {
    execFileSync(process.execPath, [path.join(ROOT, 'esbuild.mjs')], { cwd: ROOT, stdio: 'pipe' });
  }
}

interface Fixture {
  name: string;
  summary: TraceSummary;
  page(fromLine: number, count: number): Promise<TracePageLine[]>;
}

/** What the extension would hold for a trace: the server's summary and its page answers. */
function fixture(name: string, bytes: Buffer): Fixture {
  const index = indexTraceBytes(bytes);
  const uri = `file:///traces/${name}`;
  return {
    name,
    summary: traceSummary(uri, index),
    page: async (fromLine, count) =>
      (await pageLines(index, (o, n) => bytes.subarray(o, o + n), fromLine, count)).map((l) =>
        pageLine(l.line, l.text),
      ),
  };
}

const DARK_THEME: Record<string, string> = {
  '--vscode-font-family': 'system-ui, sans-serif',
  '--vscode-font-size': '13px',
  '--vscode-editor-font-family': 'monospace',
  '--vscode-editor-font-size': '13px',
  '--vscode-foreground': '#cccccc',
  '--vscode-descriptionForeground': '#9d9d9d',
  '--vscode-editor-background': '#1f1f1f',
  '--vscode-sideBar-background': '#181818',
  '--vscode-panel-border': '#2b2b2b',
  '--vscode-errorForeground': '#f85149',
  '--vscode-editorWarning-foreground': '#cca700',
  '--vscode-charts-blue': '#3794ff',
  '--vscode-focusBorder': '#0078d4',
  '--vscode-textLink-foreground': '#4daafc',
  '--vscode-list-hoverBackground': '#2a2d2e',
  '--vscode-list-activeSelectionBackground': '#04395e',
  '--vscode-list-activeSelectionForeground': '#ffffff',
  '--vscode-editorLineNumber-foreground': '#6e7681',
  '--vscode-badge-background': '#616161',
  '--vscode-badge-foreground': '#f8f8f8',
};

// Stub of the webview API, injected before the page's scripts (not subject to its CSP): posts are
// recorded, `page` requests answered through the exposed __tracePage, state kept like VS Code's.
// A string, not a function: tsx would wrap a function's inner functions in its __name helper,
// which does not exist in the page.
const STUB = `
  // VS Code sets its theme's colours as --vscode-* properties on the html element; a few of the
  // Dark Modern theme, so the page is coloured as in the editor.
  const theme = ${JSON.stringify(DARK_THEME)};
  const paint = () => {
    for (const [k, v] of Object.entries(theme)) document.documentElement.style.setProperty(k, v);
    document.documentElement.classList.add('vscode-dark');
  };
  if (document.documentElement) paint(); else document.addEventListener('DOMContentLoaded', paint);
  window.__posted = [];
  window.acquireVsCodeApi = () => ({
    postMessage: (m) => {
      window.__posted.push(m);
      if (m.type === 'page') {
        window.__tracePage(m.fromLine, m.count).then((lines) =>
          window.postMessage({ type: 'page', id: m.id, fromLine: m.fromLine, lines }, '*'));
      }
    },
    // VS Code keeps a webview's state across reloads; sessionStorage does the same for this tab.
    getState: () => JSON.parse(sessionStorage.getItem('vscode-state') ?? 'null') ?? undefined,
    setState: (s) => { sessionStorage.setItem('vscode-state', JSON.stringify(s)); return s; },
  });
`;

const chromiumMissing = existsSync(CHROMIUM)
  ? undefined
  : `chromium not found at ${CHROMIUM} (apt-get install chromium; .ci/run installs it): the webview tests cannot run`;
if (chromiumMissing) {
  console.log(`# SKIP test/webview/trace.test.ts: ${chromiumMissing}`);
}

describe('trace viewer webview in headless Chromium', { timeout: 120_000, skip: chromiumMissing }, () => {
  let context: BrowserContext;
  let profile: string;
  let htmlDir: string;

  before(async () => {
    ensureWebviewBundle();
    profile = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-pw-profile-'));
    htmlDir = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-webview-'));
    context = await chromium.launchPersistentContext(profile, {
      ...LAUNCH,
      viewport: { width: 1100, height: 760 },
    });
  });
  after(async () => {
    await context?.close();
    rmSync(profile, { recursive: true, force: true });
    rmSync(htmlDir, { recursive: true, force: true });
  });

  /** Opens the viewer page on a fixture; returns the page and the console errors it logs. */
  async function openViewer(fx: Fixture): Promise<{ page: Page; errors: string[]; dialogs: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    const dialogs: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('console', (m: ConsoleMessage) => {
      if (m.type() === 'error') {
        errors.push(m.text());
      }
    });
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.exposeFunction('__tracePage', fx.page);
    await page.addInitScript({ content: STUB });
    const file = path.join(htmlDir, `${fx.name}.html`);
    writeFileSync(
      file,
      traceViewerHtml({
        // The webview serves local resources from one origin; for a file: page that is file:.
        cspSource: 'file:',
        nonce: makeNonce(),
        scriptUri: pathToFileURL(path.join(DIST, 'trace.js')).href,
        styleUri: pathToFileURL(path.join(DIST, 'trace-styles.css')).href,
        title: fx.name,
      }),
    );
    await page.goto(pathToFileURL(file).href);
    await sendSummary(page, fx);
    return { page, errors, dialogs };
  }

  /** Plays the extension's answer to `ready`. */
  async function sendSummary(page: Page, fx: Fixture): Promise<void> {
    await page.waitForFunction("(window.__posted || []).some((m) => m.type === 'ready')");
    await page.evaluate((m) => (globalThis as unknown as BrowserWindow).postMessage(m, '*'), {
      type: 'summary',
      name: fx.name,
      summary: fx.summary,
    });
    await page.waitForSelector('#connections');
  }

  test('a real curl trace: connections, diagram with the alert and stop point, findings, inert hostile line, CSP', async () => {
    const text = readFileSync(CURL_ALERT, 'utf8');
    const fx = fixture('curl-alert-592', Buffer.from(`${HOSTILE}\n${text}`));
    assert.equal(fx.summary.format, 'curl-verbose');
    const failed = fx.summary.connections.filter((c) => c.outcome === 'failed');
    assert.equal(failed.length, 1, 'the sample has one failed connection');
    const conn = failed[0];
    // As the server adds when the workspace holds the setting (lsp/trace.ts with the setting lookup).
    const blamed = fx.summary.findings.find(
      (f) => f.connection === conn.id && f.rule === 'trace/handshake-failed',
    );
    assert.ok(blamed);
    blamed.related = [
      { uri: 'file:///ws/pagent/tcpip.policy', line: 9, message: 'AT-TLS TLSv1.3 On is set here' },
    ];
    const { page, errors, dialogs } = await openViewer(fx);

    // Summary bar and list: what the indexer found.
    const options = page.locator('#connections [role=option]');
    assert.equal(await options.count(), fx.summary.connections.length);
    assert.match((await page.textContent('#summary')) ?? '', /curl-verbose/);
    assert.equal(await options.first().getAttribute('data-id'), conn.id);
    assert.equal(
      await options.first().getAttribute('aria-selected'),
      'true',
      'the failed connection is selected first',
    );

    // The diagram: one group per message, the alert in the alert class, the stop point marked.
    const msgs = page.locator('#diagram g.msg');
    assert.equal(await msgs.count(), conn.messages.length);
    const alertIndex = conn.messages.findIndex((m) => m.type === 'Alert');
    assert.ok(alertIndex >= 0);
    assert.match((await msgs.nth(alertIndex).getAttribute('class')) ?? '', /\balert\b.*\bstop\b/);
    assert.match((await msgs.nth(alertIndex).textContent()) ?? '', /internal_error/);
    const red = await msgs
      .nth(alertIndex)
      .locator('line')
      .evaluate((l) => (globalThis as unknown as BrowserWindow).getComputedStyle(l).stroke);
    const normal = await msgs
      .nth(0)
      .locator('line')
      .evaluate((l) => (globalThis as unknown as BrowserWindow).getComputedStyle(l).stroke);
    assert.notEqual(red, normal, 'the alert arrow has its own (error) colour');

    // Findings of the connection, with the rule and its cause-and-fix message.
    const own = fx.summary.findings.filter((f) => f.connection === conn.id);
    assert.ok(own.some((f) => f.rule === 'trace/handshake-failed'));
    assert.equal(await page.locator('#findings > li').count(), own.length);
    assert.match((await page.textContent('#findings')) ?? '', /trace\/handshake-failed/);
    // The workspace line it names opens that file at that line.
    const setting = page.locator('#findings .related button');
    assert.equal(await setting.textContent(), 'tcpip.policy:10');
    assert.match((await page.locator('#findings .related').textContent()) ?? '', /TLSv1\.3 On is set here/);
    await setting.click();
    const revealed = await page.evaluate<unknown[]>('window.__posted');
    assert.ok(
      revealed.some(
        (m) =>
          JSON.stringify(m) ===
          JSON.stringify({ type: 'reveal', line: 9, uri: 'file:///ws/pagent/tcpip.policy' }),
      ),
    );

    // The raw lines: virtualised, the hostile line shown as text and nothing more.
    await page.waitForSelector('#lines [role=row][data-line="0"] .text:not(.loading)');
    const rows = await page.locator('#lines [role=row]').count();
    assert.ok(rows > 0 && rows < fx.summary.lineCount + 2, `${rows} rows in the DOM`);
    assert.equal(await page.locator('#lines [data-line="0"] .text').textContent(), HOSTILE);
    const inert = await page.evaluate(`({
      img: document.querySelectorAll('img').length,
      scripts: document.querySelectorAll('script').length,
      pwned: window.__pwned ?? null,
    })`);
    assert.deepEqual(inert, { img: 0, scripts: 1, pwned: null });
    assert.deepEqual(dialogs, []);

    // A code in a line is underlined with its explanation as the tooltip text.
    const code = page.locator('#lines .code').first();
    await code.waitFor();
    assert.ok(((await code.getAttribute('title')) ?? '').length > 20);

    // A click on a line asks the extension to reveal it.
    await page.locator('#lines [data-line="3"]').click();
    const posted = await page.evaluate<unknown[]>('window.__posted');
    assert.ok(posted.some((m) => JSON.stringify(m) === JSON.stringify({ type: 'reveal', line: 3 })));

    // The page ran within its CSP: no error at all so far (a violation is logged as one).
    assert.deepEqual(errors, []);
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'trace-viewer.png') });

    // And the CSP is enforced: an inline script without the nonce neither runs nor goes unreported.
    const violation = page.waitForEvent('console', {
      predicate: (m) => m.type() === 'error' && /Content Security Policy/.test(m.text()),
      timeout: 10_000,
    });
    await page.evaluate(`{
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.body.appendChild(s);
    }`);
    assert.match((await violation).text(), /script-src 'nonce-/);
    assert.equal(await page.evaluate('window.__inline ?? null'), null);
    await page.close();
  });

  test('a real Liberty log: two connections, keyboard selection, filter, state kept for a reload', async () => {
    const fx = fixture('liberty-9424', readFileSync(LIBERTY));
    assert.equal(fx.summary.format, 'liberty-trace');
    assert.equal(fx.summary.connections.length, 2);
    const [first, second] = fx.summary.connections;
    const { page, errors } = await openViewer(fx);
    const options = page.locator('#connections [role=option]');
    assert.equal(await options.count(), 2);

    await page.focus('#connections');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.getAttribute('#connections', 'aria-activedescendant'), 'conn-1');
    assert.equal(await options.nth(1).getAttribute('aria-selected'), 'false', 'moving is not selecting');
    await page.keyboard.press('Enter');
    assert.equal(await options.nth(1).getAttribute('aria-selected'), 'true');
    assert.equal(await options.nth(0).getAttribute('aria-selected'), 'false');
    assert.match((await page.textContent('#detail h2')) ?? '', new RegExp(reEscape(second.id)));
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true');

    // The text filter (a vscode-textfield) narrows the list.
    await page.locator('#filter-text input').fill(second.id);
    await page.waitForFunction("document.querySelectorAll('#connections [role=option]').length === 1");
    assert.equal(await options.first().getAttribute('data-id'), second.id);

    // State: a hidden-and-restored panel gets its filter and selection back from getState.
    const saved = await page.evaluate('window.acquireVsCodeApi().getState()');
    assert.deepEqual(
      { ...(saved as object), topLine: 0 },
      {
        uri: fx.summary.uri,
        selected: first.id,
        text: second.id,
        outcome: '',
        job: '',
        thread: '',
        topLine: 0,
      },
    );

    // A reload (the panel hidden and shown again without retainContextWhenHidden) restores both.
    await page.reload();
    await sendSummary(page, fx);
    assert.equal(await options.count(), 1);
    assert.equal(
      await page.locator('#filter-text').evaluate((e) => (e as unknown as { value: string }).value),
      second.id,
    );
    await page.locator('#filter-text input').fill('');
    await page.waitForFunction("document.querySelectorAll('#connections [role=option]').length === 2");
    assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true', `${first.id} is still selected`);
    assert.match((await page.textContent('#detail h2')) ?? '', new RegExp(reEscape(first.id)));
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a big trace (a real sample 2,500 times): list capped, lines virtualised, End reaches the last line', async () => {
    const text = readFileSync(WEBSPHERE, 'utf8');
    const fx = fixture('websphere-x2500', Buffer.from(text.repeat(2_500)));
    assert.ok(fx.summary.connections.length > 1000, `${fx.summary.connections.length} connections`);
    const n = fx.summary.lineCount;
    assert.ok(n * 20 > 4_000_000, `${n} lines: taller than the browser's scroll range, so scaled`);
    const { page, errors } = await openViewer(fx);
    const options = page.locator('#connections [role=option]');
    assert.equal(await options.count(), 1000);
    assert.match((await page.textContent('#connections .more')) ?? '', /more connections/);
    await page.focus('#lines');
    await page.keyboard.press('End');
    const last = page.locator(`#lines [role=row][data-line="${n - 1}"] .text:not(.loading)`);
    await last.waitFor();
    const want = text.replace(/\n$/, '').split('\n').at(-1);
    assert.equal(await last.textContent(), want);
    const rows = await page.locator('#lines [role=row]').count();
    assert.ok(rows > 5 && rows < 60, `${rows} rows in the DOM for ${n} lines`);
    // Paged, not loaded whole: the requests asked for a few pages only.
    const pages = await page.evaluate<number>("window.__posted.filter((m) => m.type === 'page').length");
    assert.ok(pages >= 1 && pages <= 6, `${pages} page requests`);
    assert.deepEqual(errors, []);
    await page.close();
  });
});

/** The few browser globals the page functions use (the test project has no DOM library). */
interface BrowserWindow {
  postMessage(message: unknown, targetOrigin: string): void;
  getComputedStyle(e: unknown): { stroke: string };
}

const reEscape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
