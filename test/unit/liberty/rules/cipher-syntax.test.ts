import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { Finding } from '../../../../server/src/service/types';

const SERVER = '/wlp/usr/servers/s1';
const SERVER_XML = `file://${SERVER}/server.xml`;
const RULE = 'liberty/cipher-syntax';

function findings(text: string, files: Record<string, string> = {}): Finding[] {
  const read = (u: string): string | undefined => files[decodeURIComponent(u.replace(/^file:\/\//, ''))];
  return analyzeLiberty(text, SERVER_XML, { configFiles: { read } }).findings.filter((f) => f.rule === RULE);
}

const server = (body: string): string => `<server>\n${body}\n</server>\n`;

test('fires on commas between suites, with a fix that separates them with single spaces', () => {
  const text = server(
    '<ssl id="s" enabledCiphers="TLS_AES_128_GCM_SHA256, TLS_AES_256_GCM_SHA384,TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"/>',
  );
  const [f, ...rest] = findings(text);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /commas.*Separate the suites with spaces/);
  assert.deepEqual(f.range, { start: { line: 1, character: 28 }, end: { line: 1, character: 112 } });
  assert.deepEqual(f.fixes?.[0].edits, [
    {
      range: f.range,
      newText: 'TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    },
  ]);
});

test('fires on SSL_ aliases of ECDHE/GCM suites with a rename to the TLS_ name', () => {
  const text = server(
    '<ssl id="s" enabledCiphers="TLS_AES_128_GCM_SHA256 SSL_ECDHE_RSA_WITH_AES_256_GCM_SHA384"/>',
  );
  const [f, ...rest] = findings(text);
  assert.equal(rest.length, 0);
  assert.match(f.message, /Java 11/);
  assert.deepEqual(f.range, { start: { line: 1, character: 51 }, end: { line: 1, character: 88 } });
  assert.deepEqual(f.fixes?.[0].edits, [
    { range: f.range, newText: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384' },
  ]);
});

test('fires on securityLevel beside enabledCiphers, also when they are set in different files', () => {
  const [f] = findings(server('<ssl id="s" securityLevel="HIGH" enabledCiphers="TLS_AES_128_GCM_SHA256"/>'));
  assert.match(f.message, /securityLevel="HIGH" .* is ignored because enabledCiphers is set/);
  assert.deepEqual(f.tags, ['unnecessary']);
  const files = { [`${SERVER}/tls.xml`]: server('<ssl id="s" enabledCiphers="TLS_AES_128_GCM_SHA256"/>') };
  const cross = findings(
    server('<include location="tls.xml"/>\n<ssl id="s" securityLevel="MEDIUM"/>'),
    files,
  );
  assert.equal(cross.length, 1);
  assert.equal(cross[0].range.start.line, 2);
});

test('fires on securityLevel="CUSTOM" without enabledCiphers', () => {
  const [f] = findings(server('<ssl id="s" securityLevel="CUSTOM"/>'));
  assert.match(f.message, /CUSTOM.*no enabledCiphers is set/);
});

test('does not fire on a clean list, CUSTOM with a list, SSL_ names that are not ECDHE/GCM, or ${…}', () => {
  assert.deepEqual(
    findings(
      server(
        [
          '<ssl id="a" enabledCiphers="TLS_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"/>',
          '<ssl id="b" securityLevel="CUSTOM" enabledCiphers="TLS_AES_128_GCM_SHA256"/>',
          '<ssl id="c" enabledCiphers="SSL_RSA_WITH_AES_128_CBC_SHA"/>',
          '<ssl id="d" enabledCiphers="${list},{{ .more }}" securityLevel="${level}"/>',
          '<ssl id="e" securityLevel="HIGH"/>',
        ].join('\n'),
      ),
    ),
    [],
  );
});
