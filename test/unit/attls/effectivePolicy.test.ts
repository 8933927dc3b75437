import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeAttls } from '../../../server/src/service/attls/analyze';
import {
  renderEffectivePolicy,
  rulesInEvaluationOrder,
} from '../../../server/src/service/attls/effectivePolicy';

const POLICY = `
TTLSRule zeta
{
  LocalPortRange 443
  Direction Inbound
  TTLSGroupActionRef g
  TTLSEnvironmentActionRef e
  TTLSConnectionActionRef c
}
TTLSRule alpha
{
  RemotePortRange 25
  Direction Outbound
  TTLSGroupActionRef g
  TTLSEnvironmentActionRef e
}
TTLSRule high
{
  Priority 100
  Jobname ABC*
  Direction Both
  TTLSGroupActionRef g
  TTLSEnvironmentActionRef e
}
TTLSGroupAction g
{
  TTLSEnabled On
  Trace 6
}
TTLSEnvironmentAction e
{
  HandshakeRole Server
  TTLSKeyringParmsRef k
  TTLSEnvironmentAdvancedParms
  {
    TLSv1.2 On
    HandshakeTimeout 30
  }
  TTLSGskAdvancedParms
  {
    TTLSGskLdapParms
    {
      GSK_LDAP_SERVER ldap.example
      GSK_LDAP_USER cn=me
      GSK_LDAP_USER_PW topsecret
    }
  }
}
TTLSKeyringParms k
{
  Keyring STC/RING
}
TTLSConnectionAction c
{
  Trace 255
  TTLSConnectionAdvancedParms
  {
    TLSv1 Off
    TLSv1.3 On
  }
  TTLSCipherParms
  {
    V3CipherSuites4Char 1301C02F
    V3CipherSuites 35
  }
  TTLSSignatureParms
  {
    SignaturePairs 04030503
  }
}
`;

const a = analyzeAttls(POLICY);
const text = renderEffectivePolicy(a.model);
const section = (name: string): string => {
  const start = text.indexOf(`policyRule:                 ${name} `);
  assert.ok(start >= 0, name);
  const end = text.indexOf('\npolicyRule:', start + 1);
  return text.slice(start, end < 0 ? undefined : end);
};
const line = (s: string, key: string): string => {
  const m = new RegExp(`^ +${key.replace(/\./g, '\\.')}: +(.*)$`, 'm').exec(s);
  assert.ok(m, key);
  return m[1].replace(/\s+/g, ' ');
};

test('the header names the release of the defaults and says it is computed, not read from the stack', () => {
  assert.match(text, /computed by zos-tls from this file alone — not read from a TCP\/IP stack/);
  assert.match(text, /Target release: z\/OS 3\.1/);
  const other = renderEffectivePolicy(analyzeAttls(POLICY, { release: '2.5' }).model);
  assert.match(
    other,
    /Target release: z\/OS 2\.5\..*the target release is z\/OS 2\.5, where they may differ/,
  );
});

test('rules come in evaluation order: Priority high to low, then name; Priority defaults to 1', () => {
  assert.deepEqual(
    rulesInEvaluationOrder(a.model).map((r) => r.name?.text),
    ['high', 'alpha', 'zeta'],
  );
  const order = [...text.matchAll(/^policyRule: +(\S+)/gm)].map((m) => m[1]);
  assert.deepEqual(order, ['high', 'alpha', 'zeta']);
  assert.equal(line(section('alpha'), 'Priority'), '1 (default)');
  assert.match(line(section('high'), 'Priority'), /^100 \(line \d+\)$/);
});

test('each effective setting carries "(default)" or the level that set it', () => {
  const z = section('zeta');
  assert.equal(line(z, 'SSLv2'), 'Off (default)');
  assert.match(line(z, 'TLSv1'), /^Off \(connection, line \d+\)$/);
  assert.equal(line(z, 'TLSv1.1'), 'On (default)');
  assert.match(line(z, 'TLSv1.2'), /^On \(environment, line \d+\)$/);
  assert.match(line(z, 'TLSv1.3'), /^On \(connection, line \d+\)$/);
  assert.match(line(z, 'HandshakeTimeout'), /^30 \(environment/);
  assert.equal(line(z, 'ResetCipherTimer'), '0 (default)');
  assert.match(line(z, 'HandshakeRole'), /^Server \(environment/);
  assert.match(line(z, 'Keyring'), /^STC\/RING \(environment/);
  assert.equal(line(z, 'FIPS140'), 'Off (default)');
  assert.match(line(z, 'Trace'), /^255 \(connection/);
  assert.match(line(section('alpha'), 'Trace'), /^6 \(group/);
  assert.equal(line(z, 'CtraceClearText'), 'Off (default)');
  assert.equal(line(z, 'ClientAuthType'), 'Required (default)');
  assert.match(line(z, 'TTLSEnabled'), /^On \(group/);
});

test('conditions and actions are listed with their lines', () => {
  const z = section('zeta');
  assert.match(line(z, 'Direction'), /^Inbound \(line 5\)$/);
  assert.match(line(z, 'LocalPortRange'), /^443 \(line 4\)$/);
  assert.match(line(z, 'Group'), /^g \(line \d+\)$/);
  assert.match(line(z, 'Connection'), /^c \(line \d+\)$/);
  assert.equal(line(section('alpha'), 'Connection'), '- (none)');
});

test('cipher list as hex4 NAME lines, or the System SSL default list', () => {
  const z = section('zeta');
  assert.match(
    z,
    /Cipher list \(connection, line \d+\):\n {4}1301 {2}TLS_AES_128_GCM_SHA256\n {4}C02F {2}TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256\n {4}0035 {2}TLS_RSA_WITH_AES_256_CBC_SHA\n/,
  );
  assert.match(section('alpha'), /Cipher list: System SSL default list .* no TLS 1\.3 suite/);
});

test('signature parameters: coded lists replace the default; the others show the observed 3.1 defaults', () => {
  const z = section('zeta');
  assert.match(
    z,
    /SignaturePairs: +\(connection, line \d+\)\n {6}0403 {2}TLS_SIGALG_SHA256_WITH_ECDSA\n {6}0503 {2}TLS_SIGALG_SHA384_WITH_ECDSA\n/,
  );
  assert.match(z, /ClientKeyShareGroups: +\(default observed on z\/OS 3\.1\)\n {6}0023 {2}secp256r1\n/);
  const alpha = section('alpha');
  assert.match(
    alpha,
    /SignaturePairs: +\(default observed on z\/OS 3\.1\)\n {6}0601 {2}TLS_SIGALG_SHA512_WITH_RSA/,
  );
  assert.match(alpha, /ServerKexECurves: +\(default\)\n {6}0023 {2}secp256r1/);
});

test('GSK, OCSP and HTTP-CDP defaults are shown; LDAP passwords are masked', () => {
  const z = section('zeta');
  assert.equal(line(z, 'GSK_V3_SESSION_TIMEOUT'), '86400 (default)');
  assert.equal(line(z, 'OcspResponseTimeout'), '15 (default)');
  assert.equal(line(z, 'HttpCdpCacheSize'), '32 (default)');
  assert.match(line(z, 'GSK_LDAP_SERVER'), /^ldap\.example \(environment/);
  assert.doesNotMatch(text, /topsecret/);
  assert.match(line(z, 'GSK_LDAP_USER_PW'), /not shown/);
});

test('a main configuration file says it holds no rule', () => {
  const main = renderEffectivePolicy(analyzeAttls('TcpImage TCPIP /etc/img.conf FLUSH PURGE\n').model);
  assert.match(main, /main or image configuration file: it holds no TTLSRule/);
});
