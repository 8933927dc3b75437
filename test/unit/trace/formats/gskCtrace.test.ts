// gsk-ctrace parser (trace-formats.md §3) over the two real documentation samples and the fixtures
// written for this project (test/fixtures/traces/gsk-*, each says which section it follows).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CORPUS, FIXTURES, parseFile, parseText } from './parseText';

const gsk = (f: string) => parseFile('gsk-ctrace', path.join(CORPUS, 'gsk-ctrace', f));
const fixture = (f: string) => parseFile('gsk-ctrace', path.join(FIXTURES, f));

test('IBM sample: one SSL_ERROR record, job/process/thread, the peer that closed the socket', () => {
  const evs = gsk('ibm-zos-v2r1-sslprog-event-trace-records-full-format.txt');
  assert.equal(evs.length, 1);
  const [e] = evs;
  assert.equal(e.kind, 'error');
  assert.equal(e.dir, 'local');
  assert.deepEqual([e.line, e.endLine], [8, 11]);
  assert.equal(e.system, 'C01');
  assert.deepEqual([e.job, e.pid, e.thread], ['TCP341', '00020032', '00000002']);
  assert.deepEqual(e.time, { text: '20:43:45.522449', iso: '2005-11-14T20:43:45.522449' });
  assert.equal(e.peer, '192.168.50.80:1360');
  assert.equal(e.connKey, 'gsk:C01/TCP341/00020032/thread:00000002');
  assert.match(e.text, /^SSL_ERROR gsk_read_v3_record: Socket closed by 192\.168\.50\.80\.1360\.$/);
});

test('Inside Products sample: entry, info, error on one thread share the handle as connection key', () => {
  const evs = gsk('insideproducts-ipproblemfinders-gsksrvr-trace-example.txt');
  assert.deepEqual(
    evs.map((e) => [e.line, e.endLine, e.kind]),
    [
      [0, 3, 'state'],
      [5, 8, 'info'],
      [10, 13, 'error'],
    ],
  );
  assert.deepEqual(new Set(evs.map((e) => e.connKey)), new Set(['gsk:C01/TCP341/00020032/handle:7E828198']));
  assert.match(evs[1].text, /Calling read routine for 5 bytes/);
  // The page cuts the address off after "Socket closed by": no peer, no crash.
  assert.equal(evs[2].peer, undefined);
  assert.equal(evs[2].time?.iso, undefined, 'no banner date in this excerpt');
});

test('FIPS/ChaCha20 fixture: the CSFPSKE 8/BFE record is an error that keeps the code text', () => {
  const evs = fixture('gsk-fips-chacha20-csfpske-8-bfe.txt');
  assert.deepEqual(
    evs.map((e) => e.kind),
    ['state', 'info', 'error', 'error', 'error'],
  );
  const icsf = evs[2];
  assert.equal(icsf.line, 19);
  assert.match(icsf.text, /crypto_chacha_encrypt_ctx/);
  assert.match(icsf.text, /ICSF service failure: CSFPSKE retCode = 0x8, rsnCode = 0xbfe/);
  assert.deepEqual(
    icsf.codes?.map((c) => [c.id, c.text, c.line]),
    [
      ['icsf-svc-CSFPSKE', 'CSFPSKE', 22],
      ['icsf-8-BFE', 'retCode = 0x8, rsnCode = 0xbfe', 22],
    ],
  );
  // Code ranges are offsets in the physical line, so a hover or finding can point at them.
  const lines = readFileSync(path.join(FIXTURES, 'gsk-fips-chacha20-csfpske-8-bfe.txt'), 'utf8').split('\n');
  for (const c of icsf.codes ?? []) {
    assert.equal(lines[c.line].slice(c.start, c.end), c.text);
  }
  assert.deepEqual(
    evs[3].codes?.map((c) => c.id),
    ['gsk-cms-0335308F'],
  );
  // Records of thread 5 after the handle was named belong to that handle; thread 7 has none.
  assert.equal(new Set(evs.slice(0, 4).map((e) => e.connKey)).size, 1);
  assert.match(evs[0].connKey ?? '', /handle:21C0A318$/);
  assert.match(evs[4].connKey ?? '', /thread:00000007$/);
  assert.equal(evs[4].peer, '10.1.1.9:50123');
  assert.equal(evs[2].time?.iso, '2025-03-14T10:15:02.101122');
});

test('key-ring fixture: environment-init error carries CMS 03353009 before any connection handle', () => {
  const evs = fixture('gsk-keyring-open-failure.txt');
  assert.deepEqual(
    evs.map((e) => [e.line, e.kind]),
    [
      [1, 'state'],
      [3, 'error'],
    ],
  );
  assert.match(evs[1].text, /^SSL_ERROR gsk_environment_init: .*Error 0x03353009$/);
  assert.deepEqual(
    evs[1].codes?.map((c) => c.id),
    ['gsk-cms-03353009'],
  );
  assert.match(evs[1].connKey ?? '', /thread:00000002$/);
});

test('TLS 1.3 + FIPS stall fixture: the FIPS error record, no alert event', () => {
  const evs = fixture('gsk-tls13-fips-stall.txt');
  assert.deepEqual(
    evs.map((e) => e.kind),
    ['state', 'error'],
  );
  assert.match(evs[1].text, /FIPS not supported/);
  assert.ok(evs.every((e) => e.alert === undefined));
  assert.equal(evs[0].connKey, evs[1].connKey);
});

test('records without callouts keep leading numbers in detail text; redacted lower-case system names', () => {
  const text = [
    'xxxx      MESSAGE   00000004  18:32:08.470434  SSL_ERROR',
    'Job TCPIP     Process 0001030A  Thread 00000003  some_function',
    '5 bytes were expected',
  ].join('\n');
  const [e] = parseText('gsk-ctrace', text);
  assert.equal(e.system, 'xxxx');
  assert.match(e.text, /: 5 bytes were expected$/);
});

test('bad input: no header, garbage, huge lines, a record cut at EOF never throw', () => {
  assert.deepEqual(parseText('gsk-ctrace', ''), []);
  assert.deepEqual(parseText('gsk-ctrace', 'Job X Process 00000001 Thread 00000001 f\nrandom text\n'), []);
  const big = 'C01 MESSAGE 00000004 20:43:45.522449 SSL_ERROR\n' + 'A'.repeat(5_000_000);
  const evs = parseText('gsk-ctrace', big);
  assert.equal(evs.length, 1);
  assert.ok(evs[0].text.length <= 2_000);
});
