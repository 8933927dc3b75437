import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, findings } from './helpers';

const R = 'attls/enabled-without-environment';

test('TTLSEnabled On without TTLSEnvironmentActionRef is an error; Off is fine', () => {
  assert.deepEqual(findings(GOOD, R), []);
  const text = GOOD.replace('  TTLSEnvironmentActionRef env\n', '');
  const [f] = findings(text, R);
  assert.match(f.message, /no TTLSEnvironmentActionRef/);
  assert.equal(f.related?.[0].range.start.line, 8);
  assert.deepEqual(findings(text.replace('TTLSEnabled On', 'TTLSEnabled Off'), R), []);
});
