// `openssl s_client` (and s_server) output in its modes (trace-formats.md §9): plain, `-state`,
// `-msg`, `-trace`, `-debug`, and OpenSSL error lines. One connection per run (`CONNECTED(fd)`);
// s_client is the client, `SSL_accept:` / `ACCEPT` make the run a server's. `-trace` handshake
// messages are emitted when their record ends, so ClientHello offers and the ServerHello suite
// listed under them are on the event.
import type { FormatParser, LineParser, TraceEvent, TraceLine } from '../types';
import { alertNamed, alertNumbered, clip, handshakeTypeOf } from './jsseCommon';
import { lineEvent } from './zosCommon';

const CONNECTED = /^CONNECTED\(([0-9A-Fa-f]+)\)\s*$/;
const ACCEPT = /^ACCEPT\s*$/;
const STATE = /^(SSL_connect|SSL_accept|undefined):(?:(failed|error) in )?(.+)$/;
const STATE_MSG = /\b(read|write) (?:server |client )?(.+?)\s*$/;
const ALERT_CB = /^SSL3 alert (read|write):(fatal|warning):(.+)$/;
const MSG =
  /^(>>>|<<<) (TLS 1\.[0-3]|SSL 3\.0|SSL 2\.0|DTLS 1\.[0-2]|\?\?\?)(?:, (Handshake|Alert|ChangeCipherSpec|ApplicationData|RecordHeader|InnerContent|Heartbeat|Unknown \(content_type=\d+\)))? \[length ([0-9a-f]{4,})\](?:, ([A-Za-z]+)(?: (\S+))?)?\s*$/;
const TRACE_REC = /^(Sent|Received) Record\s*$/;
const TRACE_HS = /^\s{4}([A-Za-z][A-Za-z_]*), Length=(\d+)\s*$/;
const TRACE_ALERT = /^\s{4}Level=(\w+)\((\d+)\), description=(.+)\((\d+)\)\s*$/;
const TRACE_CCS = /^\s{4}change_cipher_spec \(1\)\s*$/;
const TRACE_SUITE = /^\s+(?:cipher_suite )?\{0x([0-9A-Fa-f]{2}), 0x([0-9A-Fa-f]{2})\} (\S+)\s*$/;
const ERROR =
  /(?:^|\s)(?:(?:[0-9A-F]+|\d+):)?error:([0-9A-F]{8}):([^:]*):([^:]*):([^:]+)(?::([^:]+):(\d+):(.*))?$/;
