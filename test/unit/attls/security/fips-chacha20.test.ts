import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, fixTitled, policy, textAt } from './helpers';

const RULE = 'attls/fips-chacha20';

test('field failure: ChaCha20 in a hex string with FIPS140 on is an error at the code, with the ICSF code', () => {
  const text = policy({
    group: ['FIPS140 On'],
    envAdv: ['TLSv1.2 On'],
    cipher: ['V3CipherSuites4Char C02FCCA8C030'],
  });
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  assert.equal(textAt(text, f), 'CCA8');
  assert.match(f.message, /CSFPSKE return code 8, reason code BFE/);
  assert.match(f.message, /FIPS140 On/);
  assert.equal(text.split('\n')[f.related![0].range.start.line].trim(), 'FIPS140 On');
  const fixed = applyFix(text, fixTitled(f, 'Remove'));
  assert.match(fixed, /V3CipherSuites4Char C02FC030\n/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('the TLS 1.3 ChaCha20 constant, and CCA9, are found; removing the constant deletes its line', () => {
  const text = policy({
    group: ['FIPS140 Level2'],
    envAdv: ['TLSv1.2 On'],
    cipher: [
      'V3CipherSuites TLS_CHACHA20_POLY1305_SHA256',
      'V3CipherSuites TLS_AES_128_GCM_SHA256',
      'V3CipherSuites4Char CCA9',
    ],
  });
  const all = findings(text, RULE);
  assert.deepEqual(
    all.map((f) => textAt(text, f)),
    ['TLS_CHACHA20_POLY1305_SHA256', 'CCA9'],
  );
  const fixed = applyFix(text, fixTitled(all[0], 'Remove'));
  assert.doesNotMatch(fixed, /CHACHA20/);
  assert.match(fixed, /V3CipherSuites TLS_AES_128_GCM_SHA256/);
  assert.equal(findings(fixed, RULE).length, 1);
});

test('no finding without FIPS, or when the ChaCha20 list is not the one in effect', () => {
  assert.equal(findings(policy({ cipher: ['V3CipherSuites4Char 1303'] }), RULE).length, 0);
  // The connection's list replaces the environment's: the environment's ChaCha20 list is not used.
  const text = policy({
    group: ['FIPS140 On'],
    cipher: ['V3CipherSuites4Char 1303'],
    conn: ['TTLSCipherParms', '{', '  V3CipherSuites4Char C02F', '}'],
  });
  assert.equal(findings(text, RULE).length, 0);
});
