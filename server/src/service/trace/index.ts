// The streaming trace indexer (issue 6): bytes in, chunk by chunk; out come the format, the
// encoding, the line count, a byte offset every `lineOffsetEvery` lines (for paging), the events,
// the connections and the findings. Nothing of the file is kept but those: the first lines wait
// in memory only until detection decides (trace-formats.md §2.1 reads 400 lines or 64 KB), then
// every line goes to the format's parser and is dropped.
//
// Events keep a short text (EVENT_TEXT_CHARS) and their count is capped (MAX_EVENTS; chatter
// kinds — info, record, state, cert — give way first), so a 1 GB trace indexes in bounded memory:
// about 1.5 KB per event was measured with the GSK parser (codes and times included).
import type { Finding, RuleSetting } from '../types';
import { createLineReader, createTraceDecoder } from './decode';
import type { Sniffed } from './decode';
import { createDetector } from './detect';
import type { Detection } from './detect';
import { traceFindings } from './findings';
import { FORMAT_PARSERS } from './formats';
import { buildConnections } from './handshake';
import type { BuiltConnection } from './handshake';
import type { SettingLookup } from './rules/settings';
import type { LineParser, TraceEncoding, TraceEvent, TraceFormat, TraceLine, TraceOffer } from './types';

export const EVENT_TEXT_CHARS = 200;
export const MAX_EVENTS = 100_000;
/** Of MAX_EVENTS, how many may be chatter (kinds that never change a connection's outcome). */
export const MAX_CHATTER_EVENTS = 40_000;
export const DEFAULT_LINE_OFFSET_EVERY = 1_000;

const CHATTER = new Set<TraceEvent['kind']>(['info', 'record', 'state', 'cert']);

/**
 * A parser that reads the bytes of a packet capture itself (pcap, pcapng). A FormatParser for
 * 'pcap' may offer `createBytes` beside `create`; without it a capture gets no events.
 */
export interface ByteParser {
  push(chunk: Uint8Array, emit: (e: TraceEvent) => void): void;
  end(emit: (e: TraceEvent) => void): void;
}

/**
 * The indexer's emit, which also says beforehand whether an event of a kind would be kept: past
 * the caps most records of a big trace are chatter that would be built only to be dropped, so a
 * parser may ask, skip building the event and call `skipped` (it still counts as dropped).
 */
export interface IndexEmit {
  (e: TraceEvent): void;
  keeps(kind: TraceEvent['kind']): boolean;
  skipped(): void;
}

export interface TraceIndexOptions {
  /** Parse as this format instead of detecting one (the user's choice after "mixed"). */
  format?: TraceFormat;
  lineOffsetEvery?: number;
  rules?: Record<string, RuleSetting>;
  /** Where the workspace sets a setting (rules/settings.ts): findings link to those lines. */
  findSetting?: SettingLookup;
  /**
   * Called once, as soon as `firstLines` lines (default 200) are split (or at the end of a shorter
   * file), with what pageLines needs to read them back: the viewer shows the first page while the
   * rest of a big trace is still being indexed.
   */
  onFirstLines?: (partial: PageableIndex) => void;
  firstLines?: number;
}

/** What pageLines reads: a finished index, or the lines indexed so far (onFirstLines). */
export type PageableIndex = Pick<
  TraceIndex,
  'encoding' | 'lineOffsets' | 'lineOffsetEvery' | 'lineCount' | 'byteLength'
>;

export interface TraceIndex {
  /** The format parsed as; undefined when none could be told (and none was given). */
  format: TraceFormat | undefined;
  detection: Detection;
  /** True when a parser for the format was registered. */
  parsed: boolean;
  encoding: TraceEncoding;
  capture?: 'pcap' | 'pcapng';
  byteLength: number;
  lineCount: number;
  lineOffsetEvery: number;
  /** lineOffsets[k] = byte offset of line k × lineOffsetEvery. */
  lineOffsets: number[];
  events: TraceEvent[];
  /** Events not kept because of the caps. */
  eventsDropped: number;
  /** Stretches of the file that were invalid in `encoding` and read as ISO-8859-1. */
  fallbackRegions: number;
  connections: BuiltConnection[];
  findings: Finding[];
}

export interface TraceIndexer {
  push(chunk: Uint8Array): void;
  end(): TraceIndex;
}

/**
 * A copy of `s` that does not keep the text it was cut from alive: V8 represents a slice (and a
 * regex capture) of 13 characters or more as a view of its parent, here a whole decoded chunk of
 * the file, and a concatenation as a pair of its parts. Prepending a character and slicing it off
 * flattens into a new string of just these characters.
 */
