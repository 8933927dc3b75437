// System SSL component trace (IPCS `CTRACE COMP(GSKSRVR) FULL`, and gsktrace output of the same
// shape): trace-formats.md §3. A record is an IPCS header line (`C01 MESSAGE 00000004 20:43:45.522449
// SSL_ERROR`), the System SSL header line (`Job TCP341 Process 00020032 Thread 00000002
// gsk_read_v3_record`) and detail lines up to the next header; one event per record, emitted when
// the next header (or the end) shows the record is complete.
//
// What the records say is kept as written in `text` and `codes` (ICSF `retCode = 0x8, rsnCode =
// 0xbfe`, CMS `Error 0x0335308F`), because rules key on them: the records name no handshake
// message, so a GSK connection is told by its errors, not by a message flow.
import type { IndexEmit } from '../index';
import type { FormatParser, LineParser, TraceCode, TraceEvent, TraceLine } from '../types';
import {
  CTRACE_CALLOUT,
  MAX_CTRACE_DETAILS as MAX_DETAILS,
  bannerDate,
  codesOf,
  ctraceDetail,
  ctraceEvent,
  ctraceHeader,
  lineText,
  type CtraceHeader,
  type CtraceRecord,
  type LinePart,
} from './zosCommon';

const JOB_LINE =
  /^\s*(?:\d+\s+)?Job\s+(\S+)\s+Process\s+([0-9A-Fa-f]{8})\s+Thread\s+([0-9A-Fa-f]{8})(?:\s+(\S+))?\s*$/;
/** Banner and column-heading lines of the IPCS report (also repeated on page breaks). */
const BANNER =
  /^\s*(?:COMPONENT TRACE (?:FULL|SHORT|SUMMARY|TALLY) FORMAT|SYSNAME\(\S*\)|COMP\(\S*\).*|SYSNAME\s+MNEMONIC\s+ENTRY ID.*|-{5,}(?:\s+-{5,})*)\s*$/;
const HANDLE = /\bHandle\s+([0-9A-Fa-f]{8})\b/;
/** `Socket closed by 192.168.50.80.1360.` — address and port joined by one dot; may be cut off. */
const SOCKET_CLOSED = /Socket closed by(?:\s+([0-9A-Fa-f:.]+?)\.(\d+))?\.?\s*$/;
/**
 * The chatter detail lines of the real samples (§3.6), which hold no code: the recogniser is not run
 * on them (most lines of a big trace are these; a handle such as 03351234 is not a CMS status).
 */
const NO_CODES = /^(?:Handle [0-9A-Fa-f]{8}, {1,2}Size \d+|Calling read routine for \d+ bytes)$/;
/** Server-side text quoted by APAR OA60669 ("Continuing to parse client hello"). */
const SERVER_CUE = /\bparse client hello\b/i;

/** Threads remembered with their current secure-socket handle. */
const MAX_THREADS = 10_000;

interface Rec extends CtraceRecord {
  job?: string;
  pid?: string;
  tid?: string;
  func?: string;
  /** The header carried a documentation callout number, so detail lines carry one too. */
  callouts: boolean;
  /** `col`: where the kept text starts in the physical line (code ranges are line offsets). */
  details: LinePart[];
  /**
   * The indexer will not keep the record (its kind is past the caps, known from the header): its
   * details are not kept, only counted, and the handle they name is read as they go by.
   */
  light: boolean;
  /** For a light record: detail lines seen (the first MAX_DETAILS count) and the last handle named. */
  seen: number;
  handle?: string;
}

/**
 * A switch, not a table: a property lookup by a description cut from the line hashes it on every
 * record (and would read `toString` or `constructor` off the object's prototype).
 */
function kindOf(head: CtraceHeader): TraceEvent['kind'] {
  if (head.mnemonic === 'DUMP') {
    return 'record';
  }
  switch (head.desc) {
    case 'SSL_ERROR':
      return 'error';
    case 'SSL_ENTRY':
    case 'SSL_EXIT':
      return 'state';
    default:
      return 'info'; // SSL_INFO and descriptions not met in the samples
  }
}

class GskParser implements LineParser {
  private rec: Rec | undefined;
  private date: string | undefined;
  /** `sys/job/pid/tid` → the handle its last record named: later records on the thread share it. */
  private handles = new Map<string, Map<string, string>>();
  /** Threads in `handles` (a map per `sys/job/pid`, keyed by thread: no key is built per record). */
  private threads = 0;
  /** The process of the last record and its map: consecutive records nearly always share it. */
  private last: { sys: string; job: string; pid: string; tids: Map<string, string> } | undefined;

