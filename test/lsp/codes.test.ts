// Hovers on codes over the real transport (issue 5): a log document is served for its codes and
// never checked, zosTls.codes.hover turns that off, and a code in an AT-TLS comment explains
// itself whatever the setting says.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol/node';
import { DidChangeConfigurationNotification, HoverRequest } from 'vscode-languageserver-protocol/node';
import { codeById } from '../../server/src/service/knowledge/codes';
import type { Session } from './client';
import { CLIENT_CAPABILITIES, startSession } from './client';
import { closeCleanly, HANG_GUARD, range } from './session';

const LOG_URI = 'file:///var/log/tls/server.log';
const LOG = [
  '[12/5/26 7:00:01:123 UTC] 0000002a SSLHandshakeE E CWWKO0801E: The SSL connection cannot be initialized', // 0
  'javax.net.ssl.SSLHandshakeException: Received fatal alert: bad_certificate', // 1
  '  RACDCERT ID(SRV) CONNECT(RING(R1) LABEL(X))', // 2
  'CSFPKRC failed: RC=8 RSN=3070', // 3
  '',
].join('\n');

const POLICY_URI = 'file:///work/policies/codes.attls';
const POLICY = [
  'TTLSRule webRule', // 0
  '{', // 1
  '  LocalPortRange 443', // 2
  '  # EZD1287I TTLS Error RC: 5003 seen when a client sent cleartext', // 3
  '  Direction Inbound', // 4
  '}', // 5
  '',
].join('\n');

function title(id: string): string {
  const e = codeById(id);
  assert.ok(e, `${id} is in the tables`);
  return e.title;
}

function markdown(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

describe('LSP over stdio: hovers on codes', HANG_GUARD, () => {
  let s: Session;
  const hover = (uri: string, line: number, character: number): Promise<Hover | null> =>
    s.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });

  before(async () => {
    s = await startSession();
    await s.open(LOG_URI, 'log', LOG);
    await s.open(POLICY_URI, 'attls', POLICY);
  });
  after(() => closeCleanly(s));

  test('a .log: the alert and the ICSF pair under the cursor, with range, meaning and source link', async () => {
    const l1 = LOG.split('\n')[1];
    const alert = await hover(LOG_URI, 1, l1.indexOf('bad_certificate') + 4);
    const a = markdown(alert);
    assert.ok(a.startsWith(`**${title('tls-alert-42')}** — TLS alert`), a.split('\n')[0]);
    assert.match(a, /^Source: .*\]\(https:\/\/www\.rfc-editor\.org\//m);
    assert.deepEqual(alert?.range, range(1, l1.indexOf('bad_certificate'), l1.length));

    const l3 = LOG.split('\n')[3];
    const icsf = await hover(LOG_URI, 3, l3.indexOf('RSN'));
    const i = markdown(icsf);
    assert.ok(i.startsWith(`**${title('icsf-8-BFE')}**`), i.split('\n')[0]);
    assert.match(i, /Read as: return code 8, reason 3070 = 0xBFE\./);
    assert.match(i, /\*\*Related settings:\*\* .*`AT-TLS FIPS140`/);
    assert.deepEqual(icsf?.range, range(3, l3.indexOf('RC=8'), l3.length));

    // Text that is no code, and the RACDCERT command the log quotes: nothing.
    assert.equal(await hover(LOG_URI, 1, 3), null);
    assert.equal(await hover(LOG_URI, 2, 4), null);
  });

  test('the log is not checked: the policy opened after it is published, the log never', async () => {
    await s.diagnostics(POLICY_URI);
    assert.ok(!s.published.some((p) => p.uri === LOG_URI), 'no diagnostics for a log');
  });

  test('a code in an AT-TLS # comment explains itself', async () => {
    const l3 = POLICY.split('\n')[3];
    const h = await hover(POLICY_URI, 3, l3.indexOf('5003'));
    assert.ok(markdown(h).startsWith(`**${title('attls-rc-5003')}**`), markdown(h).split('\n')[0]);
    assert.deepEqual(h?.range, range(3, l3.indexOf('RC:'), l3.indexOf('5003') + 4));
  });

  test('zosTls.codes.hover false: no hover in the log; comments of a policy still explain codes', async () => {
    s.workspaceSettings.zosTls = { codes: { hover: false } };
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    const l1 = LOG.split('\n')[1];
    assert.equal(await hover(LOG_URI, 1, l1.indexOf('bad_certificate')), null);
    const l3 = POLICY.split('\n')[3];
    assert.ok(
      markdown(await hover(POLICY_URI, 3, l3.indexOf('5003'))).startsWith(`**${title('attls-rc-5003')}**`),
    );

    // Back on.
    s.workspaceSettings.zosTls = { codes: { hover: true } };
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
    assert.ok(
      markdown(await hover(LOG_URI, 1, l1.indexOf('bad_certificate'))).includes(title('tls-alert-42')),
    );
  });
});

describe('LSP over stdio: zosTls.codes.hover from initializationOptions', HANG_GUARD, () => {
  let s: Session;
  before(async () => {
    s = await startSession({
      capabilities: { ...CLIENT_CAPABILITIES, workspace: { configuration: false } },
      initializationOptions: { zosTls: { codes: { hover: false } } },
    });
  });
  after(async () => {
    assert.equal(await s.close(), 0);
  });

  test('off at start: a Zowe spool-like document and a .trc get no hover; on again by payload', async () => {
    const zowe = 'zowe-ds:/lpar1/USER.JOBLOG/JOB1';
    const trc = 'file:///tmp/gskssl.trc';
    const text = 'EZD1287I TTLS Error RC: 5003\n';
    await s.open(zowe, 'plaintext', text);
    await s.open(trc, 'plaintext', text);
    const at = (uri: string): Promise<Hover | null> =>
      s.connection.sendRequest(HoverRequest.type, {
        textDocument: { uri },
        position: { line: 0, character: 25 },
      });
    assert.equal(await at(zowe), null);
    assert.equal(await at(trc), null);
    await s.connection.sendNotification(DidChangeConfigurationNotification.type, {
      settings: { zosTls: { codes: { hover: true } } },
    });
    assert.ok(markdown(await at(zowe)).startsWith(`**${title('attls-rc-5003')}**`));
    assert.deepEqual((await at(trc))?.range, range(0, 20, 28));
  });
});
