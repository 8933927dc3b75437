// AT-TLS messages EZD1281I…EZD1287I, from syslogd, OPERLOG, SYSLOG or the TCP/IP job log:
// trace-formats.md §5. A message may run over several lines (OPERLOG separates them with a bare
// CR); continuation lines are re-attached before the fields are read. Whatever precedes the
// message id is the wrapper's prefix (syslogd time and stack job name), read only for a time.
//
// Events: EZD1286I/EZD1287I are errors (their `RC:` is a System SSL code below 5000 or an AT-TLS
// code from 5001, kept in `text` and `codes`); EZD1283I/EZD1284I are errors when their RC is not
// 0, states otherwise; EZD1282I is a state, EZD1281I the connection's mapping. EZD1285I data
// messages carry TLS records in hex: they become handshake, CCS and alert events, and tell which
// side z/OS plays (who sent the ClientHello). The connection key is the CONNID.
import type { FormatParser, LineParser, TraceEvent, TraceLine } from '../types';
import { bytesOfHex, codesOfParts, lineText, readTlsRecords, type LinePart } from './zosCommon';

const EZD = /(?:^|\s)(EZD128[1-7]I)\s+TTLS\s+(Map|Start|Event|Flow|Data|Error)\b/;
const CONTINUATION = /^\s+\S/;
const CONTINUATION_KEY = /\b(?:LOCAL|REMOTE|JOBNAME|USERID|GRPID|ENVID|CONNID|RULE):/;
const CONNID = /\bCONNID:\s*([0-9A-Fa-f]{8})\b/;
const RC = /\bRC:\s*(\d+)/;
const REMOTE = /\bREMOTE:\s*(\S+?)\.\.(\d+)/;
const JOBNAME = /\bJOBNAME:\s*(\S+)/;
const DATA = /\bEZD1285I\s+TTLS\s+Data\s+CONNID:\s*[0-9A-Fa-f]{8}\s+(SEND|RECV)\s+(\S+)\s+([0-9A-Fa-f]+)/;
const PREFIX_TIME = /\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?|\b\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\b/;

/** Physical lines one message may span (the longest documented message needs five). */
const MAX_PARTS = 16;
const MAX_TEXT = 4_000;
/** Connections whose side is remembered. */
const MAX_CONNS = 10_000;

interface Msg {
  id: string;
  prefix: string;
  parts: LinePart[];
  line: number;
  endLine: number;
}

function addr(m: RegExpExecArray | null): string | undefined {
  if (!m) {
    return undefined;
  }
  return m[1].includes(':') ? `[${m[1]}]:${m[2]}` : `${m[1]}:${m[2]}`;
}

class AttlsParser implements LineParser {
  private msg: Msg | undefined;
  /** CONNID → z/OS's role, once a data message showed who sent a hello. */
  private sides = new Map<string, 'client' | 'server'>();

  push(line: TraceLine, emit: (e: TraceEvent) => void): void {
    const text = lineText(line);
    // A splitter that kept a lone CR inside the line: its pieces are the message's lines.
    let col = 0;
    for (const piece of text.includes('\r') ? text.split('\r') : [text]) {
      this.piece(piece, line.line, col, emit);
      col += piece.length + 1;
    }
  }

  end(emit: (e: TraceEvent) => void): void {
    this.flush(emit);
  }

  private piece(text: string, line: number, col: number, emit: (e: TraceEvent) => void): void {
    const m = EZD.exec(text);
    if (m) {
      this.flush(emit);
      const at = m.index + m[0].indexOf(m[1]);
      this.msg = {
        id: m[1],
        prefix: text.slice(0, at),
        parts: [{ text: text.slice(at).trimEnd(), line, col: col + at }],
        line,
        endLine: line,
      };
      return;
    }
    const msg = this.msg;
    if (msg && msg.parts.length < MAX_PARTS && CONTINUATION.test(text) && CONTINUATION_KEY.test(text)) {
      const kept = text.trim();
      msg.parts.push({ text: kept, line, col: col + text.indexOf(kept) });
      msg.endLine = line;
      return;
    }
    if (text.trim() !== '') {
      // Any other line (another message, a blank-free log line) ends the message.
      this.flush(emit);
    }
  }

