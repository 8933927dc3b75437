import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { ConfigFileReader, Finding } from '../../../../server/src/service/types';

const SERVER = '/wlp/usr/servers/s1';
const RULE = 'liberty/ldap-without-ssl';

function findings(text: string, files: Record<string, string> = {}): Finding[] {
  const reader: ConfigFileReader = { read: (u) => files[decodeURIComponent(u.replace(/^file:\/\//, ''))] };
  return analyzeLiberty(text, `file://${SERVER}/server.xml`, { configFiles: reader }).findings.filter(
    (f) => f.rule === RULE,
  );
}

const server = (body: string): string => `<server>\n${body}\n</server>\n`;

test('fires on an ldapRegistry without sslEnabled, on the element name', () => {
  const [f, ...rest] = findings(
    server('<ldapRegistry id="ldap" host="ldap.example.com" port="389" ldapType="Custom"/>'),
  );
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.deepEqual(f.range, { start: { line: 1, character: 1 }, end: { line: 1, character: 13 } });
  assert.match(
    f.message,
    /ldapRegistry 'ldap' connects to the LDAP server \(port 389\) without TLS.*Set sslEnabled="true"/,
  );
});

test('fires on sslEnabled="false", on its value', () => {
  const line = '<ldapRegistry id="ldap" sslEnabled="false"/>';
  const [f] = findings(server(line));
  assert.equal(f.range.start.character, line.indexOf('false'));
});

test('judges the merged registry: sslEnabled set in another file counts', () => {
  const files = { [`${SERVER}/ldap-tls.xml`]: server('<ldapRegistry id="ldap" sslEnabled="true"/>') };
  assert.deepEqual(
    findings(server('<ldapRegistry id="ldap" port="636"/>\n<include location="ldap-tls.xml"/>'), files),
    [],
  );
});

test('does not fire with sslEnabled="true", an unresolved sslEnabled, or no ldapRegistry', () => {
  assert.deepEqual(
    findings(server('<ldapRegistry id="a" sslEnabled="true" sslRef="defaultSSLConfig"/>')),
    [],
  );
  assert.deepEqual(findings(server('<ldapRegistry id="b" sslEnabled="${ldap.ssl}"/>')), []);
  assert.deepEqual(findings(server('<!-- <ldapRegistry id="c"/> -->\n<basicRegistry id="basic"/>')), []);
});
