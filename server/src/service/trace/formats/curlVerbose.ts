// curl `-v` and `--trace-ascii` output (trace-formats.md §8): curl's OpenSSL callback lines
// `* TLSv1.3 (OUT), TLS handshake, Client hello (1):`, connection, summary, certificate and exit lines.
// curl is always the client. The version on a callback line is the record's, not the negotiated
// one (§8.2), so only `SSL connection using` gives the protocol; header/Unknown lines carry a record
// content type, never a handshake message; alert numbers are level × 256 + description.
import type { FormatParser, LineParser, TraceEvent, TraceLine } from '../types';
import { MAX_TEXT, alertNumbered, clip, handshakeTypeOfNumber } from './jsseCommon';
import { lineEvent } from './zosCommon';

const PREFIX = /^(?:\* |== Info: )/;
const TLS =
  /^(?:\* |== Info: )\s*(TLSv1(?:\.[0-3])?|SSLv[23]|\([0-9a-f]+\)) \((IN|OUT)\), TLS (handshake|alert|change cipher|app data|header|Unknown), (.*?) \((\d+)\):\s*$/;
const TLS_OLD =
  /^(?:\* |== Info: )\s*SSLv([23]), TLS (handshake|alert|change cipher|app data|Unknown), (.*?) \((\d+)\):\s*$/;
const CONNECTED = /^(?:\* |== Info: )Connected to (\S+)(?: \(([^)]+)\))? port (\d+)(?: \(#(\d+)\))?/;
const USING = /^(?:\* |== Info: )SSL connection using (\S+) \/ (\S+)/;
const VERIFY =
  /^(?:\* |== Info: )\s*SSL certificate verify (?:ok\.|result: (.*) \((\d+)\)(, continuing anyway\.)?)/;
const CLOSING = /^(?:\* |== Info: )(?:Closing connection|Connection #\d+ to host .* left intact)/;
const REUSE = /^(?:\* |== Info: )Re-using existing connection!? \(#(\d+)\)/;
const CERT_START = /^(?:\* |== Info: )Server certificate:\s*$/;
const CERT_FIELD = /^(?:\* |== Info: )\s+(subject|start date|expire date|subjectAltName|issuer):/;
const OSSL_ERROR = /^(?:\* |== Info: )\s*(?:[0-9A-F]+:)?error:[0-9A-F]{8}:/;
const EXIT = /^curl: \((\d+)\) (.*)$/;

class CurlParser implements LineParser {
  private key = 'curl:1';
  private seq = 0;
  private cert: TraceEvent | undefined;

  push(line: TraceLine, emit: (e: TraceEvent) => void): void {
    const text = clip(line.text).trimEnd();
    if (this.cert) {
      if (CERT_FIELD.test(text)) {
        this.cert.endLine = line.line;
        this.cert.text = `${this.cert.text} | ${text.replace(PREFIX, '').trim()}`.slice(0, MAX_TEXT);
        return;
      }
      emit(this.cert);
      this.cert = undefined;
    }
    const ev = (kind: TraceEvent['kind']): TraceEvent =>
      lineEvent(
        'curl-verbose',
        line,
        text,
        { kind, side: 'client', connKey: this.key },
        text.replace(PREFIX, '').trim(),
      );
    const tls = TLS.exec(text);
    const old = tls ? null : TLS_OLD.exec(text);
    if (tls || old) {
      const rt = tls ? tls[3] : old![2];
      const num = Number(tls ? tls[5] : old![4]);
      const e = ev('record');
      if (tls) {
        e.dir = tls[2] === 'OUT' ? 'sent' : 'received';
      }
      if (rt === 'handshake') {
        const hsType = handshakeTypeOfNumber(num);
        if (hsType) {
          e.kind = 'handshake';
          e.hsType = hsType;
        }
      } else if (rt === 'change cipher') {
        e.kind = 'ccs';
      } else if (rt === 'alert') {
        e.kind = 'alert';
        // §8.2: level × 256 + description; older curl printed only the level (1 or 2).
        const level = num >> 8 || num;
        const lv = level === 2 ? 'fatal' : level === 1 ? 'warning' : undefined;
        e.alert = num >= 256 ? alertNumbered(num & 0xff, lv) : lv ? { level: lv } : {};
      }
      emit(e);
      return;
    }
    const conn = CONNECTED.exec(text);
    if (conn) {
      this.key = conn[4] !== undefined ? `curl:#${conn[4]}` : `curl:${++this.seq}`;
      const e = ev('state');
      e.connKey = this.key;
      e.peer = `${conn[1]}${conn[2] ? ` (${conn[2]})` : ''}:${conn[3]}`;
      emit(e);
      return;
    }
    const reuse = REUSE.exec(text);
    if (reuse) {
      this.key = `curl:#${reuse[1]}`;
      const e = ev('state');
      e.connKey = this.key;
      emit(e);
      return;
    }
    const using = USING.exec(text);
    if (using) {
      const e = ev('summary');
      e.tlsVersion = using[1];
      e.cipher = using[2]; // OpenSSL's name, as written
      emit(e);
      return;
    }
    if (CERT_START.test(text)) {
      this.cert = ev('cert');
      return;
    }
    const verify = VERIFY.exec(text);
    if (verify) {
      // `continuing anyway` = -k: the failed check did not stop the handshake.
      emit(ev(verify[1] !== undefined && !verify[3] ? 'error' : 'cert'));
      return;
    }
    if (OSSL_ERROR.test(text) || EXIT.test(text)) {
      const e = ev('error');
      e.dir = 'local';
      emit(e);
      return;
    }
    if (CLOSING.test(text)) {
      emit(ev('state'));
    }
  }

  end(emit: (e: TraceEvent) => void): void {
    if (this.cert) {
      emit(this.cert);
      this.cert = undefined;
    }
  }
}

export const curlVerboseParser: FormatParser = {
  format: 'curl-verbose',
  create: () => new CurlParser(),
};
