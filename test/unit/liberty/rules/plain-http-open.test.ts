import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { Finding } from '../../../../server/src/service/types';

const RULE = 'liberty/plain-http-open';

function findings(text: string): Finding[] {
  return analyzeLiberty(text, 'file:///wlp/usr/servers/s1/server.xml', {
    configFiles: { read: () => undefined },
  }).findings.filter((f) => f.rule === RULE);
}

const server = (body: string): string => `<server>\n${body}\n</server>\n`;

test('fires (information) on httpPort open beside httpsPort, with a fix closing it', () => {
  const line = '<httpEndpoint id="h" httpPort="9080" httpsPort="9443"/>';
  const [f, ...rest] = findings(server(line));
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'information');
  assert.match(f.message, /plain HTTP on httpPort="9080" beside HTTPS on 9443.*Set httpPort="-1"/);
  const at = line.indexOf('9080');
  assert.deepEqual(f.range, { start: { line: 1, character: at }, end: { line: 1, character: at + 4 } });
  assert.deepEqual(f.fixes?.[0].edits, [{ range: f.range, newText: '-1' }]);
});

test('fires on ports given by variables with known values, without a fix that would overwrite the variable', () => {
  const text = server(
    '<variable name="p" defaultValue="9080"/>\n<variable name="s" defaultValue="9443"/>\n<httpEndpoint id="h" httpPort="${p}" httpsPort="${s}"/>',
  );
  const [f] = findings(text);
  assert.equal(f.range.start.line, 3);
  assert.equal(f.fixes, undefined);
});

test('fires on z/OS Connect requireSecure="false"', () => {
  const line = '<zosconnect_zosConnectManager requireAuth="false" requireSecure="false"/>';
  const [f, ...rest] = findings(server(line));
  assert.equal(rest.length, 0);
  assert.match(f.message, /requireSecure="false".*plain HTTP.*Set requireSecure="true"/);
  assert.equal(f.range.start.character, line.lastIndexOf('false'));
});

test('does not fire on HTTPS only, HTTP only, closed or unknown ports, or requireSecure="true"', () => {
  assert.deepEqual(
    findings(
      server(
        [
          '<httpEndpoint id="a" httpPort="-1" httpsPort="9443"/>',
          '<httpEndpoint id="b" httpPort="9080"/>',
          '<httpEndpoint id="c" httpPort="9080" httpsPort="-1"/>',
          '<httpEndpoint id="d" httpPort="${http.port}" httpsPort="9443"/>',
          '<httpEndpoint id="e" httpPort="9080" httpsPort="${https.port}"/>',
          '<zosconnect_zosConnectManager requireSecure="true"/>',
        ].join('\n'),
      ),
    ),
    [],
  );
});
