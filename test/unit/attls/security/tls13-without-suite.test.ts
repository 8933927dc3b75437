import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAttls } from '../../../../server/src/service/attls/analyze';
import { applyFix, findings, fixTitled, policy, textAt } from './helpers';

const RULE = 'attls/tls13-without-suite';

test('field failure: TLSv1.3 On with no cipher list at all is an error (13xx is not in the default list)', () => {
  const text = policy({ envAdv: ['TLSv1.2 On', 'TLSv1.3 On'] });
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  assert.equal(textAt(text, f), 'TLSv1.3 On');
  assert.match(f.message, /default list/);
  // The new list keeps TLS 1.2 suites, because it replaces the default list.
  const fixed = applyFix(text, f.fixes![0]);
  assert.match(fixed, /V3CipherSuites4Char 13011302C02BC02CC02FC030/);
  assert.equal(findings(fixed, RULE).length, 0);
  assert.equal(analyzeSyntaxClean(fixed), true);
});

test('field failure: a list without any 13xx suite is an error; the fix adds 1301/1302 to that list', () => {
  const text = policy({ envAdv: ['TLSv1.2 On', 'TLSv1.3 On'], cipher: ['V3CipherSuites4Char C02FC030'] });
  const [f] = findings(text, RULE);
  assert.match(f.message, /TTLSCipherParms CP1/);
  const fixed = applyFix(text, fixTitled(f, 'Add TLS 1.3 suites'));
  assert.match(fixed, /V3CipherSuites4Char 13011302/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('a list of constants gets constant lines', () => {
  const text = policy({
    envAdv: ['TLSv1.3 On'],
    cipher: ['V3CipherSuites TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
  });
  const [f] = findings(text, RULE);
  const fixed = applyFix(text, f.fixes![0]);
  assert.match(fixed, /V3CipherSuites TLS_AES_128_GCM_SHA256\n\s+V3CipherSuites TLS_AES_256_GCM_SHA384/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('TLS 1.3 on at connection level with no list: the new list goes into the connection action', () => {
  const text = policy({ connAdv: ['TLSv1.2 On', 'TLSv1.3 On'] });
  const [f] = findings(text, RULE);
  const fixed = applyFix(text, f.fixes![0]);
  const conn = fixed.slice(fixed.indexOf('TTLSConnectionAction C1'));
  assert.match(conn, /TTLSCipherParms\n\s*\{\n\s*V3CipherSuites4Char 1301/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('no finding when a 13xx suite is present (4-char or TLS 1.3 constant on V3CipherSuites) or TLS 1.3 is off', () => {
  assert.equal(
    findings(policy({ envAdv: ['TLSv1.3 On'], cipher: ['V3CipherSuites4Char C02F1302'] }), RULE).length,
    0,
  );
  assert.equal(
    findings(policy({ envAdv: ['TLSv1.3 On'], cipher: ['V3CipherSuites TLS_AES_256_GCM_SHA384'] }), RULE)
      .length,
    0,
  );
  assert.equal(findings(policy({ envAdv: ['TLSv1.2 On'] }), RULE).length, 0);
});

test('a TLS 1.3 constant on V3CipherSuites4Char does not count, and the message says why', () => {
  const text = policy({ envAdv: ['TLSv1.3 On'], cipher: ['V3CipherSuites4Char TLS_AES_128_GCM_SHA256'] });
  const [f] = findings(text, RULE);
  assert.match(f.message, /constant written on V3CipherSuites4Char/);
});

test('an unresolved cipher Ref makes the list unknown: no guess', () => {
  const text = policy({ envAdv: ['TLSv1.3 On'], env: ['TTLSCipherParmsRef Missing'] });
  assert.equal(findings(text, RULE).length, 0);
});

function analyzeSyntaxClean(text: string): boolean {
  return analyzeAttls(text).findings.every((f) => f.rule !== 'attls/syntax');
}
