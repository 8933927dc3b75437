// attls-syslog parser (trace-formats.md §5) over the real OPERLOG sample and the fixtures written for
// this project (test/fixtures/traces/attls-*, each says which section it follows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FORMAT_PARSERS } from '../../../../server/src/service/trace/formats/index';
import type { TraceEvent } from '../../../../server/src/service/trace/types';
import { CORPUS, FIXTURES, parseFile, parseText } from './parseText';

const fixture = (f: string) => parseFile('attls-syslog', path.join(FIXTURES, f));

test('OPERLOG sample: two EZD1287I errors joined over their CR lines, RC codes, CONNID key, peer', () => {
  const file = path.join(CORPUS, 'attls-syslog', 'zowe-cli-GetLogsData-operlog-EZD1287I.txt');
  const evs = parseFile('attls-syslog', file);
  assert.deepEqual(
    evs.map((e) => [e.line, e.endLine, e.kind, e.dir]),
    [
      [0, 4, 'error', 'local'],
      [5, 9, 'error', 'local'],
    ],
  );
  for (const e of evs) {
    assert.equal(e.connKey, 'attls:0001EEF1');
    assert.equal(e.job, 'P00SVR00');
    assert.equal(e.peer, '[::FFFF:000.000.000.003]:8803');
    assert.match(e.text, /RULE: DDSClientRule/);
    assert.equal(e.side, undefined, 'the message does not say which side z/OS is');
  }
  assert.match(evs[0].text, /^EZD1287I TTLS Error RC: 5004 Initial Handshake LOCAL:/);
  assert.deepEqual(
    evs[0].codes?.map((c) => [c.id, c.text]),
    [
      ['EZD1287I', 'EZD1287I'],
      ['attls-rc-5004', 'RC: 5004'],
    ],
  );
  assert.deepEqual(
    evs[1].codes?.map((c) => c.id),
    ['EZD1287I', 'gsk-406'],
  );
  // Ranges point into the physical line (the splitter cut the message at its bare CRs).
  const lines = readFileSync(file, 'utf8').split(/\r\n|\n|\r/);
  for (const c of [...(evs[0].codes ?? []), ...(evs[1].codes ?? [])]) {
    assert.equal(lines[c.line].slice(c.start, c.end), c.text);
  }
});

test('a splitter that keeps bare CRs inside a line gives the same message and ranges', () => {
  const file = path.join(CORPUS, 'attls-syslog', 'zowe-cli-GetLogsData-operlog-EZD1287I.txt');
  const lines = readFileSync(file, 'utf8').split('\n');
  const p = FORMAT_PARSERS['attls-syslog']!.create();
  const evs: TraceEvent[] = [];
  lines.forEach((text, line) => p.push({ text, line, offset: 0 }, (e) => evs.push(e)));
  p.end((e) => evs.push(e));
  assert.deepEqual(
    evs.map((e) => [e.line, e.endLine, e.connKey]),
    [
      [0, 0, 'attls:0001EEF1'],
      [1, 1, 'attls:0001EEF1'],
    ],
  );
  for (const c of evs.flatMap((e) => e.codes ?? [])) {
    assert.equal(lines[c.line].slice(c.start, c.end), c.text);
  }
});

test('TLS 1.3 + FIPS stall fixture: ClientHello in, ServerHello + CCS out, then a clean close, no alert', () => {
  const evs = fixture('attls-tls13-fips-stall.txt');
  assert.deepEqual(
    evs.map((e) => [e.line, e.kind, e.hsType, e.dir]),
    [
      [1, 'state', undefined, undefined],
      [2, 'handshake', 'ClientHello', 'received'],
      [3, 'handshake', 'ServerHello', 'sent'],
      [4, 'ccs', undefined, 'sent'],
      [5, 'state', undefined, undefined],
    ],
  );
  assert.ok(evs.every((e) => e.connKey === 'attls:00000A41'));
  assert.ok(evs.every((e) => e.alert === undefined));
  // Receiving the ClientHello makes z/OS the server, from that message on.
  assert.equal(evs[0].side, undefined);
  assert.ok(evs.slice(1).every((e) => e.side === 'server'));
  assert.equal(evs[2].tlsVersion, 'TLSv1.3');
  assert.equal(evs[2].cipher, 'TLS_AES_128_GCM_SHA256');
  assert.equal(evs[1].tlsVersion, undefined, 'the ClientHello record version is a legacy value');
});

