// Events to connections (issue 6): group the events of a trace into connections and read each
// handshake's flow, negotiated protocol and suite, outcome and stopping point. Knows no format:
// only the TraceEvent fields.
//
// Grouping: by the event's connKey when the format gives one; otherwise by job/process/thread,
// where a new ClientHello starts a new connection (unless it answers a HelloRetryRequest). A key
// seen again after its connection ended (failed, or completed and later a new ClientHello) starts
// another connection with the same key.
//
// Outcome: failed when a fatal alert (or an alert whose level is not shown, other than close_notify
// and user_canceled) or an error record arrives; stalled when the handshake started, did not
// complete, has no alert or error and the trace goes on after it (a file that simply ends there is
// an excerpt, not a stall: trace-formats.md §0), or when its only error is a timeout; ok when both
// Finished messages (or a summary naming a suite) are seen; unknown otherwise.
import type { HandshakeMessage, HandshakeType, TraceConnection, TraceEvent } from './types';

export interface BuiltConnection extends TraceConnection {
  /** A HelloRetryRequest was seen. */
  helloRetry: boolean;
  /** The server asked for a client certificate (CertificateRequest). */
  clientAuthRequested: boolean;
  /** The client answered with a Certificate after a CertificateRequest. */
  clientCertSent: boolean;
  /** Abbreviated handshake: the server's Finished came without its Certificate (session resumption or PSK). */
  resumed: boolean;
}

const FROM_CLIENT = new Set<HandshakeType>(['ClientHello', 'ClientKeyExchange', 'EndOfEarlyData']);
const FROM_SERVER = new Set<HandshakeType>([
  'HelloRequest',
  'ServerHello',
  'HelloRetryRequest',
  'NewSessionTicket',
  'EncryptedExtensions',
  'ServerKeyExchange',
  'CertificateRequest',
  'ServerHelloDone',
  'CertificateStatus',
]);
/** Alerts that close without failing. */
const BENIGN_ALERTS = new Set(['close_notify', 'user_canceled']);
const BENIGN_ALERT_CODES = new Set([0, 90]);
const TIMEOUT = /\btime[ds]?[ -]?out\b|\btimer expir/i;

function isFailureAlert(e: TraceEvent): boolean {
  const a = e.alert;
  if (!a) {
    return true; // an alert record the format could not read is still an alert
  }
  if (a.level === 'warning') {
    return false;
  }
  if (a.level === 'fatal') {
    return true;
  }
  return !(
    (a.description !== undefined && BENIGN_ALERTS.has(a.description)) ||
    (a.code !== undefined && BENIGN_ALERT_CODES.has(a.code))
  );
}

function streamOf(e: TraceEvent): string {
  return [e.system, e.job, e.pid, e.thread].map((x) => x ?? '').join('/');
}

interface Draft {
  key: string;
  conn: BuiltConnection;
  /** The traced program's role, once known. */
  side?: 'client' | 'server';
  finished: { client: number; server: number };
  serverHelloDone: boolean;
  serverCertificate: boolean;
  failed: boolean;
  timeout: boolean;
  completed: boolean;
  summaryOk: boolean;
  lastType?: HandshakeType | 'Alert';
  lastHsLine?: number;
}

function sender(d: Draft, e: TraceEvent, type: HandshakeType | 'Alert'): 'client' | 'server' | 'unknown' {
  const side = e.side ?? d.side;
  if (side && (e.dir === 'sent' || e.dir === 'received')) {
    return (e.dir === 'sent') === (side === 'client') ? 'client' : 'server';
  }
  if (type !== 'Alert' && FROM_CLIENT.has(type)) {
    return 'client';
  }
  if (type !== 'Alert' && FROM_SERVER.has(type)) {
    return 'server';
  }
  const tls13 = d.conn.protocol === 'TLSv1.3';
  switch (type) {
    case 'Certificate':
    case 'CertificateVerify':
      // After ServerHelloDone (1.2) or the server's Finished (1.3) only the client sends these.
      return d.serverHelloDone || d.finished.server > 0 ? 'client' : 'server';
    case 'Finished':
    case 'ChangeCipherSpec': {
      if (d.finished.client + d.finished.server === 0) {
        // A full TLS 1.2 handshake: the client finishes first, after ServerHelloDone. TLS 1.3 and an
        // abbreviated (resumed) 1.2 handshake have no ServerHelloDone: the server finishes first.
        return tls13 || !d.serverHelloDone ? 'server' : 'client';
      }
      return d.finished.client > 0 ? 'server' : 'client';
    }
    default:
      return 'unknown';
  }
}

/** What the traced program is, from an event whose sender is certain. */
function learnSide(d: Draft, e: TraceEvent): void {
  if (d.side || !e.hsType) {
    return;
  }
  if (e.side) {
    d.side = e.side;
    return;
  }
  const fixed = FROM_CLIENT.has(e.hsType) ? 'client' : FROM_SERVER.has(e.hsType) ? 'server' : undefined;
  if (fixed && (e.dir === 'sent' || e.dir === 'received')) {
    d.side = (e.dir === 'sent') === (fixed === 'client') ? 'client' : 'server';
  }
}

