import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { ConfigFileReader, Finding } from '../../../../server/src/service/types';

const SERVER = '/wlp/usr/servers/s1';
const SERVER_XML = `file://${SERVER}/server.xml`;
const RULE = 'liberty/https-without-keystore';
const ENV = `${SERVER}/server.env`;

function reader(files: Record<string, string>): ConfigFileReader {
  return { read: (u) => files[decodeURIComponent(u.replace(/^file:\/\//, ''))], list: () => undefined };
}

function findings(
  text: string,
  files: Record<string, string> = { [ENV]: 'WLP_LOGGING_CONSOLE_FORMAT=json\n' },
  uri = SERVER_XML,
): Finding[] {
  return analyzeLiberty(text, uri, { configFiles: reader(files) }).findings.filter((f) => f.rule === RULE);
}

const endpoint = '<httpEndpoint id="defaultHttpEndpoint" httpsPort="9443"/>';
const server = (body: string): string => `<server>\n${body}\n</server>\n`;

test('fires on httpsPort with no keyStore anywhere and a server.env without keystore_password', () => {
  const [f, ...rest] = findings(server(endpoint));
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.match(
    f.message,
    /httpsPort="9443" but the configuration defines no <keyStore> and server\.env sets no keystore_password/,
  );
  assert.match(f.message, /CWPKI0819I/);
  assert.match(f.message, /Add <keyStore id="defaultKeyStore"/);
  assert.deepEqual(f.range, { start: { line: 1, character: 50 }, end: { line: 1, character: 54 } });
});

test('does not fire when a key store or keystore_password exists somewhere', () => {
  assert.deepEqual(
    findings(server(`${endpoint}\n<keyStore id="defaultKeyStore" password="\${ks.pw}"/>`)),
    [],
  );
  assert.deepEqual(
    findings(server(`${endpoint}\n<ssl id="s"><keyStore location="k.p12"/></ssl>`)),
    [],
    'nested',
  );
  assert.deepEqual(findings(server(endpoint), { [ENV]: 'keystore_password=generated\n' }), []);
  const files = { [ENV]: 'X=1\n', [`${SERVER}/keys.xml`]: server('<keyStore id="ring"/>') };
  assert.deepEqual(
    findings(server(`<include location="keys.xml"/>\n${endpoint}`), files),
    [],
    'in an include',
  );
});

test('does not fire without a server.env (the password may come from the process environment), in a fragment, or when an include is unread', () => {
  assert.deepEqual(findings(server(endpoint), {}), []);
  assert.deepEqual(findings(server(endpoint), { [ENV]: 'X=1\n' }, 'file:///tmp/endpoint.xml'), []);
  assert.deepEqual(findings(server(`<include location="gone.xml"/>\n${endpoint}`)), []);
});

test('does not fire on a closed or unknown HTTPS port', () => {
  assert.deepEqual(findings(server('<httpEndpoint id="h" httpsPort="-1" httpPort="9080"/>')), []);
  assert.deepEqual(findings(server('<httpEndpoint id="h" httpsPort="${https.port}"/>')), []);
  assert.deepEqual(findings(server('<httpEndpoint id="h" httpPort="9080"/>')), []);
});
