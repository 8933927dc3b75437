// The classic-failure trace/* rules on small synthetic traces (one per rule, firing and not) and on
// real samples that must stay quiet. The field failures end to end are in ../acceptance.test.ts.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { indexTraceBytes } from '../../../../server/src/service/trace/index';

const ix = (text: string) => indexTraceBytes(Buffer.from(text));
const rules = (text: string) => ix(text).findings.map((f) => f.rule);
const CH =
  '16030100380100003403030102030405060708090A0B0C0D0E0F101112131415161718191A1B1C1D1E1F200000041301130301000007002B0003020304';
const d = (conn: string, dir: string, hex: string) =>
  `EZD1285I TTLS Data CONNID: ${conn} ${dir} CIPHER ${hex}`;
const jsse = (lines: string[]) =>
  lines.map((l) => `[11/14/25 14:24:28:100 UTC] 0000002a SystemOut     O   ${l}`).join('\n');

test('no-common-protocol: alert 70 fires, naming TLSv1.2 On; a clean TLS 1.2 alert 40 does not', () => {
  const t = [d('00000001', 'RECV', CH), d('00000001', 'SEND', '15030300020246')].join('\n');
  const f = ix(t).findings.find((x) => x.rule === 'trace/no-common-protocol');
  assert.ok(f);
  assert.match(f.message, /TLSv1\.2 \(and, where supported, TLSv1\.3\) On/);
  assert.ok(
    !rules([d('00000001', 'RECV', CH), d('00000001', 'SEND', '15030300020228')].join('\n')).includes(
      'trace/no-common-protocol',
    ),
  );
});

test('expired-certificate: alert 45 fires; bad_certificate does not', () => {
  assert.ok(
    rules([d('00000002', 'RECV', CH), d('00000002', 'SEND', '1503030002022D')].join('\n')).includes(
      'trace/expired-certificate',
    ),
  );
  const r = rules([d('00000002', 'RECV', CH), d('00000002', 'SEND', '1503030002022A')].join('\n'));
  assert.ok(!r.includes('trace/expired-certificate'));
  assert.ok(r.includes('trace/untrusted-certificate'));
});

test('fips-chacha20: a ChaCha20 ServerHello that ends an excerpt is not a failure; ICSF 8/BFE without ChaCha20 is not this rule', () => {
  const sample = readFileSync(
    `${__dirname}/../../../fixtures/traces/attls-fips-chacha20-serverhello.txt`,
    'utf8',
  );
  assert.ok(!rules(sample).includes('trace/fips-chacha20'));
  const gsk = readFileSync(
    `${__dirname}/../../../fixtures/traces/gsk-fips-chacha20-csfpske-8-bfe.txt`,
    'utf8',
  );
  assert.ok(
    !rules(gsk.replace(/crypto_chacha_encrypt_ctx/g, 'crypto_aes_encrypt_ctx')).includes(
      'trace/fips-chacha20',
    ),
  );
  assert.ok(rules(gsk).includes('trace/fips-chacha20'));
});

test('client-cert-missing vs untrusted-certificate: empty chain is the first, PKIX the second', () => {
  const empty = rules(jsse(['javax.net.ssl.SSLHandshakeException: Empty client certificate chain']));
  assert.ok(empty.includes('trace/client-cert-missing'));
  const pkix = rules(
    jsse([
      'javax.net.ssl.SSLHandshakeException: PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException: unable to find valid certification path to requested target',
    ]),
  );
  assert.ok(pkix.includes('trace/untrusted-certificate'));
  assert.ok(!pkix.includes('trace/client-cert-missing'));
});

test('quiet on the successful real samples', () => {
  for (const f of [
    'curl-verbose/curl-6796-tls13-google-success.txt',
    'liberty-trace/websphere-traditional-trace-ssl-all-and-jsse-debug-client.txt',
    'jsse-debug/jdk8-style-java-websocket-563-server-keyexchange.txt',
  ]) {
    const r = indexTraceBytes(readFileSync(`/work/shared/corpus/traces/${f}`)).findings.map((x) => x.rule);
    const classic = r.filter(
      (x) => x !== 'trace/code' && x !== 'trace/handshake-failed' && x !== 'trace/handshake-stalled',
    );
    assert.deepEqual(classic, [], f);
  }
});

test('workspace hook: without a lookup no related lines; with one, each setting line is related with its uri', () => {
  const gsk = readFileSync(`${__dirname}/../../../fixtures/traces/gsk-fips-chacha20-csfpske-8-bfe.txt`);
  const plain = indexTraceBytes(gsk).findings.find((x) => x.rule === 'trace/fips-chacha20')!;
  assert.deepEqual(plain.related, []);
  const asked: string[] = [];
  const withWs = indexTraceBytes(gsk, {
    findSetting: (kind, name) => {
      asked.push(`${kind}:${name}`);
      return name === 'V3CipherSuites' ? [{ uri: 'file:///p.conf', line: 7 }] : [];
    },
  }).findings.find((x) => x.rule === 'trace/fips-chacha20')!;
  assert.ok(asked.includes('attls-parameter:FIPS140'));
  assert.equal(withWs.related?.length, 1);
  assert.equal(withWs.related?.[0].uri, 'file:///p.conf');
  assert.equal(withWs.related?.[0].range.start.line, 7);
});
