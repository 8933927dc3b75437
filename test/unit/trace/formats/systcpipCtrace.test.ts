// systcpip-ctrace parser (trace-formats.md §4) over the two real documentation records and a fixture
// written for this project (test/fixtures/traces/systcpip-*). No AT-TLS record of this component has
// been seen, so §11 names no failure for it: records stay generic 'record' events keyed by CID.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { CORPUS, FIXTURES, parseFile, parseText } from './parseText';

const sample = (f: string) => parseFile('systcpip-ctrace', path.join(CORPUS, 'systcpip-ctrace', f));

test('TELNET sample: one record, keys read, CID is the connection, dump and elision lines skipped', () => {
  const evs = sample('ibm-zos-v2r2-ipdiag-telnet-ctrace-send-data-to-client.txt');
  assert.equal(evs.length, 1);
  const [e] = evs;
  assert.deepEqual([e.line, e.endLine, e.kind], [0, 7, 'record']);
  assert.equal(e.system, 'MVS181');
  assert.equal(e.connKey, 'tcpip:MVS181/cid:092552C4');
  assert.equal(e.time?.text, '12:49:06.354966');
  assert.equal(e.text, 'TELNET Send Data to Client');
  assert.equal(e.job, undefined, 'USER is the LU name for Telnet, not a job');
});

test('TRACERES sample: separator, callout numbers, JOBN and CID, free text kept', () => {
  const evs = sample('ibm-zos-v2r2-ipdiag-ctrace-traceres-record.txt');
  assert.equal(evs.length, 1);
  const [e] = evs;
  assert.deepEqual([e.line, e.endLine], [1, 16]);
  assert.equal(e.job, 'USER23');
  assert.equal(e.thread, '007FF320');
  assert.equal(e.connKey, 'tcpip:MVSTST/cid:00000222');
  assert.match(
    e.text,
    /^TRACERES Formatted Trace Resolver: Resolver Trace Initialization Complete -> 2014\/01\/07/,
  );
  assert.match(e.text, /\(L\) DataSetPrefix = CS390$/);
});

test('fixture: two connections and a record without one; banner date gives ISO times', () => {
  const evs = parseFile('systcpip-ctrace', path.join(FIXTURES, 'systcpip-two-connections-layout.txt'));
  assert.deepEqual(
    evs.map((e) => [e.line, e.endLine, e.connKey]),
    [
      [4, 9, 'tcpip:SYSA/cid:00000A41'],
      [11, 13, 'tcpip:SYSA/cid:00000B07'],
      [14, 15, undefined],
    ],
  );
  assert.equal(evs[0].time?.iso, '2025-03-14T12:00:00.000100');
  assert.ok(evs.every((e) => e.kind === 'record'));
});

test('codes in a record description or text are recognised with line ranges', () => {
  const text = [
    'SYSA      TELNET    70010004  12:00:00.000100   Handshake failed RC: 5004',
    'CID....00000A41',
    'gsk_secure_socket_init = 402',
  ].join('\n');
  const [e] = parseText('systcpip-ctrace', text);
  const lines = text.split('\n');
  assert.deepEqual(
    e.codes?.map((c) => [c.id, c.line]),
    [
      ['attls-rc-5004', 0],
      ['gsk-402', 2],
    ],
  );
  for (const c of e.codes ?? []) {
    assert.equal(lines[c.line].slice(c.start, c.end), c.text);
  }
});

test('bad input never throws', () => {
  assert.deepEqual(parseText('systcpip-ctrace', ''), []);
  assert.deepEqual(parseText('systcpip-ctrace', 'CID....00000001\n+0000 00 | x\n'), []);
  const evs = parseText('systcpip-ctrace', 'A B 00000001 00:00:00.000000 d\n' + 'HASID..'.repeat(500_000));
  assert.equal(evs.length, 1);
});
