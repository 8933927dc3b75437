import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { Finding } from '../../../../server/src/service/types';

const RULE = 'liberty/sslref-on-endpoint';

function findings(text: string): Finding[] {
  return analyzeLiberty(text, 'file:///wlp/usr/servers/s1/server.xml', {
    configFiles: { read: () => undefined },
  }).findings.filter((f) => f.rule === RULE);
}

const server = (body: string): string => `<server>\n${body}\n</server>\n`;

test('fires (error) on sslRef written on httpEndpoint, on the attribute name, saying how to write it', () => {
  const line = '<httpEndpoint id="h" httpsPort="9443" sslRef="mySSL"/>';
  const [f, ...rest] = findings(server(`${line}\n<ssl id="mySSL" keyStoreRef="defaultKeyStore"/>`));
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  const at = line.indexOf('sslRef');
  assert.deepEqual(f.range, { start: { line: 1, character: at }, end: { line: 1, character: at + 6 } });
  assert.match(f.message, /Liberty ignores sslRef="mySSL".*Nest <sslOptions sslRef="mySSL"\/>/);
});

test('fires whatever the value holds (the attribute name is the mistake)', () => {
  assert.equal(findings(server('<httpEndpoint id="h" sslRef="${ssl.id}"/>')).length, 1);
});

test('does not fire on sslOptionsRef, a nested sslOptions, or sslRef on elements that have it', () => {
  assert.deepEqual(
    findings(
      server(
        [
          '<httpEndpoint id="a" sslOptionsRef="o"/>',
          '<sslOptions id="o" sslRef="defaultSSLConfig"/>',
          '<httpEndpoint id="b"><sslOptions sslRef="defaultSSLConfig"/></httpEndpoint>',
          '<sslDefault sslRef="defaultSSLConfig"/>',
          '<ldapRegistry id="l" sslEnabled="true" sslRef="defaultSSLConfig"/>',
        ].join('\n'),
      ),
    ),
    [],
  );
});
