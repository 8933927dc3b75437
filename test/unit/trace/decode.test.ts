// trace/decode.ts: encoding sniffed from the first bytes (pcap/pcapng magic, BOMs, EBCDIC, UTF-8,
// ISO-8859-1), then streamed to lines chunk by chunk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SNIFF_BYTES, createTraceDecoder, sniffEncoding } from '../../../server/src/service/trace/decode';
import type { TraceLine } from '../../../server/src/service/trace/types';

const enc = new TextEncoder();

function decodeAll(
  bytes: Uint8Array,
  chunk: number,
): { encoding?: string; lines: TraceLine[]; fallback: number } {
  const lines: TraceLine[] = [];
  const d = createTraceDecoder((l) => lines.push(l));
  for (let i = 0; i < bytes.length; i += chunk) {
    d.push(bytes.subarray(i, i + chunk));
  }
  d.end();
  return { encoding: d.sniffed?.encoding, lines, fallback: d.fallbackRegions };
}

/** IBM-1047 bytes of ASCII text (letters, digits, space, '.', ':', '(', ')'); NL 0x15 ends lines. */
function ebcdic(text: string): Uint8Array {
  const map: Record<string, number> = {
    ' ': 0x40,
    '.': 0x4b,
    ':': 0x7a,
    '(': 0x4d,
    ')': 0x5d,
    '\n': 0x15,
    '[': 0xad,
    ']': 0xbd,
  };
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.charCodeAt(0);
    if (map[ch] !== undefined) out.push(map[ch]);
    else if (ch >= '0' && ch <= '9') out.push(0xf0 + c - 48);
    else if (ch >= 'A' && ch <= 'I') out.push(0xc1 + c - 65);
    else if (ch >= 'J' && ch <= 'R') out.push(0xd1 + c - 74);
    else if (ch >= 'S' && ch <= 'Z') out.push(0xe2 + c - 83);
    else if (ch >= 'a' && ch <= 'i') out.push(0x81 + c - 97);
    else if (ch >= 'j' && ch <= 'r') out.push(0x91 + c - 106);
    else if (ch >= 's' && ch <= 'z') out.push(0xa2 + c - 115);
    else throw new Error(`no EBCDIC for ${ch}`);
  }
  return Uint8Array.from(out);
}

test('sniff: capture magic numbers are binary, before any text check', () => {
  for (const m of [
    [0xd4, 0xc3, 0xb2, 0xa1],
    [0xa1, 0xb2, 0xc3, 0xd4],
    [0x4d, 0x3c, 0xb2, 0xa1],
    [0xa1, 0xb2, 0x3c, 0x4d],
  ]) {
    assert.deepEqual(sniffEncoding(Uint8Array.from([...m, 2, 0, 4, 0])), {
      encoding: 'binary',
      bom: 0,
      capture: 'pcap',
    });
  }
  assert.equal(sniffEncoding(Uint8Array.from([0x0a, 0x0d, 0x0d, 0x0a, 0x1c, 0, 0, 0])).capture, 'pcapng');
});

test('sniff: BOMs, UTF-8, ISO-8859-1', () => {
  assert.deepEqual(sniffEncoding(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41])), { encoding: 'utf-8', bom: 3 });
  assert.deepEqual(sniffEncoding(Uint8Array.from([0xff, 0xfe, 0x41, 0])), { encoding: 'utf-16le', bom: 2 });
  assert.deepEqual(sniffEncoding(Uint8Array.from([0xfe, 0xff, 0, 0x41])), { encoding: 'utf-16be', bom: 2 });
  assert.equal(
    sniffEncoding(enc.encode('* TLSv1.3 (OUT), TLS handshake, Client hello (1): é')).encoding,
    'utf-8',
  );
  assert.equal(sniffEncoding(Uint8Array.from([0x41, 0xe9, 0x20, 0x42])).encoding, 'iso-8859-1');
  // A character cut at the end of the sniffed window is not invalid UTF-8.
  const cut = enc.encode(`${'a'.repeat(SNIFF_BYTES - 1)}€`);
  assert.equal(sniffEncoding(cut).encoding, 'utf-8');
});

test('EBCDIC IBM-1047: recognised and decoded, NL (0x15) ends lines, brackets are 1047 ones', () => {
  const text = 'COMP(GSKSRVR)\nC01 MESSAGE 00000004 20:43:45.522449 SSL ERROR\n[1047]\n';
  const r = decodeAll(ebcdic(text), 7);
  assert.equal(r.encoding, 'ibm-1047');
  assert.deepEqual(
    r.lines.map((l) => [l.text, l.offset]),
    [
      ['COMP(GSKSRVR)', 0],
      ['C01 MESSAGE 00000004 20:43:45.522449 SSL ERROR', 14],
      ['[1047]', 61],
    ],
  );
});

test('streaming: the same lines whatever the chunk size, past the sniffing window', () => {
  const body = Array.from({ length: 400 }, (_, i) => `line ${i} ${'é'.repeat(i % 5)}`).join('\r\n');
  const bytes = enc.encode(`\ufeff${body}`);
  const once = decodeAll(bytes, bytes.length);
  assert.equal(once.encoding, 'utf-8');
  assert.equal(once.lines.length, 400);
  assert.equal(once.lines[0].offset, 3, 'the BOM is skipped, offsets stay file offsets');
  for (const chunk of [1, 3, 1000, 4096, 4097]) {
    assert.deepEqual(decodeAll(bytes, chunk).lines, once.lines, `chunk ${chunk}`);
  }
  // Offsets point at the line's bytes.
  const l = once.lines[123];
  assert.equal(
    new TextDecoder().decode(bytes.subarray(l.offset, l.offset + enc.encode(l.text).length)),
    l.text,
  );
});

test('UTF-8 head with an invalid byte later: that stretch is read as ISO-8859-1 and counted', () => {
  const head = enc.encode(`${'ok line\n'.repeat(1000)}`);
  const bad = Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x0a]);
  const all = new Uint8Array(head.length + bad.length);
  all.set(head);
  all.set(bad, head.length);
  const r = decodeAll(all, 4096);
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.lines[1000].text, 'café');
  assert.equal(r.fallback, 1);
});

test('UTF-16LE with BOM: lines and byte offsets', () => {
  const s = 'ab\r\ncd\n';
  const bytes = new Uint8Array(2 + s.length * 2);
  bytes.set([0xff, 0xfe]);
  for (let i = 0; i < s.length; i++) bytes[2 + 2 * i] = s.charCodeAt(i);
  const r = decodeAll(bytes, 3);
  assert.equal(r.encoding, 'utf-16le');
  assert.deepEqual(
    r.lines.map((l) => [l.text, l.offset]),
    [
      ['ab', 2],
      ['cd', 10],
    ],
  );
});

test('empty input: no lines, no crash', () => {
  const r = decodeAll(new Uint8Array(0), 1);
  assert.equal(r.lines.length, 0);
  assert.equal(r.encoding, 'utf-8');
});
