// `zos-tls check` on Liberty configuration (issue 4), end to end through dist/cli.js: which files a
// walk picks (server.xml, configDropins, XML whose root is <server>; not other XML), includes read
// from disk, and each file reported once, with the findings written in it, judged in the context
// of the server.xml that includes it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './runCli';
import type { JsonDiagnostic, Run } from './runCli';

interface JsonFile {
  path: string;
  language: string | null;
  diagnostics: JsonDiagnostic[];
}

function files(r: Run): JsonFile[] {
  const out = JSON.parse(r.stdout) as { version: number; files: JsonFile[] };
  assert.equal(out.version, 1);
  return out.files;
}

/** The ids the liberty/unresolved-ref findings of a file name, with their severity and line. */
function unresolved(f: JsonFile | undefined): string[] {
  assert.ok(f, 'file expected in the report');
  return f.diagnostics
    .filter((d) => d.rule === 'liberty/unresolved-ref')
    .map((d) => `${d.range.start.line}:${/Ref='([^']*)'/.exec(d.message)?.[1] ?? d.message}:${d.severity}`)
    .sort();
}

const SERVER_DIR = 'wlp/usr/servers/zc1';

const TREE: Record<string, string> = {
  [`${SERVER_DIR}/server.xml`]: [
    '<server description="z/OS Connect">',
    '  <featureManager>',
    '    <feature>transportSecurity-1.0</feature>',
    '  </featureManager>',
    '  <include location="tls.xml"/>',
    '  <ssl id="defaultSSLConfig" keyStoreRef="ks" trustStoreRef="noSuchTrust"/>',
    '  <httpEndpoint id="defaultHttpEndpoint" httpPort="-1" httpsPort="9443"/>',
    '</server>',
    '',
  ].join('\n'),
  // Defines ks (used by server.xml); uses trust, which only the configDropins file defines, and
  // gone, which nobody defines.
  [`${SERVER_DIR}/tls.xml`]: [
    '<server>',
    '  <keyStore id="ks" location="safkeyring://WebRing" type="JCERACFKS" fileBased="false" readOnly="true"/>',
    '  <ssl id="outbound" keyStoreRef="ks" trustStoreRef="trust"/>',
    '  <ssl id="legacy" keyStoreRef="gone"/>',
    '</server>',
    '',
  ].join('\n'),
  [`${SERVER_DIR}/configDropins/overrides/trust.xml`]: [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<!-- the CA ring, added for outbound calls -->',
    '<server>',
    '  <keyStore id="trust" location="safkeyring://CARing" type="JCERACFKS" fileBased="false" readOnly="true"/>',
    '</server>',
    '',
  ].join('\n'),
  // Not Liberty: another XML, and Tomcat's server.xml (root <Server>).
  'other/web.xml': '<?xml version="1.0"?>\n<web-app>\n  <ssl id="x" keyStoreRef="nowhere"/>\n</web-app>\n',
  'other/tomcat/server.xml': '<?xml version="1.0"?>\n<Server port="8005">\n</Server>\n',
  // Liberty by its root, with no server.xml beside it: a fragment.
  'other/standalone.xml': '<server>\n  <ssl id="x" keyStoreRef="nowhere"/>\n</server>\n',
};

describe('zos-tls check on Liberty server.xml, includes and configDropins', () => {
  let dir: string;

  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-cli-liberty-'));
    for (const [rel, text] of Object.entries(TREE)) {
      mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      writeFileSync(path.join(dir, rel), text);
    }
  });

  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a walk finds server.xml, its include, configDropins and <server> roots; nothing else', () => {
    const r = run(['check', '--format', 'json', '.'], dir);
    assert.equal(r.status, 1, r.stderr);
    const paths = files(r).map((f) => f.path.split(path.sep).join('/'));
    assert.deepEqual(paths.sort(), [
      'other/standalone.xml',
      `${SERVER_DIR}/configDropins/overrides/trust.xml`,
      `${SERVER_DIR}/server.xml`,
      `${SERVER_DIR}/tls.xml`,
    ]);
    for (const f of files(r)) {
      assert.equal(f.language, 'xml');
    }
    assert.doesNotMatch(r.stderr, /tomcat|web\.xml/, 'other XML is passed over in silence');
  });

  test('each file once, with its own findings, judged from the server.xml that includes it', () => {
    const report = files(run(['check', '--format', 'json', '.'], dir));
    const byPath = (p: string): JsonFile | undefined =>
      report.find((f) => f.path.split(path.sep).join('/') === p);
    // ks is in tls.xml: resolved. noSuchTrust is nowhere: an error, in server.xml only.
    assert.deepEqual(unresolved(byPath(`${SERVER_DIR}/server.xml`)), ['5:noSuchTrust:error']);
    // trust is in configDropins: resolved through the root; gone is reported here, where it is
    // written, and not again in server.xml.
    assert.deepEqual(unresolved(byPath(`${SERVER_DIR}/tls.xml`)), ['3:gone:error']);
    assert.deepEqual(unresolved(byPath(`${SERVER_DIR}/configDropins/overrides/trust.xml`)), []);
    // No server.xml beside it: the id may be defined elsewhere, so information only.
    assert.deepEqual(unresolved(byPath('other/standalone.xml')), ['1:nowhere:information']);
  });

  test('an include named alone is still read in the context of its server.xml', () => {
    const r = run(['check', '--format', 'json', `${SERVER_DIR}/tls.xml`], dir);
    assert.equal(r.status, 1, r.stderr);
    const [f] = files(r);
    assert.deepEqual(unresolved(f), ['3:gone:error']);
  });

  test('text output names the file of each finding; exit 0 once the mistakes are fixed', () => {
    const text = run(['check', '.'], dir);
    assert.match(text.stdout, /server\.xml:6:\d+: error liberty\/unresolved-ref/);
    assert.match(text.stdout, /tls\.xml:4:\d+: error liberty\/unresolved-ref/);
    const fixed = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-cli-liberty-ok-'));
    try {
      for (const [rel, body] of Object.entries(TREE)) {
        if (rel.startsWith(SERVER_DIR)) {
          const clean = body.replace(' trustStoreRef="noSuchTrust"', '').replace(/\n.*"legacy".*/, '');
          mkdirSync(path.dirname(path.join(fixed, rel)), { recursive: true });
          writeFileSync(path.join(fixed, rel), clean);
        }
      }
      const ok = run(['check', '--format', 'json', '.'], fixed);
      assert.equal(ok.status, 0, ok.stdout);
      assert.equal(files(ok).length, 3);
    } finally {
      rmSync(fixed, { recursive: true, force: true });
    }
  });

  test('a Tomcat server.xml named on the command line is skipped with a note', () => {
    const r = run(['check', 'other/tomcat/server.xml'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /skipped: .*Liberty server\.xml/);
  });
});
