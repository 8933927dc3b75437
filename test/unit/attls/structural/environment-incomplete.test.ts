import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, findings } from './helpers';

const R = 'attls/environment-incomplete';

test('an environment without HandshakeRole or key ring is reported', () => {
  assert.deepEqual(findings(GOOD, R), []);
  assert.match(findings(GOOD.replace('  HandshakeRole Server\n', ''), R)[0].message, /HandshakeRole/);
  const [f] = findings(GOOD.replace('  TTLSKeyringParmsRef ring\n', ''), R);
  assert.match(f.message, /key ring/);
});

test('an inline key ring counts, in either spelling', () => {
  const inline = GOOD.replace(
    '  TTLSKeyringParmsRef ring\n',
    '  TTLSKeyRingParms\n  {\n    Keyring R\n  }\n',
  );
  assert.deepEqual(findings(inline, R), []);
});
