import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, fixTitled, policy, textAt } from './helpers';

const RULE = 'attls/tls13-fips-unsupported';
const fipsTls13 = policy({
  group: ['FIPS140 On'],
  envAdv: ['TLSv1.2 On', 'TLSv1.3 On'],
  cipher: ['V3CipherSuites4Char 13011302C02F'],
});

test('field failure: TLS 1.3 with FIPS140 on z/OS 3.1 is an error at the TLSv1.3 line, pointing at FIPS140', () => {
  const [f, ...rest] = findings(fipsTls13, RULE, '3.1');
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  assert.equal(textAt(fipsTls13, f), 'TLSv1.3 On');
  assert.match(f.message, /z\/OS 3\.1/);
  assert.match(f.message, /rule R1/);
  assert.match(f.message, /dies silently after ServerHello/);
  assert.equal(f.related?.length, 1);
  assert.equal(fipsTls13.split('\n')[f.related![0].range.start.line].trim(), 'FIPS140 On');
});

test('every FIPS140 value other than Off counts, and 2.4/2.5 are affected too', () => {
  for (const level of ['Level1', 'Level2', 'Level3']) {
    const text = fipsTls13.replace('FIPS140 On', `FIPS140 ${level}`);
    assert.equal(findings(text, RULE, '2.5').length, 1, level);
  }
  assert.equal(findings(fipsTls13, RULE, '2.4').length, 1);
});

test('z/OS 3.2 supports TLS 1.3 in FIPS mode (FIPS 140-3): no finding', () => {
  assert.equal(findings(fipsTls13, RULE, '3.2').length, 0);
});

test('no finding with FIPS140 Off, with TLS 1.3 off, or when the connection turns TLS 1.3 off', () => {
  assert.equal(findings(fipsTls13.replace('FIPS140 On', 'FIPS140 Off'), RULE).length, 0);
  assert.equal(findings(fipsTls13.replace('TLSv1.3 On', 'TLSv1.3 Off'), RULE).length, 0);
  const overridden = policy({
    group: ['FIPS140 On'],
    envAdv: ['TLSv1.2 On', 'TLSv1.3 On'],
    connAdv: ['TLSv1.3 Off'],
  });
  assert.equal(findings(overridden, RULE).length, 0);
});

test('two rules sharing the environment give one finding naming both', () => {
  const text =
    fipsTls13 +
    'TTLSRule R2\n{\n  LocalPortRange 444\n  Direction Inbound\n  TTLSGroupActionRef G1\n  TTLSEnvironmentActionRef E1\n}\n';
  const all = findings(text, RULE);
  assert.equal(all.length, 1);
  assert.match(all[0].message, /rules R1 and R2/);
});

test('the quick-fix turns TLS 1.3 off and the finding goes away', () => {
  const [f] = findings(fipsTls13, RULE);
  const fixed = applyFix(fipsTls13, fixTitled(f, 'Turn TLSv1.3 Off'));
  assert.match(fixed, /TLSv1\.3 Off/);
  assert.equal(findings(fixed, RULE).length, 0);
});
