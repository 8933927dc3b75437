// Bytes of a trace to lines of text, in chunks (trace-formats.md §1.1): packet captures are told by
// their magic number and never decoded as text; a BOM names UTF-8 or UTF-16; EBCDIC is recognised
// on the first 4 KB with the heuristic and the IBM-1047 table of text/decode.ts; otherwise UTF-8,
// or ISO-8859-1 when the first 4 KB are not valid UTF-8. A 1 GB file is never held in memory: the
// first 4 KB wait for the decision, then every chunk goes straight to the line splitter.
//
// Not done (the reference marks them [unverified]): fixed-length records without line ends, RDWs
// and ASA carriage control of print data sets.
import { decodeIbm1047, looksLikeEbcdic } from '../text/decode';
import { createByteLineSplitter, createTextLineSplitter } from './lines';
import type { TraceEncoding, TraceLine } from './types';

/** Bytes looked at before the encoding is chosen. */
export const SNIFF_BYTES = 4096;

export interface Sniffed {
  encoding: TraceEncoding;
  /** Bytes of BOM to skip. */
  bom: number;
  /** For 'binary': which capture format the magic number names. */
  capture?: 'pcap' | 'pcapng';
}

const PCAP_MAGIC = [
  [0xd4, 0xc3, 0xb2, 0xa1],
  [0xa1, 0xb2, 0xc3, 0xd4],
  [0x4d, 0x3c, 0xb2, 0xa1],
  [0xa1, 0xb2, 0x3c, 0x4d],
];

function startsWith(b: Uint8Array, magic: readonly number[]): boolean {
  return b.length >= magic.length && magic.every((m, i) => b[i] === m);
}

function validUtf8(bytes: Uint8Array): boolean {
  // A multi-byte character cut at the end of the sniffed window is not an error.
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** Chooses the encoding from the first bytes of a file (SNIFF_BYTES are enough; fewer at end of file). */
export function sniffEncoding(head: Uint8Array): Sniffed {
  if (PCAP_MAGIC.some((m) => startsWith(head, m))) {
    return { encoding: 'binary', bom: 0, capture: 'pcap' };
  }
  if (startsWith(head, [0x0a, 0x0d, 0x0d, 0x0a])) {
    return { encoding: 'binary', bom: 0, capture: 'pcapng' };
  }
  if (startsWith(head, [0xef, 0xbb, 0xbf])) {
    return { encoding: 'utf-8', bom: 3 };
  }
  if (startsWith(head, [0xff, 0xfe])) {
    return { encoding: 'utf-16le', bom: 2 };
  }
  if (startsWith(head, [0xfe, 0xff])) {
    return { encoding: 'utf-16be', bom: 2 };
  }
  const window = head.subarray(0, SNIFF_BYTES);
  if (looksLikeEbcdic(window)) {
    return { encoding: 'ibm-1047', bom: 0 };
  }
  return { encoding: validUtf8(window) ? 'utf-8' : 'iso-8859-1', bom: 0 };
}

const LATIN1 = new TextDecoder('latin1');
const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });

/** Node's Buffer when the service runs on Node (feature-detected: the service imports nothing of Node). */
const NODE_BUFFER = (
  globalThis as {
    Buffer?: { from(b: ArrayBufferLike, offset: number, length: number): { toString(e: 'latin1'): string } };
  }
).Buffer;

/** True when no byte has its high bit set (8 bytes a step where the view is aligned). */
export function isAscii(b: Uint8Array): boolean {
  let i = 0;
  const n = b.length;
  const head = Math.min(n, (8 - (b.byteOffset & 7)) & 7);
  for (; i < head; i++) {
    if (b[i] & 0x80) {
      return false;
    }
  }
  const words = (n - i) >> 3;
  if (words > 0) {
    const w = new Uint32Array(b.buffer, b.byteOffset + i, words * 2);
    let acc = 0;
    for (let k = 0; k < w.length; k++) {
      acc |= w[k];
    }
    if (acc & 0x80808080) {
      return false;
    }
    i += words * 8;
  }
  for (; i < n; i++) {
    if (b[i] & 0x80) {
      return false;
    }
  }
  return true;
}

