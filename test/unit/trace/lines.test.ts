// trace/lines.ts: CR LF, LF and lone CR line ends, byte offsets, chunk boundaries, capped long lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  MAX_LINE_CHARS,
  createByteLineSplitter,
  createTextLineSplitter,
  splitTextLines,
} from '../../../server/src/service/trace/lines';
import type { TraceLine } from '../../../server/src/service/trace/types';

const utf8 = new TextDecoder('utf-8', { fatal: true });
const loose = new TextDecoder('utf-8');

function split(bytes: Uint8Array, chunk: number): TraceLine[] {
  const out: TraceLine[] = [];
  const s = createByteLineSplitter({
    lineFeeds: [0x0a],
    decode: (b) => utf8.decode(b),
    decodeLoose: (b) => loose.decode(b),
    onLine: (l) => out.push(l),
  });
  for (let i = 0; i < bytes.length; i += chunk) {
    s.push(bytes.subarray(i, i + chunk));
  }
  s.end();
  return out;
}

test('splitTextLines: CR LF, LF and a lone CR each end one line', () => {
  const parts: string[] = [];
  const tail = splitTextLines('a\r\nb\rc\n\nd', 0, (s, e) => parts.push('a\r\nb\rc\n\nd'.slice(s, e)));
  assert.deepEqual(parts, ['a', 'b', 'c', '']);
  assert.equal(tail, 8);
});

test('byte splitter: same lines and byte offsets for every chunk size, CR LF split across chunks', () => {
  const text = 'first\r\nsecond é line\rthird\n\n€ fifth\r\nlast';
  const bytes = new TextEncoder().encode(text);
  const expected = [
    { text: 'first', line: 0, offset: 0 },
    { text: 'second é line', line: 1, offset: 7 },
    { text: 'third', line: 2, offset: 22 },
    { text: '', line: 3, offset: 28 },
    { text: '€ fifth', line: 4, offset: 29 },
    { text: 'last', line: 5, offset: 40 },
  ];
  for (const chunk of [1, 2, 3, 5, 7, 13, 1000]) {
    assert.deepEqual(split(bytes, chunk), expected, `chunk ${chunk}`);
  }
});

test('byte splitter: a line longer than the cap keeps its first MAX_LINE_CHARS characters; later offsets stay exact', () => {
  const long = 'x'.repeat(MAX_LINE_CHARS * 5);
  const bytes = new TextEncoder().encode(`a\n${long}\nb\n`);
  for (const chunk of [4096, 65536, 1 << 20]) {
    const lines = split(bytes, chunk);
    assert.equal(lines.length, 3);
    assert.equal(lines[1].text.length, MAX_LINE_CHARS);
    assert.equal(lines[1].offset, 2);
    assert.deepEqual(lines[2], { text: 'b', line: 2, offset: 2 + long.length + 1 });
  }
});

test('byte splitter: a trailing CR is a line end and the file ends without an empty line', () => {
  assert.deepEqual(
    split(new TextEncoder().encode('a\rb\r'), 1).map((l) => l.text),
    ['a', 'b'],
  );
});

test('text splitter (UTF-16): offsets are two bytes per code unit after the BOM, CR LF across chunks', () => {
  const out: TraceLine[] = [];
  const s = createTextLineSplitter({ bytesPerUnit: 2, startOffset: 2, onLine: (l) => out.push(l) });
  for (const c of ['ab\r', '\ncd\r', 'e', 'f\n', 'g']) {
    s.push(c);
  }
  s.end();
  assert.deepEqual(out, [
    { text: 'ab', line: 0, offset: 2 },
    { text: 'cd', line: 1, offset: 10 },
    { text: 'ef', line: 2, offset: 16 },
    { text: 'g', line: 3, offset: 22 },
  ]);
});
