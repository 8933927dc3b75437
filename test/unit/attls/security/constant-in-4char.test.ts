import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, fixTitled, policy, textAt } from './helpers';

const RULE = 'attls/constant-in-4char';

test('a constant on V3CipherSuites4Char is an error; the preferred fix writes its code', () => {
  const text = policy({ cipher: ['V3CipherSuites4Char TLS_CHACHA20_POLY1305_SHA256'] });
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  assert.equal(textAt(text, f), 'TLS_CHACHA20_POLY1305_SHA256');
  const fix = fixTitled(f, 'Replace');
  assert.equal(fix.isPreferred, true);
  const fixed = applyFix(text, fix);
  assert.match(fixed, /V3CipherSuites4Char 1303\n/);
  assert.equal(findings(fixed, RULE).length, 0);
  assert.equal(findings(fixed, 'attls/malformed-cipher-string').length, 0);
});

test('the other fix moves the constant to V3CipherSuites', () => {
  const text = policy({ cipher: ['V3CipherSuites4Char TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384'] });
  const [f] = findings(text, RULE);
  const fixed = applyFix(text, fixTitled(f, 'Write the constant on V3CipherSuites'));
  assert.match(fixed, /V3CipherSuites TLS_ECDH_RSA_WITH_AES_256_GCM_SHA384/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('constants on V3CipherSuites and codes on V3CipherSuites4Char are fine', () => {
  const text = policy({ cipher: ['V3CipherSuites TLS_AES_128_GCM_SHA256', 'V3CipherSuites4Char 1301C02F'] });
  assert.equal(findings(text, RULE).length, 0);
});
