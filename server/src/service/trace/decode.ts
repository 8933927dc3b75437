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
    'utf-8': [(b) => UTF8_FATAL.decode(b), (b) => new TextDecoder('utf-8').decode(b, { stream: true })],
    'iso-8859-1': [(b) => LATIN1.decode(b), (b) => LATIN1.decode(b)],
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
  onSniffed?: (s: Sniffed) => void,
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
    onSniffed?.(sniffed);
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