/**
 * Text of bytes known to be ASCII, where UTF-8, ISO-8859-1 and the text agree byte for byte.
 * TextDecoder takes about 15 ms per MB on the bench machine, Node's latin1 copy a few; traces are
 * nearly always ASCII, so this path is the one a 1 GB trace takes.
 */
function asciiText(b: Uint8Array): string {
  return NODE_BUFFER
    ? NODE_BUFFER.from(b.buffer, b.byteOffset, b.length).toString('latin1')
    : LATIN1.decode(b);
}

const utf8Strict = (b: Uint8Array): string => (isAscii(b) ? asciiText(b) : UTF8_FATAL.decode(b));
const latin1 = (b: Uint8Array): string => (isAscii(b) ? asciiText(b) : LATIN1.decode(b));

export interface LineReader {
  push(chunk: Uint8Array): void;
  end(): void;
  readonly lineCount: number;
  /** Regions that were not valid in the chosen encoding and were read as ISO-8859-1. */
  readonly fallbackRegions: number;
}

/**
 * Lines of bytes in a known encoding, from `startOffset`/`startLine` on (a checkpoint of the index
 * when paging). 'binary' has no lines.
 */
export function createLineReader(
  encoding: TraceEncoding,
  onLine: (line: TraceLine) => void,
  startOffset = 0,
  startLine = 0,
): LineReader {
  if (encoding === 'binary') {
    return { push() {}, end() {}, lineCount: 0, fallbackRegions: 0 };
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const td = new TextDecoder(encoding);
    const s = createTextLineSplitter({ bytesPerUnit: 2, onLine, startOffset, startLine });
    return {
      push: (c) => s.push(td.decode(c, { stream: true })),
      end: () => {
        s.push(td.decode());
        s.end();
      },
      get lineCount() {
        return s.lineCount;
      },
      fallbackRegions: 0,
    };
  }
  const decoders: Record<
    'utf-8' | 'iso-8859-1' | 'ibm-1047',
    [(b: Uint8Array) => string, (b: Uint8Array) => string]
  > = {
    'utf-8': [utf8Strict, (b) => new TextDecoder('utf-8').decode(b, { stream: true })],
    'iso-8859-1': [latin1, latin1],
    'ibm-1047': [decodeIbm1047, decodeIbm1047],
  };
  const [decode, decodeLoose] = decoders[encoding];
  return createByteLineSplitter({
    lineFeeds: encoding === 'ibm-1047' ? [0x15, 0x25] : [0x0a],
    decode,
    decodeLoose,
    onLine,
    startOffset,
    startLine,
  });
}

export interface TraceDecoder extends LineReader {
  /** Known once SNIFF_BYTES arrived (or at end); undefined before. */
  readonly sniffed: Sniffed | undefined;
}

/** Sniffs the encoding on the first bytes, then streams every chunk to lines. */
export function createTraceDecoder(
  onLine: (line: TraceLine) => void,
  /** Told once, with the head the encoding was sniffed on (a capture's bytes, for its parser). */
  onSniffed?: (s: Sniffed, head: Uint8Array) => void,
): TraceDecoder {
  let head: Uint8Array[] = [];
  let headLen = 0;
  let sniffed: Sniffed | undefined;
  let reader: LineReader | undefined;

  const decide = (): void => {
    const all = new Uint8Array(headLen);
    let p = 0;
    for (const h of head) {
      all.set(h, p);
      p += h.length;
    }
    head = [];
    sniffed = sniffEncoding(all);
    onSniffed?.(sniffed, all);
    reader = createLineReader(sniffed.encoding, onLine, sniffed.bom, 0);
    if (all.length > sniffed.bom) {
      reader.push(all.subarray(sniffed.bom));
    }
  };

  return {
    get sniffed() {
      return sniffed;
    },
    get lineCount() {
      return reader?.lineCount ?? 0;
    },
    get fallbackRegions() {
      return reader?.fallbackRegions ?? 0;
    },
    push(chunk: Uint8Array): void {
      if (reader) {
        reader.push(chunk);
        return;
      }
      head.push(chunk.slice());
      headLen += chunk.length;
      if (headLen >= SNIFF_BYTES) {
        decide();
      }
    },
    end(): void {
      if (!reader) {
        decide();
      }
      reader!.end();
    },
  };
}
