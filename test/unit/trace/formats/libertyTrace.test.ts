// Liberty / WebSphere log and trace parser over every real sample of its corpus folder (trace-formats.md): each event's lines,
// kind, handshake type, direction, side, alert, cipher, protocol and connection key (issue 6).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { libertyTraceParser } from '../../../../server/src/service/trace/formats/libertyTrace';
import { CORPUS, FIXTURES, brief, itReadsEverySample, parseFile } from './clientTraceRun';

const DIR = `${CORPUS}/liberty-trace`;

const EXPECTED: Record<string, string[]> = {
  'openliberty-13424-trace-CWWKO0801E-session-has-no-psk.txt': ['1-2 error local server liberty:0000005e@1'],
  'openliberty-25922-message-text-CWWKO0801E-certificate_unknown.txt': [
    '1 error received server alert=fatal/certificate_unknown/46 liberty:127.0.0.1:57449>127.0.0.1:8021',
  ],
  'openliberty-33464-messages-CWWKO0801E-bad_certificate.txt': [
    '1 error received server alert=fatal/bad_certificate/42 liberty:10.51.16.215:59906>10.51.8.61:8020',
  ],
  'openliberty-9424-message-texts-CWWKO0801E.txt': [
    '1 error local server liberty:@1',
    '3 error local server liberty:@3',
  ],
  'websphere-traditional-trace-ssl-all-and-jsse-debug-client.txt': [
    '1-3 handshake:ClientHello sent client v=TLSv1 jsse:00000021#1',
    '4-5 handshake:ServerHello received client cipher=TLS_RSA_WITH_RC4_128_MD5 v=TLSv1 jsse:00000021#1',
    '6-27 handshake:Certificate received client jsse:00000021#1',
    '61-66 handshake:CertificateRequest received client jsse:00000021#1',
    '68-69 handshake:ServerHelloDone received client jsse:00000021#1',
    '82-83 handshake:ClientKeyExchange sent client jsse:00000021#1',
    '84 handshake:CertificateVerify sent client jsse:00000021#1',
    '85 ccs sent client v=TLSv1 jsse:00000021#1',
    '86 handshake:Finished sent client jsse:00000021#1',
    '87 ccs received client v=TLSv1 jsse:00000021#1',
    '88 handshake:Finished received client jsse:00000021#1',
  ],
};

describe('liberty-trace parser over the real samples', () => {
  itReadsEverySample(libertyTraceParser, DIR, EXPECTED);

  it('hands wrapped JDK 8 JSSE text to the JSSE parser: client offers, then the server choice', () => {
    const events = parseFile(
      libertyTraceParser,
      `${DIR}/websphere-traditional-trace-ssl-all-and-jsse-debug-client.txt`,
    );
    assert.deepEqual(events[0].offer?.ciphers?.slice(0, 2), [
      'TLS_RSA_WITH_RC4_128_MD5',
      'TLS_RSA_WITH_RC4_128_SHA',
    ]);
    assert.equal(events[0].time?.text, '3/3/10 11:30:11:828 JST');
    assert.equal(events[0].thread, '00000021');
  });
  it('fixture (written for this project): server-side null cert chain, JDK 8 inside Liberty', () => {
    const file = `${FIXTURES}/liberty-jsse8-null-cert-chain.txt`;
    const events = parseFile(libertyTraceParser, file);
    assert.deepEqual(events.map(brief), [
      '2 record received server v=TLSv1.2 jsse:0000002a#1',
      '3-4 handshake:ClientHello received server v=TLSv1.2 jsse:0000002a#1',
      '6-7 handshake:ServerHello sent server cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 v=TLSv1.2 jsse:0000002a#1',
      '8 handshake:CertificateRequest sent server jsse:0000002a#1',
      '9 handshake:ServerHelloDone sent server jsse:0000002a#1',
      '10 record sent server v=TLSv1.2 jsse:0000002a#1',
      '11 record received server v=TLSv1.2 jsse:0000002a#1',
      '12 handshake:Certificate received server jsse:0000002a#1',
      '14 error local server alert=fatal/bad_certificate/42 jsse:0000002a#1',
      '15 error local server jsse:0000002a#1',
      '16 state server jsse:0000002a#1',
      '17 alert sent server alert=fatal/bad_certificate/42 v=TLSv1.2 jsse:0000002a#1',
      '18 record sent server v=TLSv1.2 jsse:0000002a#1',
      '19 error local server liberty:192.0.2.10:51234>198.51.100.5:9443',
    ]);
    const text = readFileSync(file, 'utf8').split('\n');
    for (const e of events) {
      for (const c of e.codes ?? []) {
        assert.equal(
          text[c.line].slice(c.start, c.end),
          c.text,
          'code ranges are offsets in the physical line',
        );
      }
    }
    assert.ok(events[13].codes?.some((c) => c.id === 'java-null-cert-chain'));
    assert.equal(events[13].peer, '192.0.2.10:51234');
  });
  it('CWWKO0801E: bad_certificate received, no cipher suites in common local, swapped ends put right', () => {
    const bad = parseFile(
      libertyTraceParser,
      `${DIR}/openliberty-33464-messages-CWWKO0801E-bad_certificate.txt`,
    )[0];
    assert.equal(bad.peer, '10.51.16.215:59906');
    const none = parseFile(libertyTraceParser, `${DIR}/openliberty-9424-message-texts-CWWKO0801E.txt`)[0];
    assert.deepEqual(
      none.codes?.map((c) => c.id),
      ['CWWKO0801E', 'java-no-cipher-suites-in-common'],
    );
  });
});
