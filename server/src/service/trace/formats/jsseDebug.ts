// Java `-Djavax.net.debug` output (trace-formats.md §6), both layouts: JDK 11+ logger lines
// (`javax.net.ssl|DEBUG|10|main|2024-03-28 18:51:38.853 UTC|null:-1|Consuming ServerHello handshake
// message (` + a JSON-like body up to `)`) and JDK 8 println blocks (`*** ClientHello, TLSv1.2`,
// `main, READ: TLSv1.2 Handshake, length = 262`, `%% Invalidated: ...`). Lines of neither layout
// (application logs, hex dumps outside a record) are skipped.
//
// JsseParser is also the inner parser of liberty-trace (§1.3): the Liberty parser strips its
// `[time] tid SystemOut O` prefix and hands the rest here with the wrapper's thread and time.
//
// JDK 8 prints no direction on a message block, and the cue that tells the side often comes later
// (a `READ:` line, `%% No cached client session`, a trust-manager call), so JDK 8 events are held
// per connection and emitted when the next ClientHello on that thread (or the end) closes it.
import type {
  FormatParser,
  LineParser,
  TraceAlert,
  TraceEvent,
  TraceFormat,
  TraceLine,
  TraceOffer,
} from '../types';
import type { HandshakeType } from '../types';
import {
  JAVA_SSL_EXCEPTION,
  MAX_TEXT,
  alertNamed,
  alertNumbered,
  clip,
  handshakeTypeOf,
  listItems,
  receivedAlertIn,
  suiteName,
} from './jsseCommon';
import { codesOf } from './zosCommon';

type Side = 'client' | 'server';
type Dir = 'sent' | 'received';

/** What a wrapper (liberty-trace) knows about a line it hands over. */
export interface WrapContext {
  thread?: string;
  time?: { text: string; iso?: string };
  /** Column of the handed-over text in the physical line (code ranges are line offsets). */
  col?: number;
}

// §6.1 (regexes as verified in §12; the message may itself contain `|`).
const JSSE11 =
  /^(.*?)javax\.net\.ssl\|(ALL|TRACE|DEBUG|INFO|WARNING|ERROR|FINEST|FINER|FINE|CONFIG|SEVERE)\|([0-9A-Fa-f]+)\|([^|]*)\|(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}(?: [^|]*)?)\|([^|]*)\|(.*?)( \()?$/;
const CLOSE = /^\s*\)\s*$/;
const PROD_CONS = /^(Produced|Consuming) (.+?) (?:handshake )?message\b/;
const FATAL11 = /^Fatal \(([A-Z_0-9]+)\): (.*?)(?: \()?$/;
const RECORD11 =
  /^(READ|WRITE): (\S+) (handshake|alert|change_cipher_spec|application_data), length = (\d+)\s*$/;
const KEY_VALUE = /^\s*"([^"]+)"\s*:\s*(.*?),?\s*$/;
const EXTENSION = /^\s*"([a-z_]+) \((\d+)\)"\s*:\s*\{/;

// §6.2
const REC8 =
  /^(.+?), (WRITE|READ): (SSLv2Hello|SSLv3|TLSv1(?:\.[123])?) (Handshake|Alert|Change Cipher Spec|Application Data), length = (\d+)\s*$/;
const MSG8 = /^\*\*\* ([^,]+?)(?:, (.*?))?\s*$/;
const END8 = /^\*\*\*\s*$/;
const SESS8 = /^%% (.*)$/;
const ALERT8 = /^(.+?), (RECV|SEND) (\S+) ALERT:\s+(fatal|warning), (?:description = )?(\w+)\s*$/;
const FATAL8 = /^(.+?), fatal error: (\d+): (.*)$/;
const HANDLING8 = /^(.+?), handling exception: ([\w.$]+): (.*)$/;
const SUITES8 = /^Cipher Suites: (\[.*)$/;
const SUITE8 = /^Cipher Suite: (\S+)/;
const CURVES8 = /^Extension (?:elliptic_curves|supported_groups), curve names: \{(.*?)\}?\s*$/;
const STACK = /^\s+at |^\s*Caused by: |^\s*\.\.\. \d+ more\s*$/;

const CLIENT_CUE8 = /^(?:No cached client session|Try resuming|Cached client session)/;
/** Key-manager and trust-manager calls that only one side makes (§6.2, §7.4). */
const CLIENT_CUES = /\b(?:checkServerTrusted|chooseClientAlias|matching alias:)/;
const SERVER_CUES = /\b(?:checkClientTrusted|chooseServerAlias|null cert chain)/;

/** Messages only one side sends (RFC 5246 §7.3 / RFC 8446 §2). */
const ORIGIN: Partial<Record<HandshakeType, Side>> = {
  ClientHello: 'client',
  ClientKeyExchange: 'client',
  EndOfEarlyData: 'client',
  ServerHello: 'server',
  HelloRetryRequest: 'server',
  ServerKeyExchange: 'server',
  CertificateRequest: 'server',
  ServerHelloDone: 'server',
  EncryptedExtensions: 'server',
  NewSessionTicket: 'server',
  HelloRequest: 'server',
};
const other = (s: Side): Side => (s === 'client' ? 'server' : 'client');

/** Events one JDK 8 connection may hold before it is emitted anyway (bounded memory). */
const MAX_HELD = 2_000;
/** Body lines of one JDK 11 record that are read (a certificate body is long; the range covers all). */
const MAX_BODY = 4_000;
/** Threads remembered. */
const MAX_THREADS = 10_000;

/** JDK 11 time `yyyy-MM-dd kk:mm:ss.SSS zone`: ISO only for UTC/GMT (other abbreviations are ambiguous). */
function time11(text: string): { text: string; iso?: string } {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}:\d{2}\.\d{3})(?: (\S+))?$/.exec(text.trim());
  if (!m || (m[4] !== 'UTC' && m[4] !== 'GMT')) {
    return { text };
  }
  const hour = m[2] === '24' ? '00' : m[2]; // `kk` prints midnight as 24
  return { text, iso: `${m[1]}T${hour}:${m[3]}Z` };
}

