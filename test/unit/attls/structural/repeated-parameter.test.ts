import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, applyFix, findings } from './helpers';

const R = 'attls/repeated-parameter';

test('a repeated single-value parameter is reported; identical repeats get a preferred removal', () => {
  assert.deepEqual(findings(GOOD, R), []);
  const text = GOOD.replace('    TLSv1.2 On', '    TLSv1.2 On\n    tlsv1.2 ON');
  const [f] = findings(text, R);
  assert.match(f.message, /same value/);
  assert.equal(f.fixes?.[0].isPreferred, true);
  assert.equal(applyFix(text, f), GOOD);
  const other = findings(GOOD.replace('    TLSv1.2 On', '    TLSv1.2 On\n    TLSv1.2 Off'), R);
  assert.equal(other[0].fixes?.[0].isPreferred, undefined);
});

test('list parameters may repeat', () => {
  assert.deepEqual(findings('TTLSCipherParms c\n{\n  V3CipherSuites 35\n  V3CipherSuites 2F\n}\n', R), []);
});

test('a repeated password is not echoed', () => {
  const text = 'TTLSKeyringParms k\n{\n  Keyring /k.kdb\n  KeyringPw hunter2\n  KeyringPw swordfish\n}\n';
  const [f] = findings(text, R);
  assert.ok(!/hunter2|swordfish/.test(f.message));
});
