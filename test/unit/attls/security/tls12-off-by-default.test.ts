import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, policy, textAt } from './helpers';

const RULE = 'attls/tls12-off-by-default';

test('an environment that never turns TLSv1.2 On: warning at the environment name, fix adds TLSv1.2 On inline', () => {
  const text = policy({ envAdv: ['ApplicationControlled Off'] });
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.equal(textAt(text, f), 'E1');
  assert.match(f.message, /only TLS 1\.0 or 1\.1/);
  assert.match(f.message, /z\/OS 3\.1/);
  assert.equal(f.fixes![0].isPreferred, true);
  const fixed = applyFix(text, f.fixes![0]);
  assert.match(fixed, /ApplicationControlled Off\n\s+TLSv1\.2 On\n/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('no advanced parms at all: the fix creates an inline TTLSEnvironmentAdvancedParms', () => {
  const text = policy();
  const [f] = findings(text, RULE);
  const fixed = applyFix(text, f.fixes![0]);
  assert.match(fixed, /TTLSEnvironmentAdvancedParms\n\s*\{\n\s*TLSv1\.2 On\n\s*\}/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('on 3.2 the message says the defaults are not confirmed there', () => {
  const [f] = findings(policy(), RULE, '3.2');
  assert.match(f.message, /not confirmed/);
});

test('rescued by the connection level, by TLS 1.3, or an explicit setting: no finding', () => {
  assert.equal(findings(policy({ connAdv: ['TLSv1.2 On'] }), RULE).length, 0);
  assert.equal(findings(policy({ envAdv: ['TLSv1.3 On'] }), RULE).length, 0);
  assert.equal(findings(policy({ envAdv: ['TLSv1.2 On'] }), RULE).length, 0);
});

test('TTLSEnabled Off: clear text, protocols do not matter', () => {
  assert.equal(findings(policy({ group: [] }).replace('TTLSEnabled On', 'TTLSEnabled Off'), RULE).length, 0);
});

test('with TLSv1 and TLSv1.1 also off the message says no protocol is left', () => {
  const [f] = findings(policy({ envAdv: ['TLSv1 Off', 'TLSv1.1 Off'] }), RULE);
  assert.match(f.message, /no protocol is left/);
});
