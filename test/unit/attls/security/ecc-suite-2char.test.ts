import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, fixTitled, policy, textAt } from './helpers';

const RULE = 'attls/ecc-suite-2char';

test('C0xx on V3CipherSuites is an error; the preferred fix switches the line to V3CipherSuites4Char', () => {
  const text = policy({ cipher: ['V3CipherSuites C02FC030'] });
  const all = findings(text, RULE);
  assert.deepEqual(
    all.map((f) => textAt(text, f)),
    ['C02F', 'C030'],
  );
  assert.match(all[0].message, /TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256/);
  assert.match(all[0].message, /'2F' as TLS_RSA_WITH_AES_128_CBC_SHA/);
  const fixed = applyFix(text, fixTitled(all[0], 'Write the line as V3CipherSuites4Char'));
  assert.match(fixed, /V3CipherSuites4Char C02FC030/);
  assert.equal(findings(fixed, RULE).length, 0);
  // The misread halves are not reported a second time as weak or unknown.
  assert.equal(findings(text, 'attls/weak-cipher').length, 0);
  assert.equal(findings(text, 'attls/malformed-cipher-string').length, 0);
});

test('a single 13xx code on V3CipherSuites can be replaced by the constant', () => {
  const text = policy({ cipher: ['V3CipherSuites 1301'] });
  const [f] = findings(text, RULE);
  assert.match(f.message, /'13' as TLS_DHE_DSS_WITH_3DES_EDE_CBC_SHA/);
  const fixed = applyFix(text, fixTitled(f, 'Replace 1301 by the constant'));
  assert.match(fixed, /V3CipherSuites TLS_AES_128_GCM_SHA256/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('genuine 2-character strings are not reported (13 alone, 2F35)', () => {
  assert.equal(findings(policy({ cipher: ['V3CipherSuites 2F35', 'V3CipherSuites 132F'] }), RULE).length, 0);
  assert.equal(findings(policy({ cipher: ['V3CipherSuites4Char C02F'] }), RULE).length, 0);
});
