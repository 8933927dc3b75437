import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, applyFix, findings } from './helpers';

const R = 'attls/ctrace-cleartext';

test('CtraceClearText On is a warning at any level, with a fix; Off is fine', () => {
  assert.deepEqual(findings(GOOD.replace('TTLSEnabled On', 'TTLSEnabled On\n  CtraceClearText Off'), R), []);
  const text = GOOD.replace('HandshakeRole Server', 'HandshakeRole Server\n  CtraceClearText ON');
  const [f] = findings(text, R);
  assert.equal(f.severity, 'warning');
  assert.match(applyFix(text, f), /CtraceClearText Off/);
});
