import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, policy, textAt } from './helpers';

const RULE = 'attls/tls13-only-parameter';

test('MiddleBoxCompatMode On and key-share groups where TLS 1.3 is off: information, with a delete fix', () => {
  const text = policy({
    envAdv: ['TLSv1.2 On', 'MiddleBoxCompatMode On'],
    env: ['TTLSSignatureParms', '{', '  ClientKeyShareGroups 0023', '  ServerKeyShareGroups 00230024', '}'],
  });
  const all = findings(text, RULE);
  assert.deepEqual(
    all.map((f) => textAt(text, f)),
    ['MiddleBoxCompatMode On', 'ClientKeyShareGroups 0023', 'ServerKeyShareGroups 00230024'],
  );
  assert.equal(all[0].severity, 'information');
  assert.match(all[0].message, /inferred/);
  const fixed = applyFix(text, all[0].fixes![0]);
  assert.doesNotMatch(fixed, /MiddleBoxCompatMode/);
  assert.equal(findings(fixed, RULE).length, 2);
});

test('TLS 1.3 on in a rule that uses the block, or MiddleBoxCompatMode Off: no finding', () => {
  assert.equal(findings(policy({ envAdv: ['TLSv1.3 On', 'MiddleBoxCompatMode On'] }), RULE).length, 0);
  assert.equal(findings(policy({ envAdv: ['TLSv1.2 On', 'MIDDLEBOXCOMPATMODE Off'] }), RULE).length, 0);
  const shared = policy({ envAdv: ['TLSv1.2 On', 'MiddleBoxCompatMode On'], connAdv: ['TLSv1.3 On'] });
  assert.equal(findings(shared, RULE).length, 0);
});
