import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, findings, lines } from './helpers';

const R = 'attls/duplicate-name';

test('two statements of one type with one name: the second is reported, related to the first', () => {
  assert.deepEqual(findings(GOOD, R), []);
  const [f] = findings(GOOD + 'TTLSKeyringParms ring\n{\n  Keyring OTHER/RING\n}\n', R);
  assert.equal(f.range.start.line, 24);
  assert.match(f.message, /different contents/);
  assert.equal(f.related?.[0].range.start.line, 20);
});

test('the same name on statements of different types is not a duplicate', () => {
  assert.deepEqual(lines(findings(GOOD + 'TTLSCipherParms ring\n{\n  V3CipherSuites 35\n}\n', R)), []);
});
