// The workspace setting lookup (issue 6): each setting a trace/* rule names resolves to the line of
// a small AT-TLS policy, RACF job or Liberty server.xml that writes it, and the rules' findings,
// run through indexTraceBytes with the lookup, carry those lines as related information.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { indexTraceBytes } from '../../../server/src/service/trace/index';
import { SETTINGS } from '../../../server/src/service/trace/rules/settings';
import type { SettingKind } from '../../../server/src/service/trace/rules/settings';
import { createSettingLookup } from '../../../server/src/service/trace/settingLookup';
import type { SettingDocument } from '../../../server/src/service/trace/settingLookup';

const FIXTURES = join(__dirname, '../../fixtures/traces');

const POLICY = 'file:///cfg/pagent/ttls.policy';
const RACF = 'file:///cfg/racf/webring.racf';
const SERVER = 'file:///cfg/wlp/usr/servers/web/server.xml';

const policy = (fips = 'On') => `# zos-tls test policy
TTLSRule WebRule
{
  LocalPortRange 443
  Direction Inbound
  TTLSGroupActionRef grp1
  TTLSEnvironmentActionRef env1
}
TTLSGroupAction grp1
{
  TTLSEnabled On
  FIPS140 ${fips}
}
TTLSEnvironmentAction env1
{
  HandshakeRole Server
  TTLSKeyringParms
  {
    Keyring TCPIP/WebRing
    KeyringPw sesame42
  }
  TTLSCipherParms
  {
    V3CipherSuites TLS_AES_128_GCM_SHA256
    V3CipherSuites TLS_CHACHA20_POLY1305_SHA256
    V3CipherSuites4Char 13011303
  }
  TTLSEnvironmentAdvancedParms
  {
    TLSv1.2 On
    TLSv1.3 On
    ClientAuthType Required
  }
  TTLSSignatureParms
  {
    SignaturePairs 0601
  }
}
`;

const racf = `RACDCERT ID(WEBSRV) GENCERT SUBJECTSDN(CN('web.example.com')) -
   NISTECC SIZE(256) WITHLABEL('Web')
RACDCERT ID(WEBSRV) ADDRING(WebRing)
RACDCERT ID(WEBSRV) CONNECT(ID(WEBSRV) LABEL('Web') -
   RING(WebRing) DEFAULT)
RACDCERT ADD('WEBSRV.CERT.P12') ID(WEBSRV) WITHLABEL('Imp') PASSWORD('opensesame')
PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(WEBSRV) ACCESS(READ)
RDEFINE RDATALIB WEBSRV.WebRing.LST UACC(NONE)
PERMIT WEBSRV.WebRing.LST CLASS(RDATALIB) ID(LIBSRV) ACCESS(READ)
SETROPTS RACLIST(FACILITY RDATALIB) REFRESH
`;

const server = `<server>
  <featureManager><feature>transportSecurity-1.0</feature></featureManager>
  <keyStore id="defaultKeyStore" location="safkeyring://WEBSRV/WebRing"
            type="JCERACFKS" password="hunter2hunter2"/>
  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore" trustStoreRef="defaultKeyStore"
       clientAuthentication="true" sslProtocol="TLSv1.2"
       enabledCiphers="TLS_AES_128_GCM_SHA256"/>
</server>
`;

const docs = (fips = 'On'): SettingDocument[] => [
  { uri: POLICY, text: policy(fips) },
  { uri: RACF, text: racf, languageId: 'racf' },
  { uri: SERVER, text: server },
];

/** 0-based line of the first line of `text` that contains `needle`. */
function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  assert.ok(i >= 0, needle);
  return i;
}

test('every setting the trace rules name resolves to the line that writes it', () => {
  const look = createSettingLookup(docs());
  const want: Record<keyof typeof SETTINGS, { uri: string; needle: string }[]> = {
    fips140: [{ uri: POLICY, needle: 'FIPS140' }],
    v3CipherSuites: [
      { uri: POLICY, needle: 'V3CipherSuites TLS_AES' },
      { uri: POLICY, needle: 'V3CipherSuites TLS_CHACHA20' },
    ],
    v3CipherSuites4Char: [{ uri: POLICY, needle: 'V3CipherSuites4Char' }],
    tlsv13: [{ uri: POLICY, needle: 'TLSv1.3' }],
    tlsv12: [{ uri: POLICY, needle: 'TLSv1.2' }],
    clientAuthType: [{ uri: POLICY, needle: 'ClientAuthType' }],
    signaturePairs: [{ uri: POLICY, needle: 'SignaturePairs' }],
    keyring: [{ uri: POLICY, needle: 'Keyring TCPIP' }],
    connect: [{ uri: RACF, needle: 'CONNECT(' }],
    gencert: [{ uri: RACF, needle: 'GENCERT' }],
    listring: [{ uri: RACF, needle: 'IRR.DIGTCERT.LISTRING' }],
    enabledCiphers: [{ uri: SERVER, needle: 'enabledCiphers' }],
    sslProtocol: [{ uri: SERVER, needle: 'sslProtocol' }],
    clientAuthentication: [{ uri: SERVER, needle: 'clientAuthentication' }],
    trustStoreRef: [{ uri: SERVER, needle: 'trustStoreRef' }],
    keyStoreLocation: [{ uri: SERVER, needle: 'location=' }],
  };
  const texts: Record<string, string> = { [POLICY]: policy(), [RACF]: racf, [SERVER]: server };
  for (const [key, setting] of Object.entries(SETTINGS)) {
    const got = look(setting.kind, setting.name).map((s) => ({ uri: s.uri, line: s.line }));
    const expected = want[key as keyof typeof SETTINGS].map((w) => ({
      uri: w.uri,
      line: lineOf(texts[w.uri], w.needle),
    }));
    assert.deepEqual(got, expected, `${setting.kind} ${setting.name}`);
  }
});