const own = (s: string): string => (s.length < 13 ? s : (' ' + s).slice(1));
const ownOpt = (s: string | undefined): string | undefined => (s === undefined ? s : own(s));

/** The event as kept: short text, and strings of its own (a kept event must not hold its chunk). */
function compact(e: TraceEvent): TraceEvent {
  const c: TraceEvent = {
    ...e,
    text: own(e.text.length > EVENT_TEXT_CHARS ? e.text.slice(0, EVENT_TEXT_CHARS) : e.text),
  };
  for (const k of ['system', 'job', 'pid', 'thread', 'connKey', 'tlsVersion', 'cipher', 'peer'] as const) {
    if (c[k] !== undefined) {
      c[k] = ownOpt(c[k]) as never;
    }
  }
  if (e.time) {
    c.time = { text: own(e.time.text), ...(e.time.iso !== undefined ? { iso: own(e.time.iso) } : {}) };
  }
  if (e.codes) {
    c.codes = e.codes.map((x) => ({ ...x, id: own(x.id), text: own(x.text) }));
  }
  if (e.offer) {
    const o: TraceOffer = {};
    for (const k of ['versions', 'ciphers', 'groups', 'signatureSchemes'] as const) {
      const list = e.offer[k];
      if (list) {
        o[k] = list.map(own);
      }
    }
    c.offer = o;
  }
  if (e.alert?.description !== undefined) {
    c.alert = { ...e.alert, description: own(e.alert.description) };
  }
  return c;
}

export function createTraceIndexer(options: TraceIndexOptions = {}): TraceIndexer {
  const every = Math.max(1, options.lineOffsetEvery ?? DEFAULT_LINE_OFFSET_EVERY);
  const lineOffsets: number[] = [];
  const events: TraceEvent[] = [];
  let dropped = 0;
  let chatter = 0;
  let byteLength = 0;
  let sniffed: Sniffed | undefined;
  let bytes: ByteParser | undefined;
  let parser: LineParser | undefined;
  let parsed = false;
  let format: TraceFormat | undefined = options.format;
  const detector = createDetector();
  let detection: Detection | undefined;
  let waiting: TraceLine[] = [];

  const keeps = (kind: TraceEvent['kind']): boolean =>
    events.length < MAX_EVENTS && !(CHATTER.has(kind) && chatter >= MAX_CHATTER_EVENTS);
  const emit: IndexEmit = Object.assign(
    (e: TraceEvent): void => {
      if (!keeps(e.kind)) {
        dropped++;
        return;
      }
      if (CHATTER.has(e.kind)) {
        chatter++;
      }
      events.push(compact(e));
    },
    {
      keeps,
      skipped: (): void => {
        dropped++;
      },
    },
  );

  const choose = (): void => {
    detection = detector.result();
    // "Mixed": parse as the leader so the user sees something, and say so (detection.mixed).
    format ??= detection.format ?? (detection.mixed ? detection.scores[0]?.format : undefined);
    const fp = format ? FORMAT_PARSERS[format] : undefined;
    parser = fp?.create();
    parsed = parser !== undefined;
    for (const l of waiting) {
      parser?.push(l, emit);
    }
    waiting = [];
  };

  let firstLinesDue = options.onFirstLines !== undefined;
  const firstLines = Math.max(1, options.firstLines ?? 200);
  const offerFirstLines = (lineCount: number): void => {
    firstLinesDue = false;
    // A copy: the index's own arrays go on growing while the caller reads its page.
    options.onFirstLines?.({
      encoding: sniffed!.encoding,
      lineOffsets: lineOffsets.slice(),
      lineOffsetEvery: every,
      lineCount,
      // Every byte pushed so far, the chunk holding the last line counted included, is in the file.
      byteLength,
    });
  };

  const onLine = (l: TraceLine): void => {
    if (l.line % every === 0) {
      lineOffsets.push(l.offset);
    }
    if (firstLinesDue && l.line + 1 >= firstLines) {
      offerFirstLines(l.line + 1);
    }
    if (detection) {
      parser?.push(l, emit);
      return;
    }
    detector.push(l.text);
    waiting.push(l);
    if (detector.full) {
      choose();
    }
  };

  // Lines come from the decoder; a capture's bytes (binary: no lines) go to its byte parser.
  const decoder = createTraceDecoder(onLine, (s, head) => {
    sniffed = s;
    if (s.capture) {
      format ??= 'pcap';
      detection = {
        format: 'pcap',
        confidence: 'high',
        mixed: false,
        scores: [{ format: 'pcap', score: 10 }],
      };
      const fp = FORMAT_PARSERS[format] as (typeof FORMAT_PARSERS)[TraceFormat] & {
        createBytes?(): ByteParser;
      };
      bytes = fp?.createBytes?.();
      parsed = bytes !== undefined;
      bytes?.push(head, emit);
    }
  });

  return {
    push(chunk: Uint8Array): void {
      byteLength += chunk.length;
      if (bytes) {
        bytes.push(chunk, emit);
      } else {
        decoder.push(chunk);
      }
    },
    end(): TraceIndex {
      decoder.end();
      if (firstLinesDue) {
        offerFirstLines(decoder.lineCount);
      }
      bytes?.end(emit);
      if (!detection) {
        choose();
      }
      parser?.end(emit);
      events.sort((a, b) => a.line - b.line || a.endLine - b.endLine);
      const connections = buildConnections(events);
      const encoding = sniffed!.encoding;
      const lineCount = decoder.lineCount;
      const findings = traceFindings(
        { format, encoding, lineCount, events, connections, findSetting: options.findSetting },
        options.rules,
      );
      return {
        format,
        detection: detection!,
        parsed,
        encoding,
        ...(sniffed!.capture ? { capture: sniffed!.capture } : {}),
        byteLength,
        lineCount,
        lineOffsetEvery: every,
        lineOffsets,
        events,
        eventsDropped: dropped,
        fallbackRegions: decoder.fallbackRegions,
        connections,
        findings,
      };
    },
  };
}