/** Builds the connections of a trace from its events (in line order). */
export function buildConnections(events: readonly TraceEvent[]): BuiltConnection[] {
  const drafts: Draft[] = [];
  const open = new Map<string, Draft>();
  const keyCount = new Map<string, number>();
  let lastEventLine = -1;

  const start = (key: string, e: TraceEvent): Draft => {
    const n = (keyCount.get(key) ?? 0) + 1;
    keyCount.set(key, n);
    const base = e.connKey ?? (key === '///' ? 'connection' : key.replace(/^\/+|\/+$/g, ''));
    const d: Draft = {
      key,
      conn: {
        id: '',
        firstLine: e.line,
        lastLine: e.endLine,
        ...(e.job ? { job: e.job } : {}),
        ...(e.thread ? { thread: e.thread } : {}),
        protocol: null,
        cipher: null,
        outcome: 'unknown',
        messages: [],
        events: [],
        helloRetry: false,
        clientAuthRequested: false,
        clientCertSent: false,
        resumed: false,
      },
      finished: { client: 0, server: 0 },
      serverHelloDone: false,
      serverCertificate: false,
      failed: false,
      timeout: false,
      completed: false,
      summaryOk: false,
    };
    d.conn.id = e.connKey ? (n > 1 ? `${base}#${n}` : base) : `${base}#${n}`;
    drafts.push(d);
    open.set(key, d);
    return d;
  };

  events.forEach((e, index) => {
    lastEventLine = Math.max(lastEventLine, e.endLine);
    const key = e.connKey !== undefined ? `key:${e.connKey}` : streamOf(e);
    let d = open.get(key);
    const isHello = e.kind === 'handshake' && e.hsType === 'ClientHello';
    if (d && isHello) {
      const afterHrr = d.lastType === 'HelloRetryRequest';
      const hadHello = d.conn.messages.some((m) => m.type === 'ClientHello');
      if (!afterHrr && (d.failed || d.completed || (e.connKey === undefined && hadHello))) {
        d = undefined;
      }
    }
    if (!d) {
      if (e.kind === 'info') {
        return; // chatter outside any connection
      }
      d = start(key, e);
    }
    const c = d.conn;
    c.events.push(index);
    c.lastLine = Math.max(c.lastLine, e.endLine);
    if (!c.peer && e.peer) {
      c.peer = e.peer;
    }
    if (!c.job && e.job) {
      c.job = e.job;
    }
    if (!c.thread && e.thread) {
      c.thread = e.thread;
    }
    learnSide(d, e);

    let type: HandshakeType | 'Alert' | undefined;
    if (e.kind === 'handshake' && e.hsType) {
      type = e.hsType;
    } else if (e.kind === 'ccs') {
      type = 'ChangeCipherSpec';
    } else if (e.kind === 'alert') {
      type = 'Alert';
    }
    if (type) {
      const from = sender(d, e, type);
      const msg: HandshakeMessage = { line: e.line, from, type };
      if (e.alert) {
        msg.alert = e.alert;
      }
      c.messages.push(msg);
      d.lastType = type;
      d.lastHsLine = e.line;
      switch (type) {
        case 'ServerHello':
        case 'HelloRetryRequest':
          if (e.tlsVersion) {
            c.protocol = e.tlsVersion;
          }
          if (e.cipher) {
            c.cipher = e.cipher;
          }
          if (type === 'HelloRetryRequest') {
            c.helloRetry = true;
            c.protocol = 'TLSv1.3';
          }
          break;
        case 'EncryptedExtensions':
          c.protocol = 'TLSv1.3';
          break;
        case 'ServerHelloDone':
          d.serverHelloDone = true;
          break;
        case 'CertificateRequest':
          c.clientAuthRequested = true;
          break;
        case 'Certificate':
          if (from === 'server') {
            d.serverCertificate = true;
          } else if (from === 'client' && c.clientAuthRequested) {
            c.clientCertSent = true;
          }
          break;
        case 'Finished':
          if (from === 'server') {
            d.finished.server++;
            if (!d.serverCertificate) {
              c.resumed = true;
            }
          } else {
            d.finished.client++;
          }
          if (d.finished.client > 0 && d.finished.server > 0) {
            d.completed = true;
          }
          break;
        case 'Alert':
          if (isFailureAlert(e) && !d.failed) {
            d.failed = true;
            c.stopLine = e.line;
          }
          break;
        default:
          break;
      }
    } else if (e.kind === 'error') {
      if (TIMEOUT.test(e.text) && !d.failed) {
        d.timeout = true;
        c.stopLine ??= e.line;
      } else if (!d.failed) {
        d.failed = true;
        c.stopLine = e.line;
      }
    } else if (e.kind === 'summary') {
      if (e.tlsVersion && !c.protocol) {
        c.protocol = e.tlsVersion;
      }
      if (e.cipher && !/^\(?NONE\)?$/i.test(e.cipher)) {
        c.cipher ??= e.cipher;
        d.summaryOk = true;
      }
    }
  });

  for (const d of drafts) {
    const c = d.conn;
    const handshakeSeen = c.messages.some((m) => m.type !== 'Alert');
    if (d.failed) {
      c.outcome = 'failed';
    } else if (d.completed || d.summaryOk) {
      c.outcome = 'ok';
      c.stopLine ??= d.lastHsLine;
    } else if (d.timeout || (handshakeSeen && lastEventLine > c.lastLine)) {
      c.outcome = 'stalled';
      c.stopLine = d.lastHsLine;
    } else {
      c.outcome = 'unknown';
      c.stopLine ??= d.lastHsLine;
    }
    if (c.stopLine === undefined) {
      delete c.stopLine;
    }
  }
  return drafts.map((d) => d.conn);
}
