import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { Finding } from '../../../../server/src/service/types';

const RULE = 'liberty/hostname-verification';

function findings(text: string): Finding[] {
  return analyzeLiberty(text, 'file:///wlp/usr/servers/s1/server.xml', {
    configFiles: { read: () => undefined },
  }).findings.filter((f) => f.rule === RULE);
}

const ssl = (attrs: string): string =>
  `<server>\n<ssl id="out" keyStoreRef="defaultKeyStore" ${attrs}/>\n</server>`;

test('fires on verifyHostname="false" with CWPKI0063W and a fix', () => {
  const [f, ...rest] = findings(ssl('verifyHostname="false"'));
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.match(
    f.message,
    /verifyHostname="false" on ssl 'out'.*CWPKI0063W.*default is true since 24\.0\.0\.9/,
  );
  assert.deepEqual(f.fixes?.[0].edits, [{ range: f.range, newText: 'true' }]);
});

test('fires on each *. entry of skipHostnameVerificationForHosts, on the entry', () => {
  const text = ssl('skipHostnameVerificationForHosts="db.example.com, *.example.com,*.test.org"');
  const got = findings(text);
  const line = text.split('\n')[1];
  assert.deepEqual(
    got.map((f) => line.slice(f.range.start.character, f.range.end.character)),
    ['*.example.com', '*.test.org'],
  );
  assert.match(got[0].message, /every host under example\.com/);
});

test('does not fire on verifyHostname true or unresolved, exact host names, or other elements', () => {
  assert.deepEqual(
    findings(ssl('verifyHostname="true" skipHostnameVerificationForHosts="db.example.com,10.1.1.1"')),
    [],
  );
  assert.deepEqual(
    findings(ssl('verifyHostname="${verify}" skipHostnameVerificationForHosts="${skip}"')),
    [],
  );
  assert.deepEqual(findings('<server>\n<sslDefault httpHostNameVerification="false"/>\n</server>'), []);
});
