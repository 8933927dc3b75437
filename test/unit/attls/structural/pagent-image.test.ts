import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, lines } from './helpers';

const R = 'attls/pagent-image';

test('TTLSConfig in a main file whose TcpImage names an image file is ignored: error', () => {
  const [f] = findings('TcpImage TCPIP /etc/pagent.image FLUSH PURGE\nTTLSConfig /etc/pagent.ttls\n', R);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /\/etc\/pagent\.image/);
});

test('doNotFlag: TcpImage without a path, or no TcpImage at all', () => {
  assert.deepEqual(findings("TcpImage TCPIP FLUSH PURGE 3600\nTTLSConfig //'A.B(C)'\n", R), []);
  assert.deepEqual(findings('TTLSConfig /etc/pagent.ttls.conf\n', R), []);
});

test('several TTLSConfig: all but the last are warnings', () => {
  const fs = findings('TTLSConfig /a\nTTLSConfig /b\nTTLSConfig /c\n', R);
  assert.deepEqual(lines(fs), [1, 2]);
  assert.ok(fs.every((f) => f.severity === 'warning'));
});

test('pagent-image warns when TcpImage names what is by its name an AT-TLS policy', () => {
  const f = findings('TcpImage TCPIP /etc/pagent/server-policy.ttls FLUSH PURGE 1800\n', R);
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.deepEqual(f[0].range.start, { line: 0, character: 15 });
  assert.equal(findings('TcpImage TCPIP /etc/pagent/TCPIP.image FLUSH PURGE 1800\n', R).length, 0);
});