interface Rec11 {
  line: number;
  endLine: number;
  prefix: string;
  level: string;
  tid: string;
  thread: string;
  time: string;
  msg: string;
  msgCol: number;
  col: number;
  open: boolean;
  body: { text: string; line: number }[];
}

interface Held {
  e: TraceEvent;
  /** Direction from the READ/WRITE rule (§6.2). */
  recDir?: Dir;
}

interface Conn8 {
  thread?: string;
  key: string;
  side?: Side;
  held: Held[];
  lastOp?: 'READ' | 'WRITE';
  /** Index in `held` of the first event after the last record line. */
  sinceRec: number;
}

export class JsseParser {
  private rec: Rec11 | undefined;
  /** A Java exception with its stack frames. */
  private exc: TraceEvent | undefined;
  /** JDK 8 message block taking body lines. */
  private block: { e: TraceEvent; conn: Conn8 } | undefined;
  /** JDK 11: per thread id, handshake count and side. */
  private threads11 = new Map<string, { n: number; side?: Side }>();
  /** JDK 8: per thread, the handshake count and the open connection. */
  private conns8 = new Map<string, { n: number; conn?: Conn8 }>();
  private lastThread8: string | undefined;
  private lastTid11: string | undefined;
  /** Column of the current line's text in its physical line. */
  private col = 0;

  constructor(private readonly format: TraceFormat = 'jsse-debug') {}

  push(raw: string, line: number, emit: (e: TraceEvent) => void, ctx: WrapContext = {}): void {
    const text = clip(raw).trimEnd();
    this.col = ctx.col ?? 0;
    if (this.rec?.open) {
      const inner =
        this.rec.prefix && text.startsWith(this.rec.prefix) ? text.slice(this.rec.prefix.length) : text;
      if (!JSSE11.test(text)) {
        this.rec.endLine = line;
        if (CLOSE.test(inner)) {
          this.flushRec(emit);
        } else if (this.rec.body.length < MAX_BODY) {
          this.rec.body.push({ text: inner, line });
        }
        return;
      }
    }
    const m11 = JSSE11.exec(text);
    if (m11) {
      this.flushAll(emit);
      this.rec = {
        line,
        endLine: line,
        prefix: m11[1],
        level: m11[2],
        tid: m11[3],
        thread: m11[4],
        time: m11[5],
        msg: m11[7],
        msgCol: text.length - m11[7].length - (m11[8] ? 2 : 0),
        col: ctx.col ?? 0,
        open: m11[8] !== undefined,
        body: [],
      };
      if (!this.rec.open) {
        this.flushRec(emit);
      }
      return;
    }
    if (this.exc && STACK.test(text)) {
      this.exc.endLine = line;
      return;
    }
    this.flushExc(emit);
    const exc = JAVA_SSL_EXCEPTION.exec(text);
    if (exc && !HANDLING8.test(text) && !FATAL8.test(text)) {
      this.closeBlock();
      const alert = receivedAlertIn(exc[2]);
      this.exc = this.base(line, ctx, 'error', text.trim());
      this.exc.dir = alert ? 'received' : 'local';
      if (alert) {
        this.exc.alert = alert;
      }
      this.addCodes(this.exc, text, line);
      this.attachExc(this.exc, ctx);
      return;
    }
    this.push8(text, line, emit, ctx);
  }

