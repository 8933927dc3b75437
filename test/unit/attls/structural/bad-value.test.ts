import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, applyFix, findings } from './helpers';

const R = 'attls/bad-value';

test('a clean policy raises nothing; enumerations are case-insensitive', () => {
  assert.deepEqual(findings(GOOD, R), []);
  assert.deepEqual(
    findings(
      GOOD.replace('Direction Inbound', 'Direction INBOUND').replace('TTLSEnabled On', 'TTLSEnabled ON'),
      R,
    ),
    [],
  );
});

test('an enumeration value outside the list is an error with a nearest-value fix', () => {
  const text = GOOD.replace('Direction Inbound', 'Direction Inbond');
  const [f] = findings(text, R);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /Inbound, Outbound, Both/);
  assert.match(applyFix(text, f), /Direction Inbound/);
});

test('Priority outside 1-2000000000 and non-numbers are errors', () => {
  assert.equal(findings(GOOD.replace('Direction Inbound', 'Direction Inbound\n  Priority 0'), R).length, 1);
  assert.equal(
    findings(GOOD.replace('Direction Inbound', 'Direction Inbound\n  Priority 2000000001'), R).length,
    1,
  );
  assert.equal(
    findings(GOOD.replace('Direction Inbound', 'Direction Inbound\n  Priority 2000000000'), R).length,
    0,
  );
  assert.equal(
    findings(GOOD.replace('Direction Inbound', 'Direction Inbound\n  Priority high'), R).length,
    1,
  );
});

test('port ranges: n, n-m, n:m and "n m" are accepted; ports above 65535 are not', () => {
  for (const ok of ['443', '1024-65535', '1024:65535', '1024 65535', '0']) {
    assert.deepEqual(findings(GOOD.replace('LocalPortRange 443', `LocalPortRange ${ok}`), R), [], ok);
  }
  for (const bad of ['65536', '1-70000', 'https', '1-2-3']) {
    assert.equal(findings(GOOD.replace('LocalPortRange 443', `LocalPortRange ${bad}`), R).length, 1, bad);
  }
});

test('RemoteAddr 6793 is a warning that explains the 0.0.26.137 reading', () => {
  const [f] = findings(GOOD.replace('Direction Inbound', 'Direction Inbound\n  RemoteAddr 6793'), R);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /0\.0\.26\.137/);
  assert.match(f.message, /RemotePortRange/);
});

test('addresses, prefixes, ranges and IPv6 are accepted; garbage is not', () => {
  for (const ok of [
    'All',
    '10.1.1.2',
    '10.0.0.0/8',
    '10.0.0.1-10.0.0.9',
    '2001:db8::1',
    '::1',
    '2001:db8::/32',
  ]) {
    assert.deepEqual(
      findings(GOOD.replace('Direction Inbound', `Direction Inbound\n  RemoteAddr ${ok}`), R),
      [],
      ok,
    );
  }
  for (const bad of ['10.1.1', '300.1.1.1', '10.0.0.0/33', 'host.example.com', '10.0.0.1-2001:db8::1']) {
    const fs = findings(GOOD.replace('Direction Inbound', `Direction Inbound\n  RemoteAddr ${bad}`), R);
    assert.equal(fs.length, 1, bad);
    assert.equal(fs[0].severity, 'error', bad);
  }
});

test('a missing value is an error, except CertificateLabel (information, Zowe does it on purpose)', () => {
  assert.equal(findings(GOOD.replace('TTLSEnabled On', 'TTLSEnabled'), R)[0].severity, 'error');
  const [f] = findings(GOOD.replace('TLSv1.2 On', 'TLSv1.2 On\n    CertificateLabel # keep empty'), R);
  assert.equal(f.severity, 'information');
});

test('names longer than 32 and over-long Keyring/KeyringPw values are errors; the password is not echoed', () => {
  const long = 'N'.repeat(33);
  assert.equal(findings(GOOD.replace('TTLSRule r1', `TTLSRule ${long}`), R).length, 1);
  assert.equal(findings(GOOD.replace('TTLSRule r1', `TTLSRule ${'N'.repeat(32)}`), R).length, 0);
  assert.equal(findings(GOOD.replace('Keyring SRV/RING', `Keyring /${'k'.repeat(1023)}`), R).length, 1);
  const pw = 'Secret' + 'x'.repeat(130);
  const [f] = findings(GOOD.replace('Keyring SRV/RING', `Keyring /etc/k.kdb\n  KeyringPw ${pw}`), R);
  assert.ok(f);
  assert.ok(!f.message.includes(pw.slice(0, 6)));
});

test('placeholders and ${...} templates are left to attls/placeholder', () => {
  assert.deepEqual(findings(GOOD.replace('LocalPortRange 443', 'LocalPortRange [zss_port]'), R), []);
  assert.deepEqual(findings(GOOD.replace('LocalPortRange 443', 'LocalPortRange ${ZSS_PORT}'), R), []);
});
