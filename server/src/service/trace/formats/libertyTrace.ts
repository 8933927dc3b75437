// Liberty messages.log / trace.log and traditional WebSphere trace.log / SystemOut.log
// (trace-formats.md §7): `[ts] tid [id=objid] logger L message`, continuation lines (stack traces,
// certificate dumps) without the prefix. JSSE debug output inside the log (`SystemOut O *** ClientHello`)
// goes to the JSSE parser with the log line's thread and time (§1.3), so it is read by one parser.
//
// CWWKO0801E is the server side of a failed inbound handshake; its newer text names both ends, and
// those addresses are the connection key (§7.3). Message texts quoted without the log prefix
// (`CWWKO0801E: ...` at line start) are read too.
import type { FormatParser, LineParser, TraceEvent, TraceLine } from '../types';
import { JAVA_SSL_EXCEPTION, MAX_TEXT, clip, receivedAlertIn } from './jsseCommon';
import { JsseParser, type WrapContext } from './jsseDebug';
import { codesOf } from './zosCommon';

const LIB =
  /^\[([^\]]{6,40})\]\s+([0-9a-fA-F]{8})\s+(?:id=([0-9a-fA-F]{8})\s+)?(\S+)\s+([FEWAICDOR<>123Z])\s+(.*)$/;
const MSG_ID = /\b((?:CWWKO|CWPKI|CWWKS|CWWKE|SSLC)\d{4}[IWEAD]):/;
const BARE_MSG = /^\s*(?:CWWKO|CWPKI|CWWKS|CWWKE|SSLC)\d{4}[IWEAD]:/;
const CWWKO0801_NEW =
  /CWWKO0801E: The SSL connection cannot be initialized from the (\S+) host and ([\d,.\u00a0\u202f ]+?) port on the remote client to the (\S+) host and ([\d,.\u00a0\u202f ]+?) port on the local server\. Exception: (.*)$/;
const CWWKO0801_OLD =
  /CWWKO0801E: Unable to initialize SSL connection\. Unauthorized access was denied or security settings have expired\. Exception is (.*)$/;
/** Text the JSSE parser reads even when a logger other than SystemOut/SystemErr printed it. */
const JSSE_TEXT =
  /javax\.net\.ssl\||^\*\*\*|^%% |, (?:READ|WRITE): |, (?:RECV|SEND) \S+ ALERT:|, fatal error: \d|, handling exception: /;
const STD_STREAMS = new Set(['SystemOut', 'SystemErr']);
/** The page's elision marks in the WebSphere note (§7.2). */
const ELISION = /^\s*(?:…|\.\.\.)\s*$/;
/** IANA dynamic ports: a listening server port is not one of them (the swap check of §7.3). */
const DYNAMIC_PORTS = 49_152;

interface Rec {
  e: TraceEvent;
}

function portOf(written: string): number {
  return Number(written.replace(/[,.\u00a0\u202f ]/g, ''));
}

const hostPort = (host: string, port: number): string =>
  host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

class LibertyParser implements LineParser {
  private readonly jsse = new JsseParser('liberty-trace');
  private rec: Rec | undefined;
  /** The last prefixed line went to the JSSE parser: its continuation lines go there too. */
  private inJsse: WrapContext | undefined;

  push(line: TraceLine, emit: (e: TraceEvent) => void): void {
    const text = clip(line.text).trimEnd();
    const m = LIB.exec(text);
    if (!m) {
      if (ELISION.test(text) || text.trim() === '') {
        return;
      }
      if (BARE_MSG.test(text)) {
        this.flush(emit);
        this.inJsse = undefined;
        this.message(text, text.length - text.trimStart().length, line.line, {}, undefined);
        return;
      }
      if (this.inJsse) {
        this.jsse.push(text, line.line, emit, { ...this.inJsse, col: 0 });
      } else if (this.rec) {
        this.rec.e.endLine = line.line;
      }
      return;
    }
    this.flush(emit);
    const [, ts, tid, , logger, level, msg] = m;
    const col = text.length - msg.length;
    const ctx: WrapContext = { thread: tid, time: { text: ts }, col };
    if (STD_STREAMS.has(logger) || JSSE_TEXT.test(msg)) {
      this.inJsse = ctx;
      this.jsse.push(msg, line.line, emit, ctx);
      return;
    }
    this.inJsse = undefined;
    this.jsse.cue(msg, ctx);
    if (MSG_ID.test(msg) || level === 'E' || level === 'F' || JAVA_SSL_EXCEPTION.test(msg)) {
      this.message(msg, col, line.line, ctx, level);
    }
  }

  end(emit: (e: TraceEvent) => void): void {
    this.flush(emit);
    this.jsse.end(emit);
  }

  private flush(emit: (e: TraceEvent) => void): void {
    const r = this.rec;
    this.rec = undefined;
    if (r) {
      emit(r.e);
    }
  }

  /** A Liberty message (or an error-level line): one event, continued by the lines that follow. */
  private message(msg: string, col: number, line: number, ctx: WrapContext, level: string | undefined): void {
    const id = MSG_ID.exec(msg)?.[1];
    const e: TraceEvent = {
      format: 'liberty-trace',
      line,
      endLine: line,
      kind: id?.endsWith('E') || level === 'E' || level === 'F' ? 'error' : 'info',
      text: msg.trim().slice(0, MAX_TEXT),
    };
    if (ctx.thread) {
      e.thread = ctx.thread;
    }
    if (ctx.time) {
      e.time = ctx.time;
    }
    const codes = codesOf(msg, line, col);
    if (codes.length > 0) {
      e.codes = codes;
    }
    const neu = CWWKO0801_NEW.exec(msg);
    const old = neu ? null : CWWKO0801_OLD.exec(msg);
    if (neu || old) {
      // §7.3: logged by the server side of an inbound connection.
      e.side = 'server';
      const exc = neu ? neu[5] : old![1];
      const alert = receivedAlertIn(exc);
      e.dir = alert ? 'received' : 'local';
      if (alert) {
        e.alert = alert;
      }
      if (neu) {
        let client = { host: neu[1], port: portOf(neu[2]) };
        let server = { host: neu[3], port: portOf(neu[4]) };
        if (server.port >= DYNAMIC_PORTS && client.port < DYNAMIC_PORTS) {
          // Issue 33464: one build printed the two ends swapped; a listener is not on a dynamic port.
          [client, server] = [server, client];
          e.text =
            `${e.text} (remote and local look swapped: the client is ${hostPort(client.host, client.port)})`.slice(
              0,
              MAX_TEXT,
            );
        }
        e.peer = hostPort(client.host, client.port);
        e.connKey = `liberty:${e.peer}>${hostPort(server.host, server.port)}`;
      } else {
        // The older text names no addresses: each message is one failed connection.
        e.connKey = `liberty:${ctx.thread ?? ''}@${line + 1}`;
      }
    } else if (e.kind === 'error') {
      e.dir = 'local';
    }
    this.rec = { e };
  }
}

export const libertyTraceParser: FormatParser = {
  format: 'liberty-trace',
  create: () => new LibertyParser(),
};