test('ChaCha20 fixture: the ServerHello selects TLS_CHACHA20_POLY1305_SHA256 under TLS 1.3', () => {
  const evs = fixture('attls-fips-chacha20-serverhello.txt');
  const sh = evs.find((e) => e.hsType === 'ServerHello');
  assert.equal(sh?.line, 2);
  assert.equal(sh?.cipher, 'TLS_CHACHA20_POLY1305_SHA256');
  assert.equal(sh?.tlsVersion, 'TLSv1.3');
  assert.equal(sh?.side, 'server');
  assert.deepEqual(
    evs.map((e) => e.kind),
    ['handshake', 'handshake', 'ccs'],
  );
});

test('key-ring fixture: RC 202 at Environment Init on EZD1286I (syslogd prefix) and EZD1287I (job log)', () => {
  const evs = fixture('attls-keyring-environment-init-202.txt');
  assert.deepEqual(
    evs.map((e) => [e.line, e.endLine, e.kind]),
    [
      [1, 1, 'state'],
      [2, 2, 'error'],
      [3, 7, 'error'],
    ],
  );
  assert.equal(evs[1].time?.text, '09:00:00');
  assert.equal(evs[2].time, undefined);
  for (const e of evs.slice(1)) {
    assert.equal(e.connKey, 'attls:00000C11');
    assert.equal(e.job, 'WEBSRV');
    assert.equal(e.peer, '10.1.1.9:50200');
    assert.match(e.text, /RC: {2}202 Environment Init/);
    assert.ok(e.codes?.some((c) => c.id === 'gsk-202' && c.text === 'RC:  202'));
  }
  assert.match(evs[2].text, /CONNID: 00000C11$/);
});

test('EZD1283I/EZD1284I: RC 0 is a state, another RC an error; EZD1285I alerts are read', () => {
  const evs = parseText(
    'attls-syslog',
    [
      'EZD1283I TTLS Event GRPID: 00000001 ENVID: 00000002 CONNID: 00000003 RC:    0 Connection Close',
      'EZD1284I TTLS Flow GRPID: 00000001 ENVID: 00000002 CONNID: 00000003 RC:  402 Call gsk_secure_socket_init - 7E8A0118',
      '0090 EZD1285I TTLS Data CONNID: 00000014 SEND CIPHER 1503020002020A',
      'EZD1285I TTLS Data CONNID: 00000014 RECV PLAIN 474554202F',
      'EZD1282I TTLS Start GRPID: 00000001 ENVID: 00000000 CONNID: 00000000 Environment Create ACTIONS: g e c',
    ].join('\n'),
  );
  assert.deepEqual(
    evs.map((e) => e.kind),
    ['state', 'error', 'alert', 'record', 'state'],
  );
  assert.ok(evs[1].codes?.some((c) => c.id === 'gsk-402'));
  assert.deepEqual(evs[2].alert, { level: 'fatal', description: 'unexpected_message', code: 10 });
  assert.equal(evs[2].dir, 'sent');
  assert.equal(evs[3].dir, 'received');
  assert.equal(evs[4].connKey, undefined, 'CONNID 00000000 is no connection');
});

test('bad input: lone continuations, cut hex, garbage, long lines never throw', () => {
  assert.deepEqual(parseText('attls-syslog', '   LOCAL: 1.2.3.4..5\nnothing here'), []);
  const cut = parseText(
    'attls-syslog',
    'EZD1285I TTLS Data CONNID: 00000001 SEND CIPHER 16030300FF020000FB0303',
  );
  assert.deepEqual(
    cut.map((e) => [e.kind, e.hsType]),
    [['handshake', 'ServerHello']],
  );
  const long = parseText(
    'attls-syslog',
    'EZD1287I TTLS Error RC: 5004 Initial Handshake ' + 'X'.repeat(3_000_000),
  );
  assert.equal(long.length, 1);
  assert.ok(long[0].text.length <= 8_192);
});
