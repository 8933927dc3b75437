import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, fixTitled, policy, textAt } from './helpers';

const RULE = 'attls/malformed-cipher-string';

test('the real case: a stray C02 after a constant on V3CipherSuites4Char', () => {
  const text = policy({ cipher: ['V3CipherSuites4Char TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256 C02'] });
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(textAt(text, f), 'C02');
  assert.match(f.message, /extra value/);
  assert.match(f.message, /3 characters, not a multiple of 4/);
  const fixed = applyFix(text, fixTitled(f, "Remove 'C02'"));
  assert.match(fixed, /TLS_ECDH_ECDSA_WITH_AES_128_GCM_SHA256\n/);
  assert.equal(findings(fixed, RULE).length, 0);
  assert.equal(findings(text, 'attls/constant-in-4char').length, 1);
});

test('wrong length, non-hex and unknown codes', () => {
  const text = policy({
    cipher: [
      'V3CipherSuites4Char C02F130',
      'V3CipherSuites 2F3',
      'V3CipherSuites4Char 1306',
      'V3CipherSuites zz-top',
    ],
  });
  const all = findings(text, RULE);
  assert.deepEqual(
    all.map((f) => textAt(text, f)),
    ['C02F130', '2F3', '1306', 'zz-top'],
  );
  assert.match(all[0].message, /7 characters, not a multiple of 4/);
  assert.match(all[2].message, /not among the System SSL cipher suites/);
  assert.match(all[3].message, /neither a cipher constant nor a hex string/);
});

test('a valid extra value is moved to its own line, which concatenates', () => {
  const text = policy({ cipher: ['V3CipherSuites4Char 1301 C02F'] });
  const [f] = findings(text, RULE);
  const fixed = applyFix(text, fixTitled(f, 'Move'));
  assert.match(fixed, /V3CipherSuites4Char 1301\n\s+V3CipherSuites4Char C02F\n/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('valid strings are not reported', () => {
  const text = policy({
    cipher: [
      'V3CipherSuites 2F35',
      'V3CipherSuites4Char 13011302C02F',
      'V3CipherSuites TLS_AES_128_GCM_SHA256',
    ],
  });
  assert.equal(findings(text, RULE).length, 0);
});
