import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { ConfigFileReader, Finding, TextEdit } from '../../../../server/src/service/types';

const SERVER = '/wlp/usr/servers/s1';
const SERVER_XML = `file://${SERVER}/server.xml`;
const RULE = 'liberty/missing-tls-feature';

function reader(files: Record<string, string>): ConfigFileReader {
  return { read: (u) => files[decodeURIComponent(u.replace(/^file:\/\//, ''))], list: () => undefined };
}

function findings(text: string, uri = SERVER_XML, files: Record<string, string> = {}): Finding[] {
  return analyzeLiberty(text, uri, { configFiles: reader(files) }).findings.filter((f) => f.rule === RULE);
}

/** The text after applying a fix's edits (single-line edits or one insertion are enough here). */
function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number =>
    lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const [e] = edits;
  return text.slice(0, offset(e.range.start)) + e.newText + text.slice(offset(e.range.end));
}

const features = (...names: string[]): string =>
  `  <featureManager>\n${names.map((n) => `    <feature>${n}</feature>`).join('\n')}\n  </featureManager>`;

test('fires on TLS settings with no feature that enables ssl-1.0, with a fix adding transportSecurity-1.0', () => {
  const text = `<server>\n${features('servlet-3.0', 'jca-1.6')}\n  <httpEndpoint id="h" httpPort="9080" httpsPort="9443"/>\n  <keyStore id="k"/>\n</server>\n`;
  const [f, ...rest] = findings(text);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.equal(f.range.start.line, 5, 'the first piece of TLS configuration: httpsPort');
  assert.match(
    f.message,
    /httpsPort="9443" configures TLS, but no enabled feature provides ssl-1\.0 \(the features are servlet-3\.0, jca-1\.6\)/,
  );
  assert.match(f.message, /Add <feature>transportSecurity-1\.0<\/feature>/);
  const fixed = apply(text, f.fixes![0].edits);
  assert.match(
    fixed,
    /<feature>jca-1\.6<\/feature>\n {4}<feature>transportSecurity-1\.0<\/feature>\n {2}<\/featureManager>/,
  );
  assert.deepEqual(findings(fixed), [], 'the fix makes the finding go away');
});

test('a server.xml with no featureManager gets one from the fix', () => {
  const text = '<server>\n  <ssl id="s" keyStoreRef="k"/>\n  <keyStore id="k"/>\n</server>\n';
  const [f] = findings(text);
  assert.match(f.message, /<ssl> configures TLS.*no feature is listed/);
  const fixed = apply(text, f.fixes![0].edits);
  assert.equal(
    fixed,
    '<server>\n  <featureManager>\n      <feature>transportSecurity-1.0</feature>\n  </featureManager>\n  <ssl id="s" keyStoreRef="k"/>\n  <keyStore id="k"/>\n</server>\n',
  );
  assert.deepEqual(findings(fixed), []);
});

test('fires on outboundSSLRef and outboundConnection when TLS comes from a feature other than transportSecurity-1.0', () => {
  const text = `<server>\n${features('appSecurity-5.0')}\n  <sslDefault outboundSSLRef="out"/>\n  <ssl id="out" keyStoreRef="k">\n    <outboundConnection host="db.example.com" port="443"/>\n  </ssl>\n  <keyStore id="k"/>\n</server>\n`;
  const got = findings(text);
  assert.deepEqual(
    got.map((f) => f.range.start.line),
    [4, 6],
  );
  assert.match(
    got[0].message,
    /sslDefault outboundSSLRef is ignored unless transportSecurity-1\.0 is enabled \(TLS comes here from appSecurity-5\.0/,
  );
  assert.ok(got.every((f) => f.fixes?.[0].edits[0].newText.includes('transportSecurity-1.0')));
});

test('does not fire when a feature enables TLS (directly, transitively, through an include)', () => {
  const tls = '  <keyStore id="k"/>\n  <sslDefault outboundSSLRef="defaultSSLConfig"/>';
  assert.deepEqual(findings(`<server>\n${features('transportSecurity-1.0')}\n${tls}\n</server>`), []);
  assert.deepEqual(findings(`<server>\n${features('ssl-1.0')}\n  <keyStore id="k"/>\n</server>`), []);
  assert.deepEqual(findings(`<server>\n${features('jakartaee-9.1')}\n  <keyStore id="k"/>\n</server>`), []);
  const files = { [`${SERVER}/features.xml`]: `<server>\n${features('transportSecurity-1.0')}\n</server>` };
  assert.deepEqual(
    findings(
      '<server>\n<include location="features.xml"/>\n<keyStore id="k"/>\n</server>',
      SERVER_XML,
      files,
    ),
    [],
  );
});

test('does not fire with product features, in a fragment without features, when an include is missing, or without TLS settings', () => {
  assert.deepEqual(
    findings(`<server>\n${features('zosconnect:zosConnect-2.0')}\n  <keyStore id="k"/>\n</server>`),
    [],
  );
  assert.deepEqual(findings('<server>\n  <keyStore id="k"/>\n</server>', 'file:///tmp/keystore.xml'), []);
  assert.deepEqual(
    findings(
      `<server>\n<include location="gone.xml"/>\n${features('servlet-3.0')}\n<keyStore id="k"/>\n</server>`,
    ),
    [],
  );
  assert.deepEqual(
    findings(
      `<server>\n${features('servlet-3.0')}\n  <httpEndpoint id="h" httpPort="9080" httpsPort="-1"/>\n</server>`,
    ),
    [],
  );
  assert.deepEqual(
    findings(
      `<server>\n${features('servlet-3.0')}\n  <httpEndpoint id="h" httpsPort="\${https.port}"/>\n</server>`,
    ),
    [],
  );
});

test('a fragment that lists features is judged; the fix goes into its own featureManager', () => {
  const text = `<server>\n${features('servlet-3.0')}\n  <keyStore id="k"/>\n</server>\n`;
  const [f] = findings(text, 'file:///tmp/tls.xml');
  assert.equal(f.range.start.line, 4);
  assert.ok(f.fixes);
});

test('features listed in another file: no fix here (the edit belongs in that file)', () => {
  const files = { [`${SERVER}/features.xml`]: `<server>\n${features('servlet-3.0')}\n</server>` };
  const [f] = findings(
    '<server>\n<include location="features.xml"/>\n<keyStore id="k"/>\n</server>',
    SERVER_XML,
    files,
  );
  assert.equal(f.range.start.line, 2);
  assert.equal(f.fixes, undefined);
});

test('an empty featureManager gets the feature before its closing tag', () => {
  const text = '<server>\n  <featureManager>\n  </featureManager>\n  <keyStore id="k"/>\n</server>\n';
  const [f] = findings(text);
  const fixed = apply(text, f.fixes![0].edits);
  assert.equal(
    fixed,
    '<server>\n  <featureManager>\n      <feature>transportSecurity-1.0</feature>\n  </featureManager>\n  <keyStore id="k"/>\n</server>\n',
  );
});

test('CRLF files get CRLF in the inserted lines, and a self-closing featureManager is opened', () => {
  const text = '<server>\r\n  <featureManager/>\r\n  <keyStore id="k"/>\r\n</server>\r\n';
  const [f] = findings(text);
  assert.equal(
    f.fixes![0].edits[0].newText,
    '<featureManager>\r\n      <feature>transportSecurity-1.0</feature>\r\n  </featureManager>',
  );
});
