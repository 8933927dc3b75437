// Physical lines of a trace, split as the trace-formats reference asks (§1.2: CR LF, LF and a lone
// CR, which the OPERLOG sample uses inside one message), each with its 0-based number and the byte
// offset of its first byte, so findings point at the file and the viewer can page a 1 GB trace.
//
// Input arrives in chunks; an unfinished line and a CR that may be the first half of CR LF are
// carried over to the next chunk. Work is per region, not per line: the bytes between the first
// and the last line end of a chunk are decoded in one call and split as text (native indexOf), and
// byte offsets are read off the byte positions of the same line ends.
//
// A line of any length is accepted, but only its first MAX_LINE_CHARS characters are kept for the
// parsers (a binary blob or a JSON dump on one line would otherwise hold megabytes per line); the
// byte offsets and line numbers stay exact.
import type { TraceLine } from './types';

/** Characters of one line kept for matching; the rest of a longer line is counted, not kept. */
export const MAX_LINE_CHARS = 65_536;
/** Bytes of an unfinished line kept while its end has not arrived (4 per character covers UTF-8). */
export const MAX_PENDING_BYTES = 4 * MAX_LINE_CHARS;

const CR = 0x0d;

/**
 * Bytes decoded in one piece. A chunk of a big read (the CLI reads 1 MB) is split in pieces first:
 * V8 puts a string over 128 KB in its large-object space, which only a full collection frees, and
 * the lines cut from it keep it alive; 64 KB pieces are young strings that die cheaply. Measured on
 * the 100 MB generated GSK trace in one process: 1 MB pieces 1.4-1.6 s, 64 KB 1.1 s. A region
 * that is not valid in the declared encoding is also smaller: one bad byte sends at most its
 * piece, not a whole read, to ISO-8859-1.
 */
const DECODE_PIECE = 65_536;

/** Calls `onLine(start, end)` for each line of `text` that ends inside it; returns where the unfinished tail starts. */
export function splitTextLines(
  text: string,
  from: number,
  onLine: (start: number, end: number, next: number) => void,
): number {
  let start = from;
  let cr = text.indexOf('\r', start);
  let lf = text.indexOf('\n', start);
  for (;;) {
    if (cr !== -1 && cr < start) {
      cr = text.indexOf('\r', start);
    }
    if (lf !== -1 && lf < start) {
      lf = text.indexOf('\n', start);
    }
    const end = cr !== -1 && (lf === -1 || cr < lf) ? cr : lf;
    if (end === -1) {
      return start;
    }
    const next = end === cr && lf === cr + 1 ? end + 2 : end + 1;
    onLine(start, end, next);
    start = next;
  }
}

export interface LineSplitter {
  push(chunk: Uint8Array): void;
  /** End of input: the unfinished last line (if any) becomes a line. */
  end(): void;
  /** Lines emitted so far. */
  readonly lineCount: number;
  /** Regions that were not valid in the declared encoding and were read as ISO-8859-1 instead. */
  readonly fallbackRegions: number;
}

export interface ByteSplitterOptions {
  /** Line-feed bytes: 0x0A for ASCII-based encodings; 0x15 (NL) and 0x25 (LF) for EBCDIC. CR is 0x0D in both. */
  lineFeeds: readonly number[];
  /**
   * Decodes complete lines. Must map each line-end byte to one '\n' or '\r' and, when it returns
   * exactly one character per byte, may be trusted for offsets without a byte scan. Throws when the
   * bytes are invalid (the region is then read as ISO-8859-1).
   */
  decode(bytes: Uint8Array): string;
  /** Decodes a kept prefix of a long line, which may end inside a character (never throws). */
  decodeLoose(bytes: Uint8Array): string;
  onLine(line: TraceLine): void;
  /** File offset of the first byte pushed and the number of the first line (for paging from a checkpoint). */
  startOffset?: number;
  startLine?: number;
}

const LATIN1 = new TextDecoder('latin1');

function capped(text: string): string {
  return text.length > MAX_LINE_CHARS ? text.slice(0, MAX_LINE_CHARS) : text;
}