/** Indexes bytes held in memory (tests, an editor buffer), in 64 KB chunks as a stream would come. */
export function indexTraceBytes(data: Uint8Array, options: TraceIndexOptions = {}): TraceIndex {
  const ix = createTraceIndexer(options);
  for (let i = 0; i < data.length; i += 65_536) {
    ix.push(data.subarray(i, i + 65_536));
  }
  return ix.end();
}

/** The read size the adapters stream a trace file in (fs.createReadStream's highWaterMark). */
export const TRACE_READ_CHUNK = 1 << 20;

/**
 * Indexes a stream of chunks (the adapters pass fs.createReadStream, which is async iterable, so
 * the service stays free of node:fs). Resolves undefined when `cancelled` says so between chunks;
 * leaving the loop early destroys the stream.
 */
export function indexTraceChunks(
  chunks: AsyncIterable<Uint8Array>,
  options?: TraceIndexOptions,
): Promise<TraceIndex>;
export function indexTraceChunks(
  chunks: AsyncIterable<Uint8Array>,
  options: TraceIndexOptions,
  cancelled: () => boolean,
): Promise<TraceIndex | undefined>;
export async function indexTraceChunks(
  chunks: AsyncIterable<Uint8Array>,
  options: TraceIndexOptions = {},
  cancelled: () => boolean = () => false,
): Promise<TraceIndex | undefined> {
  const ix = createTraceIndexer(options);
  for await (const chunk of chunks) {
    if (cancelled()) {
      return undefined;
    }
    ix.push(chunk);
  }
  return ix.end();
}

/** Reads `length` bytes at `offset` (fewer, or none, at the end of the file). */
export type BytesReader = (offset: number, length: number) => Promise<Uint8Array> | Uint8Array;

const PAGE_READ = 65_536;

/**
 * Lines [fromLine, fromLine + count) of an indexed trace, read from the nearest offset checkpoint
 * with the index's encoding: the viewer's page of raw lines without the whole file in memory.
 */
export async function pageLines(
  index: PageableIndex,
  read: BytesReader,
  fromLine: number,
  count: number,
): Promise<TraceLine[]> {
  const out: TraceLine[] = [];
  if (count <= 0 || fromLine >= index.lineCount || index.encoding === 'binary') {
    return out;
  }
  const first = Math.max(0, fromLine);
  const k = Math.min(Math.floor(first / index.lineOffsetEvery), index.lineOffsets.length - 1);
  if (k < 0) {
    return out;
  }
  let offset = index.lineOffsets[k];
  const last = first + count;
  const lr = createLineReader(
    index.encoding,
    (l) => {
      if (l.line >= first && l.line < last) {
        out.push(l);
      }
    },
    offset,
    k * index.lineOffsetEvery,
  );
  while (lr.lineCount < last) {
    const chunk = await read(offset, PAGE_READ);
    if (chunk.length === 0) {
      lr.end();
      break;
    }
    offset += chunk.length;
    lr.push(chunk);
    if (offset >= index.byteLength) {
      lr.end();
      break;
    }
  }
  return out;
}
