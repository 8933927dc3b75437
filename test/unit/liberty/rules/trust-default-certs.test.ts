import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { ConfigFileReader, Finding } from '../../../../server/src/service/types';

const SERVER = '/wlp/usr/servers/s1';
const RULE = 'liberty/trust-default-certs';

function findings(text: string, files: Record<string, string> = {}): Finding[] {
  const reader: ConfigFileReader = { read: (u) => files[decodeURIComponent(u.replace(/^file:\/\//, ''))] };
  return analyzeLiberty(text, `file://${SERVER}/server.xml`, { configFiles: reader }).findings.filter(
    (f) => f.rule === RULE,
  );
}

const server = (body: string): string => `<server>\n${body}\n</server>\n`;

test('fires (information) on trustDefaultCerts on a repertoire that requires client certificates', () => {
  const line = '<ssl id="in" keyStoreRef="k" clientAuthentication="true" trustDefaultCerts="true"/>';
  const [f, ...rest] = findings(server(line));
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'information');
  assert.match(f.message, /ssl 'in', which requires client certificates \(clientAuthentication="true"\)/);
  assert.equal(f.range.start.character, line.lastIndexOf('true'));
});

test('fires when client certificates are only requested, and when the flag is set in another file', () => {
  const [f] = findings(
    server('<ssl id="in" clientAuthenticationSupported="true" trustDefaultCerts="true"/>'),
  );
  assert.match(f.message, /requests client certificates/);
  const files = {
    [`${SERVER}/mtls.xml`]: server('<ssl id="defaultSSLConfig" clientAuthentication="true"/>'),
  };
  const cross = findings(
    server('<include location="mtls.xml"/>\n<ssl id="defaultSSLConfig" trustDefaultCerts="true"/>'),
    files,
  );
  assert.equal(cross.length, 1);
  assert.equal(cross[0].range.start.line, 2);
});

test('does not fire without client authentication, with it false, or with unresolved values', () => {
  assert.deepEqual(findings(server('<ssl id="defaultSSLConfig" trustDefaultCerts="true"/>')), []);
  assert.deepEqual(
    findings(server('<ssl id="a" clientAuthentication="false" trustDefaultCerts="true"/>')),
    [],
  );
  assert.deepEqual(
    findings(server('<ssl id="b" clientAuthentication="true" trustDefaultCerts="${tdc}"/>')),
    [],
  );
  assert.deepEqual(
    findings(server('<ssl id="c" clientAuthentication="${ca}" trustDefaultCerts="true"/>')),
    [],
  );
  assert.deepEqual(
    findings(server('<ssl id="d" clientAuthentication="true" trustDefaultCerts="false"/>')),
    [],
  );
});
