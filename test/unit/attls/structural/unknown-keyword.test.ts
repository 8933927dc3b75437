import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, applyFix, findings, lines } from './helpers';

const R = 'attls/unknown-keyword';

test('a clean policy and mixed-case keywords raise nothing', () => {
  assert.deepEqual(findings(GOOD, R), []);
  assert.deepEqual(
    findings(
      GOOD.replace('HandshakeRole', 'HANDSHAKEROLE').replace(
        'TTLSKeyringParms ring',
        'TTLSKeyRingParms ring',
      ),
      R,
    ),
    [],
  );
});

test('TLSv1.2 directly in TTLSEnvironmentAction says where it belongs', () => {
  const fs = findings(GOOD.replace('  HandshakeRole Server', '  HandshakeRole Server\n  TLSv1.2 On'), R);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].severity, 'error');
  assert.match(fs[0].message, /not a parameter of TTLSEnvironmentAction/);
  assert.match(fs[0].message, /TTLSEnvironmentAdvancedParms/);
});

test('ClientHandshake is not a keyword; the nearest one is offered as the preferred fix', () => {
  const text = GOOD.replace('    TLSv1.2 On', '    TLSv1.2 On\n    ClientHandshake Required');
  const [f] = findings(text, R);
  assert.match(f.message, /'ClientHandshakeSNI'/);
  assert.equal(f.fixes?.[0].isPreferred, true);
  assert.match(applyFix(text, f), /ClientHandshakeSNI Required/);
});

test('a misspelt statement is reported with a suggestion, and its contents are not', () => {
  const fs = findings(GOOD.replace('TTLSGroupAction grp', 'TTLSGroupActoin grp'), R);
  assert.deepEqual(lines(fs), [8]);
  assert.match(fs[0].message, /'TTLSGroupAction'/);
});

test('an inline block that its parent cannot hold is reported', () => {
  const text = GOOD.replace(
    '  TTLSEnabled On',
    '  TTLSEnabled On\n  TTLSCipherParms\n  {\n    V3CipherSuites 35\n  }',
  );
  const fs = findings(text, R);
  assert.equal(fs.length, 1);
  assert.match(fs[0].message, /TTLSCipherParms cannot be coded inside TTLSGroupAction/);
});

test('a known parameter at environment level only warns at connection level (uncertain list)', () => {
  const text = 'TTLSConnectionAdvancedParms c\n{\n  ClientAuthType Required\n}\n';
  const [f] = findings(text, R);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /uncertain/);
});

test('pagent main files accept the confirmed statements of other disciplines, not invented ones', () => {
  const main =
    'LogLevel 15\nTcpImage TCPIP /etc/img FLUSH\nCommonIpSecConfig /etc/c.ipsec\nRoutingConfig /etc/r\n';
  assert.deepEqual(findings(main, R), []);
  const fs = findings(main + 'IDSConfig /etc/ids\nLogLevle 3\n', R);
  assert.deepEqual(lines(fs), [5, 6]);
  assert.match(fs[1].message, /'LogLevel'/);
});

test('parameters of uncertain statements are not judged', () => {
  assert.deepEqual(findings('IpTimeCondition t\n{\n  SomethingElse 1\n}\n', R), []);
});

test('a template expression split at its braces is not taken for a statement', () => {
  assert.deepEqual(
    findings(GOOD.replace('Keyring SRV/RING', 'Keyring {zowe.setup.certificate.keyring.name}'), R),
    [],
  );
});
