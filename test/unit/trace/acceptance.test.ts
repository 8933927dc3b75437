// Issue 6 "Findings" acceptance: the field failures through the whole pipeline (bytes -> format ->
// events -> connections -> trace/* rules), on real samples where the corpus has them and on
// fixtures written for this project (test/fixtures/traces, each marked so) where it does not.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { indexTraceBytes } from '../../../server/src/service/trace/index';
import type { TraceIndexOptions } from '../../../server/src/service/trace/index';

const FIXTURES = join(__dirname, '../../fixtures/traces');
const CORPUS = '/work/shared/corpus/traces';

function run(path: string, options?: TraceIndexOptions) {
  return indexTraceBytes(readFileSync(path), options);
}

function finding(ix: ReturnType<typeof run>, rule: string) {
  const f = ix.findings.find((x) => x.rule === rule);
  assert.ok(f, `${rule} in ${ix.findings.map((x) => x.rule).join(', ')}`);
  return f;
}

test('FIPS/ChaCha20: CSFPSKE 8/BFE in a GSK trace is trace/fips-chacha20 at the ICSF line, naming 1303 and FIPS140', () => {
  const ix = run(join(FIXTURES, 'gsk-fips-chacha20-csfpske-8-bfe.txt'));
  const conn = ix.connections.find((c) => c.id.endsWith('handle:21C0A318'))!;
  assert.equal(conn.outcome, 'failed');
  assert.equal(conn.stopLine, 19);
  const f = finding(ix, 'trace/fips-chacha20');
  assert.equal(f.range.start.line, 19);
  assert.match(f.message, /CSFPSKE return code 8, reason BFE/);
  assert.match(f.message, /Fix: remove 1303/);
  assert.match(f.message, /FIPS140 Off/);
  assert.match(f.href ?? '', /ttlscipherparms/i);
});

test('TLS 1.3 + FIPS: silent stop after ServerHello/CCS is stalled; fips-tls13 with the workspace FIPS140 line', () => {
  const lookup: TraceIndexOptions['findSetting'] = (kind, name) =>
    kind === 'attls-parameter' && name === 'FIPS140'
      ? [{ uri: 'file:///pagent/tcpip.policy', line: 41, value: 'On' }]
      : [];
  const ix = run(join(FIXTURES, 'attls-tls13-fips-stall-then-next.txt'), { findSetting: lookup });
  const conn = ix.connections.find((c) => c.id === 'attls:00000A41')!;
  assert.equal(conn.outcome, 'stalled');
  assert.equal(conn.protocol, 'TLSv1.3');
  assert.equal(conn.stopLine, 4);
  assert.deepEqual(
    conn.messages.map((m) => m.type),
    ['ClientHello', 'ServerHello', 'ChangeCipherSpec'],
  );
  assert.match(finding(ix, 'trace/handshake-stalled').message, /no alert/);
  const f = finding(ix, 'trace/fips-tls13');
  assert.equal(f.range.start.line, 4);
  assert.match(f.message, /does not support TLS 1\.3 in FIPS mode/);
  assert.match(f.message, /TLSv1\.3 Off/);
  assert.deepEqual(f.related?.[0], {
    uri: 'file:///pagent/tcpip.policy',
    range: { start: { line: 41, character: 0 }, end: { line: 41, character: 0 } },
    message: 'AT-TLS TTLSGroupAction FIPS140 On is set here',
  });
  // Without the workspace (no FIPS evidence in the trace) the stall is not blamed on FIPS.
  assert.equal(
    run(join(FIXTURES, 'attls-tls13-fips-stall-then-next.txt')).findings.some(
      (x) => x.rule === 'trace/fips-tls13',
    ),
    false,
  );
});

test('TLS 1.3 + FIPS: the GSK record "FIPS not supported" is trace/fips-tls13', () => {
  const ix = run(join(FIXTURES, 'gsk-tls13-fips-stall.txt'));
  assert.equal(ix.connections[0].stopLine, 4);
  const f = finding(ix, 'trace/fips-tls13');
  assert.equal(f.range.start.line, 4);
  assert.match(f.message, /FIPS not supported/);
});

test('missing TLS 1.3 certificate: TLS 1.3-only ClientHello answered by alert 40 is trace/no-tls13-certificate', () => {
  const ix = run(join(FIXTURES, 'attls-tls13-certificate-alert-40.txt'));
  const conn = ix.connections[0];
  assert.equal(conn.outcome, 'failed');
  assert.equal(conn.stopLine, 2);
  const f = finding(ix, 'trace/no-tls13-certificate');
  assert.match(f.message, /no certificate it can use for TLS 1\.3/);
  assert.match(f.message, /SignaturePairs/);
  assert.match(f.href ?? '', /ttlssignatureparms/i);
  assert.equal(
    ix.findings.some((x) => x.rule === 'trace/no-common-cipher'),
    false,
  );
});

test('Liberty "null cert chain" (JDK 8 server): client-cert-missing names clientAuthentication', () => {
  const ix = run(join(FIXTURES, 'liberty-jsse8-null-cert-chain.txt'));
  const conn = ix.connections.find((c) => c.id === 'jsse:0000002a#1')!;
  assert.equal(conn.outcome, 'failed');
  assert.equal(conn.stopLine, 13);
  const f = finding(ix, 'trace/client-cert-missing');
  assert.equal(f.range.start.line, 13);
  assert.match(f.message, /client sent none/);
  assert.match(f.message, /clientAuthentication="false"/);
  assert.equal(
    ix.findings.some((x) => x.rule === 'trace/untrusted-certificate'),
    false,
  );
});

test('Liberty bad_certificate (real sample 33464): untrusted-certificate, the peer rejected this side', () => {
  const ix = run(join(CORPUS, 'liberty-trace/openliberty-33464-messages-CWWKO0801E-bad_certificate.txt'));
  assert.equal(ix.connections[0].outcome, 'failed');
  assert.equal(ix.connections[0].stopLine, 0);
  const f = finding(ix, 'trace/untrusted-certificate');
  assert.match(f.message, /peer rejected the certificate this side sent/);
  assert.match(f.message, /RACDCERT CONNECT/);
});

test('Liberty "no cipher suites in common" (real sample 9424): no-common-cipher names the key ring cause', () => {
  const ix = run(join(CORPUS, 'liberty-trace/openliberty-9424-message-texts-CWWKO0801E.txt'));
  assert.equal(ix.connections[0].outcome, 'failed');
  assert.equal(ix.connections[0].stopLine, 0);
  const f = finding(ix, 'trace/no-common-cipher');
  assert.equal(f.range.start.line, 0);
  assert.match(f.message, /enabledCiphers/);
  assert.match(f.message, /IRR\.DIGTCERT\.LISTRING/);
  assert.match(f.message, /no usable private key/);
});

test('key ring not readable: AT-TLS RC 202 at Environment Init is trace/ring-access', () => {
  const ix = run(join(FIXTURES, 'attls-keyring-environment-init-202.txt'));
  assert.equal(ix.connections[0].outcome, 'failed');
  const f = finding(ix, 'trace/ring-access');
  assert.equal(f.range.start.line, 2);
  assert.match(f.message, /READ to IRR\.DIGTCERT\.LISTRING/);
  assert.match(f.message, /TTLSKeyringParms Keyring/);
});