  private flush(emit: (e: TraceEvent) => void): void {
    const msg = this.msg;
    this.msg = undefined;
    if (!msg) {
      return;
    }
    const full = msg.parts.map((p) => p.text).join(' ');
    const codes = codesOfParts(msg.parts);
    const conn = CONNID.exec(full)?.[1].toUpperCase();
    const base: TraceEvent = {
      format: 'attls-syslog',
      line: msg.line,
      endLine: msg.endLine,
      kind: 'info',
      text: full.length > MAX_TEXT ? full.slice(0, MAX_TEXT) : full,
    };
    const time = PREFIX_TIME.exec(msg.prefix)?.[0];
    if (time) {
      base.time = { text: time };
    }
    // IBM: a CONNID of 00000000 means the event is not specific to a connection.
    if (conn && conn !== '00000000') {
      base.connKey = `attls:${conn}`;
    }
    const job = JOBNAME.exec(full)?.[1];
    if (job) {
      base.job = job;
    }
    const peer = addr(REMOTE.exec(full));
    if (peer) {
      base.peer = peer;
    }
    if (codes.length > 0) {
      base.codes = codes;
    }
    const events = msg.id === 'EZD1285I' ? this.data(full, conn, base) : [this.classify(msg.id, full, base)];
    const side = conn ? this.sides.get(conn) : undefined;
    for (const e of events) {
      if (side) {
        e.side = side;
      }
      emit(e);
    }
  }

  private classify(id: string, full: string, base: TraceEvent): TraceEvent {
    const rc = RC.exec(full);
    switch (id) {
      case 'EZD1286I':
      case 'EZD1287I':
        return { ...base, kind: 'error', dir: 'local' };
      case 'EZD1283I':
      case 'EZD1284I':
        return rc && Number(rc[1]) !== 0
          ? { ...base, kind: 'error', dir: 'local' }
          : { ...base, kind: 'state' };
      case 'EZD1282I':
        return { ...base, kind: 'state' };
      default:
        // EZD1281I: the connection was mapped to a rule (LOCAL/REMOTE, JOBNAME, RULE in `text`).
        return { ...base, kind: 'info' };
    }
  }

  /** EZD1285I: the TLS records in its hex, each as an event (or one 'record' when none is readable). */
  private data(full: string, conn: string | undefined, base: TraceEvent): TraceEvent[] {
    const m = DATA.exec(full);
    if (!m) {
      return [{ ...base, kind: 'record' }];
    }
    const dir = m[1] === 'SEND' ? ('sent' as const) : ('received' as const);
    const items = readTlsRecords(bytesOfHex(m[3]));
    if (items.length === 0) {
      return [{ ...base, kind: 'record', dir }];
    }
    return items.map((it) => {
      if (conn && (it.hsType === 'ClientHello' || it.hsType === 'ServerHello')) {
        // Who sent the hello says which role z/OS plays on this connection (§5.4).
        const sentClientHello = (it.hsType === 'ClientHello') === (dir === 'sent');
        if (this.sides.size >= MAX_CONNS) {
          this.sides.clear();
        }
        this.sides.set(conn, sentClientHello ? 'client' : 'server');
      }
      const e: TraceEvent = { ...base, kind: it.kind, dir };
      if (it.hsType) {
        e.hsType = it.hsType;
      }
      if (it.offer) {
        e.offer = it.offer;
      }
      if (it.tlsVersion) {
        e.tlsVersion = it.tlsVersion;
      }
      if (it.cipher) {
        e.cipher = it.cipher;
      }
      if (it.alert) {
        e.alert = it.alert;
      }
      return e;
    });
  }
}

export const attlsSyslogParser: FormatParser = {
  format: 'attls-syslog',
  create: () => new AttlsParser(),
};