test('values come along as written, names match in any case, secrets never in full', () => {
  const look = createSettingLookup(docs());
  const one = (kind: SettingKind, name: string) => {
    const r = look(kind, name);
    assert.equal(r.length, 1, `${kind} ${name}: ${JSON.stringify(r)}`);
    return r[0];
  };
  assert.equal(one('attls-parameter', 'fips140').value, 'On');
  assert.equal(one('attls-parameter', 'HandshakeRole').line, lineOf(policy(), 'HandshakeRole'));
  assert.equal(one('attls-parameter', 'HandshakeRole').value, 'Server');
  assert.equal(one('racf-keyword', 'CONNECT').value, "(ID(WEBSRV) LABEL('Web') RING(WebRing) DEFAULT)");
  assert.equal(one('racf-keyword', 'NISTECC').line, lineOf(racf, 'NISTECC'));
  assert.equal(one('racf-keyword', 'SIZE').value, '(256)');
  assert.equal(
    one('racf-keyword', 'IRR.DIGTCERT.LISTRING').value,
    'PERMIT CLASS(FACILITY) ID(WEBSRV) ACCESS(READ)',
  );
  // The RDATALIB profile and its permit, in file order.
  assert.deepEqual(
    look('racf-keyword', 'RDATALIB').map((s) => s.line),
    [lineOf(racf, 'RDEFINE RDATALIB'), lineOf(racf, 'CLASS(RDATALIB)')],
  );
  assert.equal(one('liberty-attribute', 'keyStore.type').value, 'JCERACFKS');
  assert.equal(one('liberty-attribute', 'ssl.enabledCiphers').value, 'TLS_AES_128_GCM_SHA256');
  const all = JSON.stringify([
    look('attls-parameter', 'KeyringPw'),
    look('racf-keyword', 'PASSWORD'),
    look('racf-keyword', 'ADD'),
    look('liberty-attribute', 'keyStore.password'),
  ]);
  assert.equal(look('attls-parameter', 'KeyringPw').length, 1);
  assert.equal(look('liberty-attribute', 'keyStore.password').length, 1);
  for (const secret of ['sesame42', 'opensesame', 'hunter2hunter2']) {
    assert.ok(!all.includes(secret), `${secret} in ${all}`);
  }
  assert.deepEqual(look('attls-parameter', 'NoSuchParameter'), []);
  assert.deepEqual(look('liberty-attribute', 'FIPS140'), []);
});

test('Liberty: an include read through the reader resolves to its own file, once even when given too', () => {
  const include = 'file:///cfg/wlp/usr/servers/web/tls.xml';
  const includeText = `<server>
  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore"
       enabledCiphers="TLS_AES_256_GCM_SHA384"/>
</server>
`;
  const root = `<server>
  <featureManager><feature>transportSecurity-1.0</feature></featureManager>
  <include location="tls.xml"/>
  <keyStore id="defaultKeyStore" location="safkeyring://WEBSRV/WebRing" type="JCERACFKS"/>
</server>
`;
  const files = new Map([
    [SERVER, root],
    [include, includeText],
  ]);
  const reader = { read: (uri: string) => files.get(uri) };
  for (const given of [
    [{ uri: SERVER, text: root }],
    [
      { uri: include, text: includeText },
      { uri: SERVER, text: root },
    ],
  ]) {
    const look = createSettingLookup(given, { configFiles: reader });
    assert.deepEqual(look('liberty-attribute', 'ssl.enabledCiphers'), [
      { uri: include, line: 2, value: 'TLS_AES_256_GCM_SHA384' },
    ]);
    assert.deepEqual(look('liberty-attribute', 'keyStore.location'), [
      { uri: SERVER, line: 3, value: 'safkeyring://WEBSRV/WebRing' },
    ]);
  }
});