const ALERT_NUMBER = /SSL alert number (\d+)/;
/** OpenSSL reason texts of a received alert (`sslv3 alert handshake failure`, `tlsv13 alert ...`). */
const RECEIVED_REASON = /^(?:sslv3|tlsv1|tlsv13) alert /;
const VERIFY = /^\s*(?:verify error:num=\d+:|Verify return code: \d+ \()/;
const NEW = /^\s*(New|Reused), (TLSv1(?:\.[0-3])?|SSLv3|\(NONE\)), Cipher is (\S+)\s*$/;

class OpensslParser implements LineParser {
  private run = 0;
  private events = 0;
  private side: 'client' | 'server' = 'client';
  /** -trace: direction of the record being printed, and its handshake message waiting for its body. */
  private recDir: 'sent' | 'received' | undefined;
  private hs: TraceEvent | undefined;

  push(line: TraceLine, emit: (e: TraceEvent) => void): void {
    const text = clip(line.text).trimEnd();
    const ev = (kind: TraceEvent['kind'], dir?: TraceEvent['dir']): TraceEvent => {
      this.events++;
      const where = { kind, side: this.side, connKey: `openssl:${this.run || 1}` };
      return lineEvent('openssl-s_client', line, text, dir ? { ...where, dir } : where, text.trim());
    };
    if (this.hs) {
      const suite = TRACE_SUITE.exec(text);
      if (/^\s{5,}\S/.test(text)) {
        this.hs.endLine = line.line;
        if (suite && this.hs.hsType === 'ClientHello') {
          this.hs.offer = { ciphers: [...(this.hs.offer?.ciphers ?? []), suite[3]].slice(0, 512) };
        } else if (suite && this.hs.hsType === 'ServerHello') {
          this.hs.cipher = suite[3];
        }
        return;
      }
      emit(this.hs);
      this.hs = undefined;
    }
    if (CONNECTED.test(text) || ACCEPT.test(text)) {
      this.run++;
      this.side = ACCEPT.test(text) ? 'server' : 'client';
      emit(ev('state'));
      return;
    }
    const rec = TRACE_REC.exec(text);
    if (rec) {
      this.recDir = rec[1] === 'Sent' ? 'sent' : 'received';
      return;
    }
    const ths = TRACE_HS.exec(text);
    if (ths && this.recDir) {
      const hsType = handshakeTypeOf(ths[1]);
      if (hsType) {
        const e = ev('handshake', this.recDir);
        e.hsType = hsType;
        this.hs = e;
      }
      return;
    }
    if (TRACE_CCS.test(text)) {
      // An excerpt may start inside a record: the CCS is still one, its direction unknown.
      emit(ev('ccs', this.recDir));
      return;
    }
    const tal = TRACE_ALERT.exec(text);
    if (tal && this.recDir) {
      const e = ev('alert', this.recDir);
      const lv = tal[1] === 'fatal' || tal[1] === 'warning' ? tal[1] : undefined;
      e.alert = { ...alertNamed(tal[3], lv), code: Number(tal[4]) };
      emit(e);
      return;
    }
    const state = STATE.exec(text);
    if (state) {
      if (state[1] === 'SSL_accept') {
        this.side = 'server';
      }
      const e = ev(state[2] ? 'error' : 'state');
      const sm = state[2] ? null : STATE_MSG.exec(state[3]);
      const name = sm?.[2].replace(/^(?:TLSv1\.3|SSLv3\/TLS) /, '');
      const hsType = name ? handshakeTypeOf(name) : undefined;
      if (sm && hsType) {
        e.dir = sm[1] === 'write' ? 'sent' : 'received';
        if (hsType === 'ChangeCipherSpec') {
          e.kind = 'ccs';
        } else {
          e.kind = 'handshake';
          e.hsType = hsType;
        }
      } else if (state[2]) {
        e.dir = 'local';
      }
      emit(e);
      return;
    }
    const acb = ALERT_CB.exec(text);
    if (acb) {
      const e = ev('alert', acb[1] === 'read' ? 'received' : 'sent');
      e.alert = alertNamed(acb[3], acb[2] as 'fatal' | 'warning');
      emit(e);
      return;
    }
    const msg = MSG.exec(text);
    if (msg) {
      const dir = msg[1] === '>>>' ? 'sent' : 'received';
      const ct = msg[3];
      const e = ev('record', dir);
      if (ct === 'Handshake' && msg[5] && handshakeTypeOf(msg[5])) {
        e.kind = 'handshake';
        e.hsType = handshakeTypeOf(msg[5]);
      } else if (ct === 'ChangeCipherSpec') {
        e.kind = 'ccs';
      } else if (ct === 'Alert' && msg[5]) {
        e.kind = 'alert';
        const lv = msg[5] === 'fatal' || msg[5] === 'warning' ? msg[5] : undefined;
        e.alert = msg[6] ? alertNamed(msg[6], lv) : lv ? { level: lv } : {};
      }
      emit(e);
      return;
    }
    const err = ERROR.exec(text);
    if (err) {
      const num = ALERT_NUMBER.exec(text);
      if (num || RECEIVED_REASON.test(err[4])) {
        // ssl3_read_bytes reports a fatal alert the peer sent (§9.2).
        const e = ev('alert', 'received');
        e.alert = num
          ? alertNumbered(Number(num[1]), 'fatal')
          : alertNamed(err[4].replace(RECEIVED_REASON, ''), 'fatal');
        emit(e);
      } else {
        emit(ev('error', 'local'));
      }
      return;
    }
    if (VERIFY.test(text)) {
      emit(ev('cert'));
      return;
    }
    const neu = NEW.exec(text);
    if (neu) {
      const e = ev('summary');
      if (neu[2] !== '(NONE)') {
        e.tlsVersion = neu[2];
      }
      if (neu[3] !== '(NONE)') {
        e.cipher = neu[3]; // OpenSSL's name, as written
      }
      emit(e);
    }
  }

  end(emit: (e: TraceEvent) => void): void {
    if (this.hs) {
      emit(this.hs);
      this.hs = undefined;
    }
  }
}

export const opensslSClientParser: FormatParser = {
  format: 'openssl-s_client',
  create: () => new OpensslParser(),
};
