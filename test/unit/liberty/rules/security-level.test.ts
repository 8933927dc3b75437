import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { Finding } from '../../../../server/src/service/types';

const RULE = 'liberty/security-level';

function findings(text: string): Finding[] {
  return analyzeLiberty(text, 'file:///wlp/usr/servers/s1/server.xml', {
    configFiles: { read: () => undefined },
  }).findings.filter((f) => f.rule === RULE);
}

const ssl = (attrs: string): string =>
  `<server>\n<ssl id="s" keyStoreRef="defaultKeyStore" ${attrs}/>\n</server>`;

test('fires on LOW as an error with a fix to HIGH', () => {
  const [f, ...rest] = findings(ssl('securityLevel="LOW"'));
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /not encrypted.*securityLevel="HIGH"/);
  assert.deepEqual(f.range, { start: { line: 1, character: 57 }, end: { line: 1, character: 60 } });
  assert.deepEqual(f.fixes?.[0].edits, [{ range: f.range, newText: 'HIGH' }]);
});

test('fires on MEDIUM as a warning', () => {
  const [f] = findings(ssl('securityLevel="MEDIUM"'));
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /DES and 40-bit/);
});

test('fires on a level that comes from a variable, without a fix that would overwrite the variable', () => {
  const text =
    '<server>\n<variable name="lvl" value="LOW"/>\n<ssl id="s" securityLevel="${lvl}"/>\n</server>';
  const [f, ...rest] = findings(text);
  assert.equal(rest.length, 0);
  assert.equal(f.fixes, undefined);
});

test('does not fire on HIGH, CUSTOM, an unresolved value, or when enabledCiphers makes the level moot', () => {
  assert.deepEqual(findings(ssl('securityLevel="HIGH"')), []);
  assert.deepEqual(findings(ssl('securityLevel="CUSTOM" enabledCiphers="TLS_AES_128_GCM_SHA256"')), []);
  assert.deepEqual(findings(ssl('securityLevel="${level}"')), []);
  assert.deepEqual(findings(ssl('securityLevel="LOW" enabledCiphers="TLS_AES_128_GCM_SHA256"')), []);
});
