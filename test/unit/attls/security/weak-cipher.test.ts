import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, fixTitled, policy, textAt } from './helpers';

const RULE = 'attls/weak-cipher';

test('RC4, NULL, 3DES and EXPORT suites are found by code and by constant; strong ones are not', () => {
  const text = policy({
    envAdv: ['TLSv1.2 On'],
    cipher: [
      'V3CipherSuites 052F0A',
      'V3CipherSuites TLS_RSA_WITH_NULL_SHA',
      'V3CipherSuites TLS_RSA_EXPORT_WITH_RC4_40_MD5',
      'V3CipherSuites4Char C02FC012',
    ],
  });
  const all = findings(text, RULE);
  assert.deepEqual(
    all.map((f) => textAt(text, f)),
    ['05', '0A', 'TLS_RSA_WITH_NULL_SHA', 'TLS_RSA_EXPORT_WITH_RC4_40_MD5', 'C012'],
  );
  assert.match(all[0].message, /RC4/);
  assert.match(all[1].message, /3DES/);
  assert.match(all[2].message, /NULL/);
  assert.match(all[3].message, /export/);
});

test('removing a suite from a hex string keeps the others', () => {
  const text = policy({ cipher: ['V3CipherSuites 052F'] });
  const [f] = findings(text, RULE);
  const fixed = applyFix(text, fixTitled(f, 'Remove'));
  assert.match(fixed, /V3CipherSuites 2F\n/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('any V2CipherSuites line is reported, naming known SSLv2 constants; the fix deletes it', () => {
  const text = policy({ cipher: ['V2CipherSuites TLS_RC4_128_WITH_MD5', 'V3CipherSuites4Char C02F'] });
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.match(f.message, /SSL V2/);
  assert.match(f.message, /TLS_RC4_128_WITH_MD5/);
  const fixed = applyFix(text, f.fixes![0]);
  assert.doesNotMatch(fixed, /V2CipherSuites/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('legacy but not weak (static RSA AES-CBC) is not flagged', () => {
  assert.equal(
    findings(policy({ cipher: ['V3CipherSuites TLS_RSA_WITH_AES_256_CBC_SHA256'] }), RULE).length,
    0,
  );
});
