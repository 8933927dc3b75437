import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, findings } from './helpers';

const R = 'attls/ref-wrong-type';

test('a Ref naming a statement of another type is an error, with a keyword fix where one fits', () => {
  assert.deepEqual(findings(GOOD, R), []);
  const text =
    GOOD.replace('TTLSKeyringParmsRef ring', 'TTLSKeyringParmsRef ciph') +
    'TTLSCipherParms ciph\n{\n  V3CipherSuites 35\n}\n';
  const [f] = findings(text, R);
  assert.match(f.message, /must name a TTLSKeyringParms, but 'ciph' is a TTLSCipherParms/);
  assert.equal(f.fixes?.[0].edits[0].newText, 'TTLSCipherParmsRef');
  assert.deepEqual(findings(text, 'attls/unresolved-ref'), []);
});
