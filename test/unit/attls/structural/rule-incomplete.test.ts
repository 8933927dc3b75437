import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, findings } from './helpers';

const R = 'attls/rule-incomplete';

test('a rule without Direction, group or condition is reported once, naming what is missing', () => {
  assert.deepEqual(findings(GOOD, R), []);
  const [f] = findings(GOOD.replace('  LocalPortRange 443\n  Direction Inbound\n', ''), R);
  assert.match(f.message, /Direction/);
  assert.match(f.message, /a condition/);
  assert.doesNotMatch(f.message, /TTLSGroupActionRef \(/);
  assert.match(findings(GOOD.replace('  TTLSGroupActionRef grp\n', ''), R)[0].message, /TTLSGroupActionRef/);
});

test('Ref forms and Jobname/Userid count as conditions', () => {
  assert.deepEqual(findings(GOOD.replace('LocalPortRange 443', 'Jobname ZWE1*'), R), []);
  assert.deepEqual(findings(GOOD.replace('LocalPortRange 443', 'RemotePortGroupRef pg'), R), []);
});