  /** A side cue from the wrapper (trust/key-manager trace): it also ends the open message block. */
  cue(text: string, ctx: WrapContext): void {
    const side = CLIENT_CUES.test(text) ? 'client' : SERVER_CUES.test(text) ? 'server' : undefined;
    if (side) {
      const conn = this.conn8(ctx.thread ?? this.lastThread8);
      conn.side ??= side;
      this.closeBlock();
    }
  }

  end(emit: (e: TraceEvent) => void): void {
    this.flushAll(emit);
    for (const t of this.conns8.values()) {
      if (t.conn) {
        this.emitConn(t.conn, emit);
        t.conn = undefined;
      }
    }
  }

  // -------------------------------------------------------------------------------------------
  // JDK 11+

  private flushAll(emit: (e: TraceEvent) => void): void {
    this.flushRec(emit);
    this.flushExc(emit);
    this.closeBlock();
  }

  private flushExc(emit: (e: TraceEvent) => void): void {
    const e = this.exc;
    this.exc = undefined;
    if (e && !this.held(e)) {
      emit(e);
    }
  }

  private flushRec(emit: (e: TraceEvent) => void): void {
    const r = this.rec;
    this.rec = undefined;
    if (!r) {
      return;
    }
    let t = this.threads11.get(r.tid);
    if (!t) {
      if (this.threads11.size >= MAX_THREADS) {
        this.threads11.clear();
      }
      t = { n: 0 };
      this.threads11.set(r.tid, t);
    }
    this.lastTid11 = r.tid;
    const e: TraceEvent = {
      format: this.format,
      line: r.line,
      endLine: r.endLine,
      time: time11(r.time),
      thread: r.thread,
      kind: 'info',
      text: r.msg.slice(0, MAX_TEXT),
    };
    const pc = PROD_CONS.exec(r.msg);
    const fatal = FATAL11.exec(r.msg);
    const record = RECORD11.exec(r.msg);
    if (pc) {
      const hsType = handshakeTypeOf(pc[2].replace(/^(?:client|server) /i, ''));
      e.dir = pc[1] === 'Produced' ? 'sent' : 'received';
      if (hsType === 'ChangeCipherSpec') {
        e.kind = 'ccs';
      } else if (hsType) {
        e.kind = 'handshake';
        e.hsType = hsType;
        if (hsType === 'ClientHello') {
          t.n++;
          t.side = undefined;
        }
        const origin = ORIGIN[hsType];
        if (origin) {
          t.side ??= e.dir === 'sent' ? origin : other(origin);
        }
        this.readHello(e, r.body);
      }
    } else if (/^Received alert message\b/.test(r.msg)) {
      e.kind = 'alert';
      e.dir = 'received';
      e.alert = this.alertBody(r.body);
    } else if (fatal) {
      const received = receivedAlertIn(fatal[2]);
      e.kind = received ? 'error' : 'alert';
      e.dir = received ? 'received' : 'sent';
      // §6.1: the alert in parentheses is the one this side sends (or the one it received).
      e.alert = received ?? alertNamed(fatal[1], 'fatal');
    } else if (record) {
      e.kind = 'record';
      e.dir = record[1] === 'READ' ? 'received' : 'sent';
      e.tlsVersion = record[2];
    } else if (/^(?:Invalidated session|close |Closing )/i.test(r.msg)) {
      e.kind = 'state';
    } else if (r.level === 'ERROR' || r.level === 'SEVERE') {
      e.kind = 'error';
      e.dir = 'local';
    }
    e.connKey = `jsse:${r.tid}#${t.n}`;
    if (t.side) {
      e.side = t.side;
    }
    this.addCodes(e, r.msg, r.line, r.col + r.msgCol);
    emit(e);
  }

