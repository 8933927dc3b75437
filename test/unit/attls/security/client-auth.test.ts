import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, policy, textAt } from './helpers';

const RULE = 'attls/client-auth';

test('ClientAuthType where the role is Server: it has no effect', () => {
  const text = policy({ envAdv: ['TLSv1.2 On', 'ClientAuthType Required'] });
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(textAt(text, f), 'ClientAuthType Required');
  assert.match(f.message, /ServerWithClientAuth/);
  const fixed = applyFix(text, f.fixes![0]);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('PassThru with ServerWithClientAuth: no validation', () => {
  const text = policy({ envAdv: ['ClientAuthType PassThru'] }).replace(
    'HandshakeRole Server',
    'HandshakeRole ServerWithClientAuth',
  );
  const [f] = findings(text, RULE);
  assert.match(f.message, /validates none/);
  const fixed = applyFix(text, f.fixes![0]);
  assert.match(fixed, /ClientAuthType Required/);
  assert.equal(findings(fixed, RULE).length, 0);
});

test('the connection role overrides the environment role (Zowe pattern): no finding', () => {
  const text = policy({ envAdv: ['ClientAuthType Full'], conn: ['HandshakeRole ServerWithClientAuth'] });
  assert.equal(findings(text, RULE).length, 0);
});