  push(line: TraceLine, emit: (e: TraceEvent) => void): void {
    const text = lineText(line);
    if (text.length === 0) {
      return; // trimEnd left nothing: a blank line
    }
    // Cheap looks at the line before any regex: most lines are detail or job lines, and each shape
    // below can only match when its first character (or the header's time) is there.
    let at = 0;
    while (at < text.length && (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9)) {
      at++;
    }
    const c = text.charCodeAt(at);
    const plain = c > 32 && c < 128; // other blanks: let the regexes decide
    if (!plain || c === 42 /* '*' */) {
      const date = bannerDate(text);
      if (date) {
        this.date = date;
        return;
      }
    }
    // The header's first colon is its time's (nothing before it may hold one): hh:mm:ss.uuuuuu.
    const colon = text.indexOf(':', at);
    const head =
      colon >= 2 && text.charCodeAt(colon + 3) === 58 && text.charCodeAt(colon + 6) === 46
        ? ctraceHeader(text)
        : undefined;
    if (head) {
      this.flush(emit);
      const sink = emit as Partial<IndexEmit>;
      // Nothing is emitted between this header and the record's flush, so the answer holds then.
      const light = sink.keeps !== undefined && sink.skipped !== undefined && !sink.keeps(kindOf(head));
      this.rec = {
        head,
        line: line.line,
        endLine: line.line,
        date: this.date,
        callouts: !light && CTRACE_CALLOUT.test(text),
        details: [],
        light,
        seen: 0,
      };
      return;
    }
    if (!this.rec || ((!plain || c === 67 || c === 83 || c === 45) /* C S - */ && BANNER.test(text))) {
      return;
    }
    const rec = this.rec;
    rec.endLine = line.line;
    const job = rec.job === undefined ? JOB_LINE.exec(text) : null;
    if (job) {
      rec.job = job[1];
      rec.pid = job[2].toUpperCase();
      rec.tid = job[3].toUpperCase();
      rec.func = job[4];
      return;
    }
    if (rec.light) {
      // A callout number or leading blanks cannot hold or cut "Handle": the raw line reads the same.
      if (rec.seen < MAX_DETAILS) {
        rec.seen++;
        const h = text.includes('Handle') ? HANDLE.exec(text) : null;
        if (h) {
          rec.handle = h[1].toUpperCase();
        }
      }
      return;
    }
    if (rec.details.length < MAX_DETAILS) {
      rec.details.push(ctraceDetail(text, line.line, rec.callouts));
    }
  }

  end(emit: (e: TraceEvent) => void): void {
    this.flush(emit);
  }

  private flush(emit: (e: TraceEvent) => void): void {
    const rec = this.rec;
    this.rec = undefined;
    if (!rec) {
      return;
    }
    const sink = emit as Partial<IndexEmit>;
    if (rec.light && sink.skipped) {
      // Not kept: only what later records depend on (the thread's handle) is read.
      this.handleOf(rec);
      sink.skipped();
      return;
    }
    emit(this.event(rec));
  }

  /** The secure-socket handle of the record: its own, else the last one its thread named. */
  private handleOf(rec: Rec): string | undefined {
    let handle = rec.handle;
    for (const d of rec.details) {
      const h = d.text.includes('Handle') ? HANDLE.exec(d.text) : null;
      if (h) {
        handle = h[1].toUpperCase();
      }
    }
    if (rec.job === undefined) {
      return handle;
    }
    const tids = this.threadsOf(rec.head.sys, rec.job, rec.pid!, handle !== undefined);
    const tid = rec.tid!;
    if (handle) {
      if (this.threads >= MAX_THREADS) {
        this.handles.clear();
        this.last = undefined;
        this.threads = 0;
        return this.handleOf(rec);
      }
      const size = tids!.size;
      tids!.set(tid, handle);
      this.threads += tids!.size - size;
      return handle;
    }
    return tids?.get(tid);
  }

  /** The thread map of a process (created when `create`). */
  private threadsOf(sys: string, job: string, pid: string, create: boolean): Map<string, string> | undefined {
    const last = this.last;
    if (last && last.pid === pid && last.job === job && last.sys === sys) {
      return last.tids;
    }
    const key = `${sys}/${job}/${pid}`;
    let tids = this.handles.get(key);
    if (!tids) {
      if (!create) {
        return undefined;
      }
      tids = new Map();
      this.handles.set(key, tids);
    }
    this.last = { sys, job, pid, tids };
    return tids;
  }

  private event(rec: Rec): TraceEvent {
    const { head } = rec;
    let peer: string | undefined;
    let serverCue = false;
    const codes: TraceCode[] = [];
    for (const d of rec.details) {
      const closed = d.text.includes('Socket closed by') ? SOCKET_CLOSED.exec(d.text) : null;
      if (closed?.[1]) {
        peer = closed[1].includes(':') ? `[${closed[1]}]:${closed[2]}` : `${closed[1]}:${closed[2]}`;
      }
      serverCue ||= SERVER_CUE.test(d.text);
      if (!NO_CODES.test(d.text)) {
        codes.push(...codesOf(d.text, d.line, d.col));
      }
    }
    const handle = this.handleOf(rec);
    const kind = kindOf(rec.head);
    const detail = rec.details.map((d) => d.text).join(' | ');
    const e = ctraceEvent(
      'gsk-ctrace',
      rec,
      kind,
      `${head.desc}${rec.func ? ` ${rec.func}` : ''}${detail ? `: ${detail}` : ''}`,
    );
    if (rec.job !== undefined) {
      e.job = rec.job;
      e.pid = rec.pid;
      e.thread = rec.tid;
      // trace-formats.md §3.5: the secure-socket handle is the connection; without one, the thread.
      e.connKey = handle
        ? `gsk:${head.sys}/${rec.job}/${rec.pid}/handle:${handle}`
        : `gsk:${head.sys}/${rec.job}/${rec.pid}/thread:${rec.tid}`;
    }
    if (kind === 'error') {
      e.dir = 'local';
    }
    if (peer) {
      e.peer = peer;
    }
    if (serverCue) {
      e.side = 'server';
    }
    if (codes.length > 0) {
      e.codes = codes;
    }
    return e;
  }
}

export const gskCtraceParser: FormatParser = {
  format: 'gsk-ctrace',
  create: () => new GskParser(),
};