  /** ClientHello offers and ServerHello choices from a JDK 11 body (§6.1). */
  private readHello(e: TraceEvent, body: { text: string }[]): void {
    if (e.hsType !== 'ClientHello' && e.hsType !== 'ServerHello' && e.hsType !== 'HelloRetryRequest') {
      return;
    }
    const offer: TraceOffer = {};
    let ext = '';
    for (const { text } of body) {
      const x = EXTENSION.exec(text);
      if (x) {
        ext = x[1];
        continue;
      }
      const kv = KEY_VALUE.exec(text);
      if (!kv) {
        continue;
      }
      const key = kv[1];
      const val = kv[2].replace(/^"|"$/g, '');
      if (e.hsType === 'ClientHello') {
        if (key === 'cipher suites') {
          offer.ciphers = listItems(val).map(suiteName);
        } else if (key === 'client version') {
          offer.versions ??= [val];
          e.tlsVersion = val;
        } else if (key === 'versions' && ext === 'supported_versions') {
          offer.versions = listItems(val);
        } else if (key === 'versions' && ext === 'supported_groups') {
          offer.groups = listItems(val); // the JDK labels the group list "versions" too
        } else if (key === 'named groups') {
          offer.groups = listItems(val);
        } else if (key === 'signature schemes' && ext === 'signature_algorithms') {
          offer.signatureSchemes = listItems(val);
        }
      } else if (key === 'server version' && !e.tlsVersion) {
        e.tlsVersion = val;
      } else if (key === 'selected version' && ext === 'supported_versions') {
        e.tlsVersion = listItems(val)[0] ?? val;
      } else if (key === 'cipher suite') {
        e.cipher = suiteName(val);
      }
    }
    if (Object.keys(offer).length > 0) {
      e.offer = offer;
    }
  }

