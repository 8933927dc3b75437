import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, fixTitled, policy, textAt } from './helpers';

const RULE = 'attls/obsolete-protocol';

test('explicit TLSv1 On: warning at the line; the fix sets it Off', () => {
  const text = policy({ envAdv: ['TLSv1 On', 'TLSv1.1 Off', 'TLSv1.2 On'] });
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(textAt(text, f), 'TLSv1 On');
  const fixed = applyFix(text, fixTitled(f, 'Turn TLSv1 Off'));
  assert.match(fixed, /TLSv1 Off/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('SSLv3 On at connection level is found there', () => {
  const text = policy({ envAdv: ['TLSv1 Off', 'TLSv1.1 Off', 'TLSv1.2 On'], connAdv: ['SSLv3 On'] });
  const all = findings(text, RULE);
  assert.deepEqual(
    all.map((f) => textAt(text, f)),
    ['SSLv3 On'],
  );
});

test('on by default: one finding at the environment saying so, and a fix that turns them Off', () => {
  const text = policy({ envAdv: ['TLSv1.2 On'] });
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(textAt(text, f), 'E1');
  assert.match(f.message, /TLSv1 and TLSv1\.1 are obsolete and on by default/);
  const fixed = applyFix(text, f.fixes![0]);
  assert.match(fixed, /TLSv1\.2 On\n\s+TLSv1 Off\n\s+TLSv1\.1 Off\n/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('when TLS 1.2 is not on either, the default fix also turns TLSv1.2 On', () => {
  const text = policy();
  const [f] = findings(text, RULE);
  assert.match(f.message, /TLSv1\.2 On/);
  const fixed = applyFix(text, f.fixes![0]);
  assert.equal(findings(fixed, RULE).length, 0);
  assert.equal(findings(fixed, 'attls/tls12-off-by-default').length, 0);
});

test('all obsolete protocols off: no finding', () => {
  const text = policy({ envAdv: ['SSLv2 Off', 'SSLv3 Off', 'TLSv1 Off', 'TLSv1.1 Off', 'TLSv1.2 On'] });
  assert.equal(findings(text, RULE).length, 0);
});

test('a connection that turns them Off for one rule leaves the other rule of the environment reported', () => {
  const text =
    policy({ envAdv: ['TLSv1.2 On'], connAdv: ['TLSv1 Off', 'TLSv1.1 Off'] }) +
    'TTLSRule R2\n{\n  LocalPortRange 444\n  Direction Inbound\n  TTLSGroupActionRef G1\n  TTLSEnvironmentActionRef E1\n}\n';
  const all = findings(text, RULE);
  assert.equal(all.length, 1);
  assert.match(all[0].message, /rule R2\b/);
  assert.doesNotMatch(all[0].message, /R1/);
});
