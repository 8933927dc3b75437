import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { ConfigFileReader, Finding } from '../../../../server/src/service/types';

const SERVER = '/wlp/usr/servers/s1';
const RULE = 'liberty/encryption-key-in-config';
const SECRET = 'myVerySecretAesKey123';

function findings(
  text: string,
  uri = `file://${SERVER}/server.xml`,
  files: Record<string, string> = {},
): Finding[] {
  const reader: ConfigFileReader = { read: (u) => files[decodeURIComponent(u.replace(/^file:\/\//, ''))] };
  return analyzeLiberty(text, uri, { configFiles: reader }).findings.filter((f) => f.rule === RULE);
}

const keyVariable = `<variable name="wlp.password.encryption.key" value="${SECRET}"/>`;
const server = (body: string): string => `<server>\n${body}\n</server>\n`;

test('fires on wlp.password.encryption.key defined in server.xml, without echoing the key', () => {
  const [f, ...rest] = findings(server(keyVariable));
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.ok(!f.message.includes(SECRET), 'the key is never shown');
  assert.match(
    f.message,
    /defined in server\.xml.*Move the <variable> into a separate include file outside the configuration directory/,
  );
  const at = keyVariable.indexOf('wlp.password');
  assert.deepEqual(f.range, { start: { line: 1, character: at }, end: { line: 1, character: at + 27 } });
});

test('fires on a defaultValue too', () => {
  assert.equal(
    findings(server(`<variable name="wlp.password.encryption.key" defaultValue="${SECRET}"/>`)).length,
    1,
  );
});

test('does not fire in an include (the recommended place), on a key taken from the environment, or on other variables', () => {
  const files = {
    [`${SERVER}/server.xml`]: server('<include location="/secure/aes.xml"/>'),
    '/secure/aes.xml': server(keyVariable),
  };
  assert.deepEqual(findings(server('<include location="/secure/aes.xml"/>'), undefined, files), []);
  assert.deepEqual(findings(server(keyVariable), 'file:///secure/aes.xml', files), []);
  assert.deepEqual(
    findings(server('<variable name="wlp.password.encryption.key" value="${env.AES_KEY}"/>')),
    [],
  );
  assert.deepEqual(findings(server('<variable name="https.port" value="9443"/>')), []);
});
