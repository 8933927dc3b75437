import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, findings, lines } from './helpers';

const R = 'attls/placeholder';

test('[x], ?x? and template expressions are reported; comments are not', () => {
  assert.deepEqual(findings(GOOD, R), []);
  const text = GOOD.replace('LocalPortRange 443', 'LocalPortRange [zss_port]')
    .replace('Keyring SRV/RING', 'Keyring ?keyringName?')
    .replace('Direction Inbound', 'Direction Inbound # ?notThis?\n  Jobname ${JOB}\n  Userid {zowe.user}');
  assert.deepEqual(lines(findings(text, R)), [3, 25, 5, 6]);
});

test('RINGID counts only on Keyring; other ALL-CAPS values are real names', () => {
  assert.equal(findings(GOOD.replace('Keyring SRV/RING', 'Keyring RINGID'), R).length, 1);
  assert.deepEqual(findings(GOOD.replace('Keyring SRV/RING', 'Keyring ZWEKRNG'), R), []);
  assert.deepEqual(findings(GOOD.replace('TTLSRule r1', 'TTLSRule RINGID'), R), []);
});
