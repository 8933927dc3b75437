import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { ConfigFileReader, Finding } from '../../../../server/src/service/types';

const SERVER = '/wlp/usr/servers/s1';
const SERVER_XML = `file://${SERVER}/server.xml`;
const RULE = 'liberty/unresolved-ref';

function reader(files: Record<string, string>): ConfigFileReader {
  return {
    read: (u) => files[decodeURIComponent(u.replace(/^file:\/\//, ''))],
    list: () => undefined,
  };
}

function findings(text: string, uri = SERVER_XML, files: Record<string, string> = {}): Finding[] {
  return analyzeLiberty(text, uri, { configFiles: reader(files) }).findings.filter((f) => f.rule === RULE);
}

const server = (body: string): string => `<server>\n${body}\n</server>\n`;

test('fires on a keyStoreRef that names no keyStore, with the nearest id as a fix', () => {
  const text = server('<ssl id="s" keyStoreRef="myKeyStor"/>\n<keyStore id="myKeyStore" location="x.p12"/>');
  const [f, ...rest] = findings(text);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /keyStoreRef='myKeyStor'/);
  assert.match(f.message, /Did you mean 'myKeyStore'/);
  assert.deepEqual(f.range, { start: { line: 1, character: 25 }, end: { line: 1, character: 34 } });
  assert.deepEqual(f.fixes?.[0].edits, [{ range: f.range, newText: 'myKeyStore' }]);
  assert.match(f.href!, /^https:\/\/github\.com\/OpenLiberty\//);
});

test('fires for each reference kind the reference lists (sslRef, sslOptionsRef, sslCertsRef)', () => {
  const text = server(
    [
      '<sslDefault sslRef="nope"/>',
      '<httpEndpoint id="h" sslOptionsRef="noOpts"/>',
      '<zosconnect_endpointConnection id="c" sslCertsRef="noSsl"/>',
    ].join('\n'),
  );
  assert.deepEqual(
    findings(text).map((f) => [f.range.start.line, f.message.split(' names')[0]]),
    [
      [1, "sslDefault sslRef='nope'"],
      [2, "httpEndpoint sslOptionsRef='noOpts'"],
      [3, "zosconnect_endpointConnection sslCertsRef='noSsl'"],
    ],
  );
});

test('does not fire on built-in ids, defined ids, nested elements or attributes that are not references', () => {
  const text = server(
    [
      '<sslDefault sslRef="defaultSSLConfig"/>',
      '<openidConnectProvider id="op" keyStoreRef="defaultKeyStore"/>',
      '<ssl id="s" keyStoreRef="k"><trustStore location="t.p12"/></ssl>',
      '<keyStore id="k"/>',
      '<ssl id="defaultSSLConfig" trustDefaultCerts="true"/>',
      '<keyStore id="x" location="notARef"/>',
    ].join('\n'),
  );
  assert.deepEqual(findings(text), []);
});

test('does not fire on a ${…} value it cannot resolve, and resolves the ones it can', () => {
  assert.deepEqual(findings(server('<ssl id="s" keyStoreRef="${ks.id}"/>')), []);
  assert.deepEqual(findings(server('<ssl id="s" keyStoreRef="{{ .keystore }}"/>')), []);
  const text = server('<variable name="ks.id" value="missing"/>\n<ssl id="s" keyStoreRef="${ks.id}"/>');
  const [f] = findings(text);
  assert.match(f.message, /keyStoreRef='\$\{ks.id\}' \(= 'missing'\)/);
});

test('an id defined in an included file satisfies the reference', () => {
  const text = server('<include location="keys.xml"/>\n<ssl id="s" keyStoreRef="ring"/>');
  assert.deepEqual(
    findings(text, SERVER_XML, { [`${SERVER}/keys.xml`]: server('<keyStore id="ring"/>') }),
    [],
  );
  // and the same file without the include's id fires
  assert.equal(
    findings(text, SERVER_XML, { [`${SERVER}/keys.xml`]: server('<keyStore id="other"/>') }).length,
    1,
  );
});

test('a reference written in an include is checked when the include is analysed, not in server.xml', () => {
  const files = {
    [`${SERVER}/server.xml`]: server('<include location="tls.xml"/>\n<keyStore id="k"/>'),
    [`${SERVER}/tls.xml`]: server('<ssl id="s" keyStoreRef="kk"/>\n<ssl id="t" keyStoreRef="k"/>'),
  };
  assert.deepEqual(findings(files[`${SERVER}/server.xml`], SERVER_XML, files), []);
  const inInclude = findings(files[`${SERVER}/tls.xml`], `file://${SERVER}/tls.xml`, files);
  assert.equal(inInclude.length, 1);
  assert.equal(inInclude[0].severity, 'error', 'the include is part of a known root: a real error');
  assert.equal(inInclude[0].range.start.line, 1);
});

test('in a fragment (no root found) it is information and says the id may be elsewhere', () => {
  const [f] = findings(server('<ssl id="s" keyStoreRef="k"/>'), 'file:///tmp/tls.xml');
  assert.equal(f.severity, 'information');
  assert.match(f.message, /may be defined elsewhere/);
});

test('information when an include could not be read', () => {
  const [f] = findings(server('<include location="gone.xml"/>\n<ssl id="s" keyStoreRef="k"/>'));
  assert.equal(f.severity, 'information');
  assert.match(f.message, /1 include\(s\) could not be read/);
});

test('an overridden value is not judged: the merged (winning) value is', () => {
  const files: Record<string, string> = {
    [`${SERVER}/configDropins/overrides/fix.xml`]: server('<ssl id="s" keyStoreRef="k"/>'),
  };
  const r: ConfigFileReader = {
    read: (u) => files[decodeURIComponent(u.replace(/^file:\/\//, ''))],
    list: (d) => (d.endsWith('/overrides') ? ['fix.xml'] : undefined),
  };
  const text = server('<ssl id="s" keyStoreRef="typo"/>\n<keyStore id="k"/>');
  assert.deepEqual(
    analyzeLiberty(text, SERVER_XML, { configFiles: r }).findings.filter((f) => f.rule === RULE),
    [],
  );
});

test('the XML comment form of zos-tls-disable-next-line switches it off', () => {
  const text = server(
    '<!-- zos-tls-disable-next-line liberty/unresolved-ref -->\n<ssl id="s" keyStoreRef="k"/>',
  );
  assert.deepEqual(findings(text), []);
  const other = server('<!-- zos-tls-disable-next-line liberty/password -->\n<ssl id="s" keyStoreRef="k"/>');
  assert.equal(findings(other).length, 1);
});

test('the rules setting turns it off or changes its severity', () => {
  const text = server('<ssl id="s" keyStoreRef="k"/>');
  assert.deepEqual(analyzeLiberty(text, SERVER_XML, { rules: { [RULE]: 'off' } }).findings, []);
  assert.equal(
    analyzeLiberty(text, SERVER_XML, { rules: { [RULE]: 'warning' } }).findings[0].severity,
    'warning',
  );
});

test('the suggestion is the nearest id, the first written when several are as near, a case-only match first', () => {
  const suggestion = (ref: string): string | undefined =>
    findings(
      server(
        [
          `<ssl id="s" keyStoreRef="${ref}"/>`,
          '<keyStore id="ringA1" location="a.p12"/>',
          '<keyStore id="ringB" location="b.p12"/>',
          '<keyStore id="ringC" location="c.p12"/>',
          '<keyStore id="longerName" location="d.p12"/>',
          '<keyStore id="RINGD" location="e.p12"/>',
        ].join('\n'),
      ),
    )[0]?.fixes?.[0].edits[0].newText;
  assert.equal(suggestion('ringA'), 'ringA1'); // ringA1, ringB, ringC all at 1: the first written
  assert.equal(suggestion('ringX'), 'ringB'); // ringA1 is at 2 now: ringB, ringC at 1
  assert.equal(suggestion('ringd'), 'RINGD'); // case only: distance 0 beats the earlier ones at 1
  assert.equal(suggestion('longerNam'), 'longerName');
  assert.equal(suggestion('zzzzzzzz'), undefined);
});
