import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, findings } from './helpers';

const R = 'attls/trace-verbose';

test('Trace above 7 is information; 7 and below are not reported', () => {
  assert.deepEqual(findings(GOOD.replace('TTLSEnabled On', 'TTLSEnabled On\n  Trace 7'), R), []);
  const [f] = findings(GOOD.replace('TTLSEnabled On', 'TTLSEnabled On\n  trace 255'), R);
  assert.equal(f.severity, 'information');
  assert.match(f.message, /Trace 255/);
});