  private alertBody(body: { text: string }[]): TraceAlert | undefined {
    let level: string | undefined;
    let desc: string | undefined;
    for (const { text } of body) {
      const kv = KEY_VALUE.exec(text);
      if (kv?.[1] === 'level') {
        level = kv[2].replace(/"/g, '');
      } else if (kv?.[1] === 'description') {
        desc = kv[2].replace(/"/g, '');
      }
    }
    const lv = level === 'fatal' || level === 'warning' ? level : undefined;
    return desc ? alertNamed(desc, lv) : lv ? { level: lv } : undefined;
  }

  // -------------------------------------------------------------------------------------------
  // JDK 8

  private push8(text: string, line: number, emit: (e: TraceEvent) => void, ctx: WrapContext): void {
    const rec = REC8.exec(text);
    if (rec) {
      this.closeBlock();
      const conn = this.conn8(ctx.thread ?? this.thread8(rec[1]));
      const op = rec[2] as 'READ' | 'WRITE';
      if (op === 'WRITE' && rec[4] !== 'Application Data') {
        // §6.2: a message the program sends is printed just before its WRITE record line. Only
        // the last block is taken: the capture may have lost the READ lines of blocks before it.
        const last = conn.held.length - 1;
        const h = last >= conn.sinceRec ? conn.held[last] : undefined;
        if (h?.e.kind === 'handshake' && !h.recDir) {
          h.recDir = 'sent';
        }
      }
      const e = this.base(line, ctx, rec[4] === 'Change Cipher Spec' ? 'ccs' : 'record', text, rec[1]);
      e.dir = op === 'READ' ? 'received' : 'sent';
      e.tlsVersion = rec[3];
      this.hold(conn, { e }, emit);
      conn.lastOp = op;
      conn.sinceRec = conn.held.length;
      return;
    }
    if (END8.test(text)) {
      this.closeBlock();
      return;
    }
    const msg = MSG8.exec(text);
    if (msg) {
      this.closeBlock();
      const hsType = handshakeTypeOf(msg[1]);
      const thread = ctx.thread ?? this.lastThread8;
      if (hsType === 'ClientHello') {
        this.newConn8(thread, emit);
      }
      const conn = this.conn8(thread);
      const e = this.base(line, ctx, hsType ? 'handshake' : 'info', text);
      if (hsType) {
        e.hsType = hsType;
      }
      if (
        (hsType === 'ClientHello' || hsType === 'ServerHello') &&
        msg[2] &&
        /^(?:TLSv1(?:\.\d)?|SSLv3)$/.test(msg[2])
      ) {
        e.tlsVersion = msg[2];
      }
      const held: Held = { e };
      if (conn.lastOp === 'READ') {
        held.recDir = 'received'; // §6.2: a received message is printed after its READ line
      }
      this.hold(conn, held, emit);
      this.block = { e, conn };
      return;
    }
    const sess = SESS8.exec(text);
    if (sess) {
      this.closeBlock();
      const conn = this.conn8(ctx.thread ?? this.lastThread8);
      if (CLIENT_CUE8.test(sess[1])) {
        conn.side ??= 'client';
      }
      this.hold(conn, { e: this.base(line, ctx, 'state', text) }, emit);
      return;
    }
    const alert = ALERT8.exec(text);
    if (alert) {
      this.closeBlock();
      const conn = this.conn8(ctx.thread ?? this.thread8(alert[1]));
      const e = this.base(line, ctx, 'alert', text, alert[1]);
      e.dir = alert[2] === 'RECV' ? 'received' : 'sent';
      e.tlsVersion = alert[3];
      e.alert = alertNamed(alert[5], alert[4] as 'fatal' | 'warning');
      this.addCodes(e, text, line);
      this.hold(conn, { e }, emit);
      return;
    }
    const fatal = FATAL8.exec(text);
    const handling = fatal ? null : HANDLING8.exec(text);
    if (fatal || handling) {
      this.closeBlock();
      const who = (fatal ?? handling)![1];
      const conn = this.conn8(ctx.thread ?? this.thread8(who));
      const e = this.base(line, ctx, 'error', text, who);
      if (fatal) {
        // The program fails locally and sends this alert next (`fatal error: 42: null cert chain`).
        e.dir = 'local';
        e.alert = alertNumbered(Number(fatal[2]), 'fatal');
      } else {
        const received = receivedAlertIn(handling![3]);
        e.dir = received ? 'received' : 'local';
        if (received) {
          e.alert = received;
        }
      }
      if (SERVER_CUES.test(text)) {
        conn.side ??= 'server';
      }
      this.addCodes(e, text, line);
      this.hold(conn, { e }, emit);
      return;
    }
    if (this.block) {
      this.blockLine(text, line);
    }
  }

  private blockLine(text: string, line: number): void {
    const { e, conn } = this.block!;
    e.endLine = line;
    if (CLIENT_CUES.test(text)) {
      conn.side ??= 'client';
    }
    const t = text.trim();
    const suites = SUITES8.exec(t);
    const suite = SUITE8.exec(t);
    const curves = CURVES8.exec(t);
    if (e.hsType === 'ClientHello' && suites) {
      e.offer = { ...e.offer, ciphers: listItems(suites[1]).map(suiteName) };
    } else if (e.hsType === 'ClientHello' && curves) {
      e.offer = { ...e.offer, groups: listItems(curves[1]) };
    } else if (e.hsType === 'ServerHello' && suite) {
      e.cipher = suiteName(suite[1]);
    }
  }

  private closeBlock(): void {
    this.block = undefined;
  }

  /** JDK 8 thread names may contain `, ` and ` : ` (`WebContainer : 0`); remember the last one. */
  private thread8(name: string): string {
    this.lastThread8 = name;
    return name;
  }

  private slot8(thread: string | undefined): { n: number; conn?: Conn8 } {
    const k = thread ?? '';
    let s = this.conns8.get(k);
    if (!s) {
      if (this.conns8.size >= MAX_THREADS) {
        this.conns8.clear(); // held events of forgotten threads are lost only past 10,000 threads
      }
      s = { n: 0 };
      this.conns8.set(k, s);
    }
    return s;
  }

  private conn8(thread: string | undefined): Conn8 {
    const s = this.slot8(thread);
    s.conn ??= { thread, key: `jsse:${thread ?? ''}#${s.n}`, held: [], sinceRec: 0 };
    return s.conn;
  }

  private newConn8(thread: string | undefined, emit: (e: TraceEvent) => void): void {
    const s = this.slot8(thread);
    s.n++;
    if (s.conn && !s.conn.held.some((h) => h.e.kind === 'handshake')) {
      // `%% No cached client session` and the like come just before their own ClientHello.
      s.conn.key = `jsse:${thread ?? ''}#${s.n}`;
      return;
    }
    if (s.conn) {
      this.emitConn(s.conn, emit);
    }
    s.conn = undefined;
  }

  private hold(conn: Conn8, h: Held, emit: (e: TraceEvent) => void): void {
    conn.held.push(h);
    if (conn.held.length >= MAX_HELD) {
      this.emitConn(conn, emit);
    }
  }

  /** An exception line belongs to the JDK 8 connection of its thread when JDK 8 output is around. */
  private attachExc(e: TraceEvent, ctx: WrapContext): void {
    const t = ctx.thread ?? this.lastThread8;
    const s = this.conns8.get(t ?? '');
    if (s?.conn) {
      s.conn.held.push({ e });
      return;
    }
    const t11 = this.lastTid11 === undefined ? undefined : this.threads11.get(this.lastTid11);
    if (t11) {
      e.connKey = `jsse:${this.lastTid11}#${t11.n}`;
      if (t11.side) {
        e.side = t11.side;
      }
    }
  }

  private held(e: TraceEvent): boolean {
    for (const s of this.conns8.values()) {
      if (s.conn?.held.some((h) => h.e === e)) {
        return true;
      }
    }
    return false;
  }

  /** Works out side and direction for a JDK 8 connection's held events, then emits them. */
  private emitConn(conn: Conn8, emit: (e: TraceEvent) => void): void {
    const held = conn.held;
    conn.held = [];
    conn.sinceRec = 0;
    let side = conn.side;
    for (const h of held) {
      const origin = h.e.hsType ? ORIGIN[h.e.hsType] : undefined;
      if (!side && origin && h.recDir) {
        side = h.recDir === 'sent' ? origin : other(origin);
      }
    }
    conn.side = side;
    let afterDone = false;
    let finished = 0;
    let lastCcs: TraceEvent | undefined;
    for (const h of held) {
      const e = h.e;
      e.connKey = conn.key;
      if (side) {
        e.side = side;
      }
      if (e.kind === 'ccs') {
        lastCcs = e;
      }
      if (e.kind !== 'handshake' || !e.hsType) {
        continue;
      }
      let from = ORIGIN[e.hsType];
      if (e.hsType === 'Certificate') {
        // TLS 1.2 and earlier: the client's certificate follows the server's ServerHelloDone.
        from = afterDone ? 'client' : 'server';
      } else if (e.hsType === 'Finished') {
        if (lastCcs?.dir && side) {
          from = lastCcs.dir === 'sent' ? side : other(side);
        } else {
          from = finished === 0 ? 'client' : 'server'; // full handshake order without a CCS line
        }
        finished++;
        lastCcs = undefined;
      }
      if (e.hsType === 'ServerHelloDone') {
        afterDone = true;
      }
      // Who sends a message is protocol knowledge; the READ/WRITE order rule only fills gaps.
      if (side && from) {
        e.dir = from === side ? 'sent' : 'received';
      } else if (h.recDir) {
        e.dir = h.recDir;
      }
    }
    for (const h of held) {
      emit(h.e);
    }
  }

  // -------------------------------------------------------------------------------------------

  private base(
    line: number,
    ctx: WrapContext,
    kind: TraceEvent['kind'],
    text: string,
    thread?: string,
  ): TraceEvent {
    const e: TraceEvent = {
      format: this.format,
      line,
      endLine: line,
      kind,
      text: text.trim().slice(0, MAX_TEXT),
    };
    const th = ctx.thread ?? thread;
    if (th) {
      e.thread = th;
    }
    if (ctx.time) {
      e.time = ctx.time;
    }
    return e;
  }

  /** Codes of `text` (the line from column `col` on) with line offsets. */
  private addCodes(e: TraceEvent, text: string, line: number, col = this.col): void {
    const codes = codesOf(text, line, col);
    if (codes.length > 0) {
      e.codes = [...(e.codes ?? []), ...codes];
    }
  }
}

/** The standalone format: every line is JSSE text (or skipped). */
class JsseLineParser implements LineParser {
  private readonly p = new JsseParser();

  push(line: TraceLine, emit: (e: TraceEvent) => void): void {
    this.p.push(line.text, line.line, emit);
  }

  end(emit: (e: TraceEvent) => void): void {
    this.p.end(emit);
  }
}

export const jsseDebugParser: FormatParser = {
  format: 'jsse-debug',
  create: () => new JsseLineParser(),
};
