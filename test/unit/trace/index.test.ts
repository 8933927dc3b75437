// trace/index.ts: the streaming indexer over a real sample (detection picks the registered parser),
// line offsets and paging, captures told by their magic, unknown text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { findingsByConnection, findingsOfConnection } from '../../../server/src/service/trace/findings';
import {
  createTraceIndexer,
  indexTraceBytes,
  indexTraceChunks,
  pageLines,
} from '../../../server/src/service/trace/index';

const ATTLS = '/work/shared/corpus/traces/attls-syslog/zowe-cli-GetLogsData-operlog-EZD1287I.txt';

test('a real AT-TLS sample: format, encoding, lines, events of its parser, a failed connection', () => {
  const bytes = readFileSync(ATTLS);
  const ix = indexTraceBytes(bytes);
  assert.equal(ix.format, 'attls-syslog');
  assert.equal(ix.encoding, 'utf-8');
  assert.equal(ix.parsed, true);
  assert.equal(
    ix.lineCount,
    bytes.toString('utf8').split(/\r\n|\n|\r/).length - (/[\r\n]$/.test(bytes.toString()) ? 1 : 0),
  );
  assert.ok(ix.events.length > 0);
  assert.ok(ix.connections.some((c) => c.outcome === 'failed'));
  assert.ok(ix.findings.some((f) => f.rule === 'trace/handshake-failed'));
});

test('byte-at-a-time pushes give the same index as one push', () => {
  const bytes = readFileSync(ATTLS);
  const ix = createTraceIndexer();
  for (let i = 0; i < bytes.length; i++) {
    ix.push(bytes.subarray(i, i + 1));
  }
  const a = ix.end();
  const b = indexTraceBytes(bytes);
  assert.deepEqual(a.events, b.events);
  assert.deepEqual(a.connections, b.connections);
  assert.equal(a.lineCount, b.lineCount);
});

async function* chunksOf(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) {
    yield bytes.subarray(i, i + size);
  }
}

test('indexTraceChunks gives the index indexTraceBytes gives; cancelled, it stops with nothing', async () => {
  const bytes = readFileSync(ATTLS);
  const a = await indexTraceChunks(chunksOf(bytes, 100));
  const b = indexTraceBytes(bytes);
  assert.deepEqual(a.events, b.events);
  assert.deepEqual(a.findings, b.findings);
  assert.equal(a.lineCount, b.lineCount);
  let pulled = 0;
  const counted = async function* (): AsyncGenerator<Uint8Array> {
    for await (const c of chunksOf(bytes, 100)) {
      pulled++;
      yield c;
    }
  };
  assert.equal(await indexTraceChunks(counted(), {}, () => pulled >= 2), undefined);
  assert.equal(pulled, 2);
});

test('findingsByConnection: each connection gets what findingsOfConnection over all findings gives', () => {
  const ix = indexTraceBytes(readFileSync(ATTLS));
  const by = findingsByConnection(ix);
  assert.equal(by.length, ix.connections.length);
  assert.ok(by.some((fs) => fs.length > 0));
  ix.connections.forEach((c, i) => {
    assert.deepEqual(by[i], findingsOfConnection(c, ix.events, ix.findings));
  });
  const some = ix.connections.slice(1, 3);
  assert.deepEqual(findingsByConnection(ix, some), by.slice(1, 3));
});

test('line offsets every N lines, and pages read from the nearest checkpoint', async () => {
  const text = Array.from({ length: 2500 }, (_, i) => `line ${i} ${'é'.repeat(i % 3)}`).join('\n');
  const bytes = new TextEncoder().encode(text);
  const ix = indexTraceBytes(bytes, { lineOffsetEvery: 100 });
  assert.equal(ix.lineCount, 2500);
  assert.equal(ix.lineOffsets.length, 25);
  assert.equal(ix.format, undefined);
  let reads = 0;
  const read = (offset: number, length: number) => {
    reads++;
    return bytes.subarray(offset, offset + length);
  };
  const page = await pageLines(ix, read, 1234, 5);
  assert.deepEqual(
    page.map((l) => [l.line, l.text]),
    [1234, 1235, 1236, 1237, 1238].map((i) => [i, `line ${i} ${'é'.repeat(i % 3)}`]),
  );
  assert.equal(reads, 1);
  const tail = await pageLines(ix, read, 2498, 10);
  assert.deepEqual(
    tail.map((l) => l.line),
    [2498, 2499],
  );
  assert.deepEqual(await pageLines(ix, read, 5000, 10), []);
});

test('a pcap file is binary: no lines, format pcap, nothing decoded as text', () => {
  const pcap = new Uint8Array(64);
  pcap.set([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0]);
  const ix = indexTraceBytes(pcap);
  assert.deepEqual([ix.encoding, ix.format, ix.capture, ix.lineCount], ['binary', 'pcap', 'pcap', 0]);
});

test('a given format overrides detection; garbage bytes never crash', () => {
  const ix = indexTraceBytes(new TextEncoder().encode('nothing to see\n'), { format: 'attls-syslog' });
  assert.equal(ix.format, 'attls-syslog');
  const noise = Uint8Array.from({ length: 100_000 }, (_, i) => (i * 7919) % 251);
  const r = indexTraceBytes(noise);
  assert.ok(r.lineCount > 0);
});

test('onFirstLines: the first page is readable before the end, and equals the finished index page', async () => {
  // 3,000 GSK-shaped lines in 4 KB chunks: the first 200 are split long before the last chunk.
  const rec = (i: number): string =>
    `SYSA      MESSAGE   00000008  10:00:${String(i % 60).padStart(2, '0')}.000001  SSL_INFO\n\n` +
    `  Job TCPIP     Process 0101002A  Thread 00000002  gsk_read_v3_record\n  Calling read routine for 5 bytes\n\n`;
  const bytes = Buffer.from(Array.from({ length: 600 }, (_, i) => rec(i)).join(''), 'latin1');
  const read = (o: number, n: number): Uint8Array => bytes.subarray(o, o + n);
  const calls: { lineCount: number; byteLength: number; pushed: number }[] = [];
  let early: Promise<string[]> | undefined;
  let pushed = 0;
  const ix = createTraceIndexer({
    lineOffsetEvery: 50,
    firstLines: 200,
    onFirstLines: (partial) => {
      calls.push({ lineCount: partial.lineCount, byteLength: partial.byteLength, pushed });
      early = pageLines(partial, read, 0, 200).then((ls) => ls.map((l) => `${l.line}:${l.offset}:${l.text}`));
    },
  });
  for (let i = 0; i < bytes.length; i += 4096) {
    pushed = i;
    ix.push(bytes.subarray(i, i + 4096));
  }
  const full = ix.end();
  assert.equal(calls.length, 1);
  assert.ok(calls[0].lineCount >= 200 && calls[0].lineCount < full.lineCount);
  assert.ok(calls[0].pushed < bytes.length / 2, 'offered while most of the file was still to come');
  const late = (await pageLines(full, read, 0, 200)).map((l) => `${l.line}:${l.offset}:${l.text}`);
  assert.deepEqual(await early, late);
  assert.equal(late.length, 200);
  // A file shorter than the page is offered at its end, with all its lines.
  let short: number | undefined;
  createTraceIndexer({ onFirstLines: (p) => (short = p.lineCount) }).end();
  assert.equal(short, 0);
});
