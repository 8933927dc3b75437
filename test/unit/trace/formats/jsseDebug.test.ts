// JSSE debug (JDK 8 and 11+) parser over every real sample of its corpus folder (trace-formats.md): each event's lines,
// kind, handshake type, direction, side, alert, cipher, protocol and connection key (issue 6).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { jsseDebugParser } from '../../../../server/src/service/trace/formats/jsseDebug';
import { CORPUS, itReadsEverySample, parseFile } from './clientTraceRun';

const DIR = `${CORPUS}/jsse-debug`;

const EXPECTED: Record<string, string[]> = {
  'jdk11-style-adoptium-support-1147-hexdump-read.txt': ['18 info jsse:A4#0'],
  'jdk11-style-alphagarden-4-part1-clienthello-extensions.txt': [],
  'jdk11-style-alphagarden-4-part2-fatal-alert-handshake-failure.txt': [
    '2 state jsse:01#0',
    '3 state jsse:01#0',
    '4 state jsse:01#0',
    '5-21 error received alert=fatal/handshake_failure/40 jsse:01#0',
  ],
  'jdk11-style-rabbitmq-java-client-1280-serverhello-in-app-log.txt': [
    '18-31 handshake:ServerHello received client cipher=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 v=TLSv1.2 jsse:10#0',
  ],
  'jdk8-style-dependencycheck-2222-invalidated-session.txt': ['23 state jsse:#0'],
  'jdk8-style-java-websocket-563-server-keyexchange.txt': [
    '13 record received server v=TLSv1 jsse:WebsocketSelector12#0',
    '14-22 handshake:ClientKeyExchange received server jsse:WebsocketSelector12#0',
  ],
  'jdk8-style-microprofile-rso-165-clienthello.txt': [
    '6 state client jsse:#1',
    '7-10 handshake:ClientHello sent client v=TLSv1.2 jsse:#1',
  ],
};

describe('jsse-debug parser over the real samples', () => {
  itReadsEverySample(jsseDebugParser, DIR, EXPECTED);

  it('reads the JDK 8 ClientHello suite list the capture cut (no closing bracket)', () => {
    const [, hello] = parseFile(jsseDebugParser, `${DIR}/jdk8-style-microprofile-rso-165-clienthello.txt`);
    const ciphers = hello.offer?.ciphers ?? [];
    assert.equal(ciphers.length, 19);
    assert.equal(ciphers[0], 'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256');
    assert.equal(ciphers[18], 'TLS_ECDH_RSA_WITH_AES_128_GCM_SHA256');
  });
  it('keeps the JDK 11 time and the codes of a received alert', () => {
    const events = parseFile(
      jsseDebugParser,
      `${DIR}/jdk11-style-alphagarden-4-part2-fatal-alert-handshake-failure.txt`,
    );
    assert.equal(events[0].time?.text, '2022-05-11 10:00:08.208 CEST');
    assert.equal(events[0].time?.iso, undefined, 'CEST is not turned into an offset');
    assert.deepEqual(
      events[3].codes?.map((c) => c.id),
      ['java-received-fatal-alert', 'tls-alert-40'],
    );
    const server = parseFile(
      jsseDebugParser,
      `${DIR}/jdk11-style-rabbitmq-java-client-1280-serverhello-in-app-log.txt`,
    );
    assert.equal(server[0].time?.iso, '2024-03-28T18:51:38.853Z');
  });
});