/** A splitter for byte-oriented encodings (UTF-8, ISO-8859-1, IBM-1047). */
export function createByteLineSplitter(o: ByteSplitterOptions): LineSplitter {
  const feeds = o.lineFeeds;
  const isFeed = (b: number): boolean => feeds.includes(b);
  let lineNo = o.startLine ?? 0;
  let offset = o.startOffset ?? 0; // file offset of the next byte pushed
  let skipFeed = false; // the previous chunk ended with CR: a leading LF belongs to it
  let fallbacks = 0;
  // The unfinished line: where it starts, the bytes kept of it, and whether some were dropped.
  let pendStart = -1;
  let pend: Uint8Array[] = [];
  let pendLen = 0;

  const emit = (text: string, at: number): void => {
    o.onLine({ text: capped(text), line: lineNo++, offset: at });
  };

  const keep = (bytes: Uint8Array, at: number): void => {
    if (pendStart < 0) {
      pendStart = at;
    }
    const room = MAX_PENDING_BYTES - pendLen;
    if (room > 0 && bytes.length > 0) {
      const part = bytes.length > room ? bytes.slice(0, room) : bytes.slice();
      pend.push(part);
      pendLen += part.length;
    }
  };

  const pendingText = (tail: Uint8Array): string => {
    const all = new Uint8Array(Math.min(pendLen + tail.length, MAX_PENDING_BYTES));
    let p = 0;
    for (const b of pend) {
      all.set(b, p);
      p += b.length;
    }
    all.set(tail.subarray(0, all.length - p), p);
    try {
      return o.decode(all);
    } catch {
      return o.decodeLoose(all);
    }
  };

  const lastEnd = (chunk: Uint8Array, from: number): number => {
    let best = chunk.lastIndexOf(CR);
    for (const f of feeds) {
      best = Math.max(best, chunk.lastIndexOf(f));
    }
    return best >= from ? best : -1;
  };

  const firstEnd = (chunk: Uint8Array, from: number): number => {
    let best = chunk.indexOf(CR, from);
    for (const f of feeds) {
      const i = chunk.indexOf(f, from);
      if (i !== -1 && (best === -1 || i < best)) {
        best = i;
      }
    }
    return best;
  };

  /** Position after the line end at `e` (CR LF is one line end); -1 when a CR ends the chunk. */
  const afterEnd = (chunk: Uint8Array, e: number): number => {
    if (chunk[e] === CR) {
      if (e + 1 >= chunk.length) {
        return -1;
      }
      return isFeed(chunk[e + 1]) ? e + 2 : e + 1;
    }
    return e + 1;
  };

  const decodeRegion = (region: Uint8Array): string => {
    try {
      return o.decode(region);
    } catch {
      fallbacks++;
      return LATIN1.decode(region);
    }
  };

  return {
    get lineCount() {
      return lineNo;
    },
    get fallbackRegions() {
      return fallbacks;
    },
    push(chunk: Uint8Array): void {
      for (let p = 0; p < chunk.length; p += DECODE_PIECE) {
        pushPiece(chunk.subarray(p, p + DECODE_PIECE));
      }
    },
    end(): void {
      if (pendStart >= 0) {
        emit(pendingText(new Uint8Array(0)), pendStart);
        pendStart = -1;
        pend = [];
        pendLen = 0;
      }
    },
  };

  function pushPiece(chunk: Uint8Array): void {
    const base = offset;
    offset += chunk.length;
    let i = 0;
    if (skipFeed && chunk.length > 0) {
      skipFeed = false;
      if (isFeed(chunk[0])) {
        i = 1;
      }
    }
    const last = lastEnd(chunk, i);
    if (last === -1) {
      keep(chunk.subarray(i), base + i);
      return;
    }
    if (pendStart >= 0) {
      const e = firstEnd(chunk, i);
      emit(pendingText(chunk.subarray(i, e)), pendStart);
      pendStart = -1;
      pend = [];
      pendLen = 0;
      const n = afterEnd(chunk, e);
      if (n === -1) {
        skipFeed = true;
        return;
      }
      i = n;
      if (i > last) {
        keep(chunk.subarray(i), base + i);
        return;
      }
    }
    // [i, regionEnd) holds whole lines only.
    let regionEnd = afterEnd(chunk, last);
    if (regionEnd === -1) {
      regionEnd = chunk.length;
      skipFeed = true;
    }
    const region = chunk.subarray(i, regionEnd);
    const text = decodeRegion(region);
    const regionBase = base + i;
    if (text.length === region.length) {
      splitTextLines(text, 0, (s, e) => emit(text.slice(s, Math.min(e, s + MAX_LINE_CHARS)), regionBase + s));
    } else {
      // Multi-byte characters: walk the byte line ends alongside the text ones (same count, same order).
      let b = 0;
      splitTextLines(text, 0, (s, e) => {
        emit(text.slice(s, Math.min(e, s + MAX_LINE_CHARS)), regionBase + b);
        const be = firstEnd(region, b);
        const nb = be === -1 ? region.length : afterEnd(region, be);
        b = nb === -1 ? region.length : nb;
      });
    }
    if (regionEnd < chunk.length) {
      keep(chunk.subarray(regionEnd), base + regionEnd);
    }
  }
}

/**
 * A splitter for text that arrives already decoded (UTF-16): `bytesPerUnit` turns character
 * positions into byte offsets, exact for UTF-16 where every code unit is two bytes.
 */
export function createTextLineSplitter(o: {
  bytesPerUnit: number;
  onLine(line: TraceLine): void;
  startOffset?: number;
  startLine?: number;
}): { push(text: string): void; end(): void; readonly lineCount: number } {
  let lineNo = o.startLine ?? 0;
  const base = o.startOffset ?? 0;
  // The unfinished line: its first unit's position, the kept prefix, and the units dropped after it.
  let pendAt = 0;
  let pending = '';
  let dropped = 0;
  let skipLF = false;
  const emit = (text: string, unitAt: number): void => {
    o.onLine({ text: capped(text), line: lineNo++, offset: base + unitAt * o.bytesPerUnit });
  };
  return {
    get lineCount() {
      return lineNo;
    },
    push(chunk: string): void {
      let text = chunk;
      if (skipLF && text.length > 0) {
        skipLF = false;
        if (text[0] === '\n') {
          text = text.slice(1);
          pendAt++;
        }
      }
      const all = pending + text;
      // Positions after the kept prefix sit `dropped` units further on in the file.
      const at = (s: number): number => pendAt + (s === 0 ? 0 : s + dropped);
      const tail = splitTextLines(all, 0, (s, e, next) => {
        emit(all.slice(s, Math.min(e, s + MAX_LINE_CHARS)), at(s));
        if (next === all.length && all[e] === '\r') {
          skipLF = true;
        }
      });
      if (tail === 0) {
        const kept = Math.min(all.length, MAX_LINE_CHARS);
        dropped += all.length - kept;
        pending = all.slice(0, kept);
      } else {
        pendAt = at(tail);
        dropped = 0;
        pending = all.slice(tail);
      }
    },
    end(): void {
      if (pending.length > 0 || dropped > 0) {
        emit(pending, pendAt);
        pending = '';
        dropped = 0;
      }
    },
  };
}