test('other files, empty, binary and unfinished texts give no settings and do not throw', () => {
  const look = createSettingLookup([
    { uri: 'file:///x/readme.md', text: '# FIPS140 On\nV3CipherSuites 1301\n' },
    { uri: 'file:///x/empty.policy', text: '' },
    { uri: 'file:///x/bin.racf', text: '\u0000\u0001\u0002RACDCERT', languageId: 'racf' },
    { uri: 'file:///x/half.attls', text: 'TTLSGroupAction g\n{\n  FIPS140' },
    { uri: 'file:///x/server.xml', text: '<server><ssl id="x" sslProtocol=' },
  ]);
  assert.deepEqual(look('attls-parameter', 'V3CipherSuites'), []);
  assert.deepEqual(look('racf-keyword', 'RACDCERT'), []);
  // The unfinished parameter is still a parameter line without a value.
  assert.deepEqual(look('attls-parameter', 'FIPS140'), [{ uri: 'file:///x/half.attls', line: 2 }]);
  assert.deepEqual(look('liberty-attribute', 'ssl.sslProtocol'), []);
});

const trace = (name: string, findSetting = createSettingLookup(docs())) =>
  indexTraceBytes(readFileSync(join(FIXTURES, name)), { findSetting });

function related(ix: ReturnType<typeof trace>, rule: string) {
  const f = ix.findings.find((x) => x.rule === rule);
  assert.ok(f, `${rule} in ${ix.findings.map((x) => x.rule).join(', ')}`);
  return (f.related ?? []).map((r) => ({ uri: r.uri, line: r.range.start.line, message: r.message }));
}

test('fips-tls13: the policy FIPS140 On (read by the lookup) turns a silent TLS 1.3 stall into the finding; Off does not', () => {
  const r = related(trace('attls-tls13-fips-stall-then-next.txt'), 'trace/fips-tls13');
  assert.deepEqual(r, [
    {
      uri: POLICY,
      line: lineOf(policy(), 'FIPS140'),
      message: 'AT-TLS TTLSGroupAction FIPS140 On is set here',
    },
    {
      uri: POLICY,
      line: lineOf(policy(), 'TLSv1.3'),
      message: 'AT-TLS TTLSEnvironmentAdvancedParms TLSv1.3 On is set here',
    },
  ]);
  const off = trace('attls-tls13-fips-stall-then-next.txt', createSettingLookup(docs('Off')));
  assert.ok(!off.findings.some((f) => f.rule === 'trace/fips-tls13'));
});

test('fips-chacha20, no-tls13-certificate, ring-access: related lines in the policy and the RACF job', () => {
  const p = policy();
  assert.deepEqual(
    related(trace('gsk-fips-chacha20-csfpske-8-bfe.txt'), 'trace/fips-chacha20').map((r) => r.line),
    [
      lineOf(p, 'V3CipherSuites TLS_AES'),
      lineOf(p, 'V3CipherSuites TLS_CHACHA20'),
      lineOf(p, 'V3CipherSuites4Char'),
      lineOf(p, 'FIPS140'),
    ],
  );
  const tls13 = related(trace('attls-tls13-certificate-alert-40.txt'), 'trace/no-tls13-certificate');
  assert.deepEqual(tls13[0], {
    uri: POLICY,
    line: lineOf(p, 'SignaturePairs'),
    message: 'AT-TLS TTLSSignatureParms SignaturePairs 0601 is set here',
  });
  const ring = related(trace('gsk-keyring-open-failure.txt'), 'trace/ring-access');
  assert.deepEqual(
    ring.map((r) => [r.uri, r.line]),
    [
      [POLICY, lineOf(p, 'Keyring TCPIP')],
      [RACF, lineOf(racf, 'IRR.DIGTCERT.LISTRING')],
    ],
  );
});

test('client-cert-missing (Liberty trace): related to server.xml <ssl clientAuthentication>', () => {
  const r = related(trace('liberty-jsse8-null-cert-chain.txt'), 'trace/client-cert-missing');
  assert.deepEqual(r, [
    {
      uri: SERVER,
      line: lineOf(server, 'clientAuthentication'),
      message: 'server.xml <ssl clientAuthentication> true is set here',
    },
  ]);
});

test('untrusted-certificate and expired-certificate: related to the RACDCERT CONNECT and GENCERT lines', () => {
  const CH =
    '16030100380100003403030102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F200000041301130301000007002B0003020304';
  const alert = (code: string) =>
    Buffer.from(
      [
        `EZD1285I TTLS Data CONNID: 00000002 RECV CIPHER ${CH}`,
        `EZD1285I TTLS Data CONNID: 00000002 SEND CIPHER 15030300020${code}`,
      ].join('\n'),
    );
  const findSetting = createSettingLookup(docs());
  const rel = (bytes: Buffer, rule: string) => related(indexTraceBytes(bytes, { findSetting }), rule);
  const untrusted = rel(alert('22A'), 'trace/untrusted-certificate');
  assert.deepEqual(untrusted[0], {
    uri: RACF,
    line: lineOf(racf, 'CONNECT('),
    message: "RACDCERT CONNECT (ID(WEBSRV) LABEL('Web') RING(WebRing) DEFAULT) is set here",
  });
  assert.ok(untrusted.some((r) => r.uri === SERVER && r.line === lineOf(server, 'trustStoreRef')));
  assert.deepEqual(
    rel(alert('22D'), 'trace/expired-certificate').map((r) => [r.uri, r.line]),
    [
      [RACF, lineOf(racf, 'GENCERT')],
      [RACF, lineOf(racf, 'CONNECT(')],
    ],
  );
});
