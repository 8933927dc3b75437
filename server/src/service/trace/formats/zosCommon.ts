// Pieces the three z/OS trace parsers share (gsk-ctrace, systcpip-ctrace, attls-syslog): codes of a
// line through the shared recogniser, the IPCS CTRACE record header, and reading the TLS records that
// AT-TLS data messages carry as hex. Knowledge (alert, handshake, version and suite names) comes
// from the reference tables; nothing here has a table of its own.
import { recogniseLine } from '../../codes/recognise';
import { cipherByCode } from '../../knowledge/attlsKeywords';
import { alertByValue, handshakeTypeByValue, protocolVersionByValue } from '../../knowledge/codes';
import type { HandshakeType, TraceAlert, TraceCode, TraceLine } from '../types';

/** Characters of one physical line a z/OS parser looks at: IPCS and syslog records are short. */
export const MAX_LINE = 8_192;

/** The line without its blank padding, cut to MAX_LINE. */
export function lineText(line: TraceLine): string {
  const t = line.text.length > MAX_LINE ? line.text.slice(0, MAX_LINE) : line.text;
  return t.trimEnd();
}

/** Codes recognised in `text` (one line, or the part of it given), offsets shifted by `offset`. */
export function codesOf(text: string, line: number, offset = 0): TraceCode[] {
  return recogniseLine(text).map((m) => ({
    id: m.entry.id,
    text: m.text,
    line,
    start: m.start + offset,
    end: m.end + offset,
  }));
}

/**
 * IPCS CTRACE record header, `SYSNAME MNEMONIC ENTRY-ID hh:mm:ss.uuuuuu DESCRIPTION`
 * (trace-formats.md §3.3/§4.2). A leading number is a documentation callout; system names are
 * upper case on z/OS, but redacted copies (`xxxx`) are not.
 */
export const CTRACE_HEADER =
  /^\s*(?:\d+\s+)?([A-Za-z0-9$#@]{1,8})\s+([A-Z0-9$#@]{1,8})\s+([0-9A-F]{8})\s+(\d{2}:\d{2}:\d{2}\.\d{6})\s+(\S.*?)\s*$/;

export interface CtraceHeader {
  sys: string;
  mnemonic: string;
  entryId: string;
  time: string;
  desc: string;
}

export function ctraceHeader(text: string): CtraceHeader | undefined {
  const m = CTRACE_HEADER.exec(text);
  return m ? { sys: m[1], mnemonic: m[2], entryId: m[3], time: m[4], desc: m[5] } : undefined;
}

/** `**** 11/14/2005` (MM/DD/YYYY) in the IPCS banner: the date of the records that follow. */
const BANNER_DATE = /^\s*\*{4}\s+(\d{2})\/(\d{2})\/(\d{4})\s*$/;

export function bannerDate(text: string): string | undefined {
  const m = BANNER_DATE.exec(text);
  return m ? `${m[3]}-${m[1]}-${m[2]}` : undefined;
}

/** Naive ISO time (the IPCS session decides local or GMT; the file does not say). */
export function isoOf(date: string | undefined, time: string): string | undefined {
  return date ? `${date}T${time}` : undefined;
}

// ---------------------------------------------------------------------------------------------
// TLS records in hex (AT-TLS EZD1285I data; trace-formats.md §5.4, record layout §10.3)

export interface TlsItem {
  kind: 'handshake' | 'ccs' | 'alert' | 'record';
  /** For a ServerHello, the version it selects (record-layer versions are legacy values, not kept). */
  tlsVersion?: string;
  hsType?: HandshakeType;
  alert?: TraceAlert;
  cipher?: string;
  /** Record content type number, for records that are neither handshake, CCS nor clear alert. */
  contentType?: number;
}

const HANDSHAKE_NAMES = new Set<string>([
  'HelloRequest',
  'ClientHello',
  'ServerHello',
  'NewSessionTicket',
  'EndOfEarlyData',
  'EncryptedExtensions',
  'Certificate',
  'ServerKeyExchange',
  'CertificateRequest',
  'ServerHelloDone',
  'CertificateVerify',
  'ClientKeyExchange',
  'Finished',
  'CertificateStatus',
  'KeyUpdate',
]);

/** `client_hello` (codes.json handshakeTypes) → `ClientHello`. */
function handshakeName(n: number): HandshakeType | undefined {
  const e = handshakeTypeByValue(n);
  const snake = e?.forms.find((f) => /^[a-z]+(?:_[a-z]+)*$/.test(f));
  const name = snake?.replace(/(?:^|_)([a-z])/g, (_, c: string) => c.toUpperCase());
  return name && HANDSHAKE_NAMES.has(name) ? (name as HandshakeType) : undefined;
}

export function versionName(n: number): string | undefined {
  return protocolVersionByValue(n)?.forms.find((f) => /^(?:TLSv1(?:\.\d)?|SSLv\d)$/.test(f));
}

export function alertOf(level: number, desc: number): TraceAlert {
  const e = alertByValue(desc);
  const name = e?.forms.find((f) => /^[a-z]+(?:_[a-z0-9]+)+$|^[a-z]+$/.test(f));
  return {
    ...(level === 1 ? { level: 'warning' as const } : level === 2 ? { level: 'fatal' as const } : {}),
    ...(name ? { description: name } : {}),
    code: desc,
  };
}

/** RFC 8446 §4.1.3: a ServerHello with this random is a HelloRetryRequest. */
const HRR_RANDOM = 'CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C';

function hexOf(b: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < to && i < b.length; i++) {
    s += b[i].toString(16).padStart(2, '0');
  }
  return s.toUpperCase();
}

/** ServerHello body: HRR or not, the suite chosen and the version it selects (supported_versions). */
function readServerHello(b: Uint8Array, at: number, end: number): Partial<TlsItem> {
  const out: Partial<TlsItem> = {};
  if (at + 2 > end) {
    return out;
  }
  // TLS 1.2 and older: legacy_version is the version chosen; TLS 1.3 overrides it in extension 43.
  const legacy = versionName((b[at] << 8) | b[at + 1]);
  if (legacy) {
    out.tlsVersion = legacy;
  }
  let p = at + 2;
  if (p + 32 > end) {
    return out;
  }
  if (hexOf(b, p, p + 32) === HRR_RANDOM) {
    out.hsType = 'HelloRetryRequest';
  }
  p += 32;
  if (p >= end) {
    return out;
  }
  p += 1 + b[p]; // session id
  if (p + 2 > end) {
    return out;
  }
  const suite = hexOf(b, p, p + 2);
  out.cipher = cipherByCode(suite)?.name ?? `0x${suite}`;
  p += 3; // suite + compression
  if (p + 2 > end) {
    return out;
  }
  const extEnd = Math.min(end, p + 2 + ((b[p] << 8) | b[p + 1]));
  p += 2;
  while (p + 4 <= extEnd) {
    const type = (b[p] << 8) | b[p + 1];
    const len = (b[p + 2] << 8) | b[p + 3];
    if (type === 43 && len === 2 && p + 6 <= extEnd) {
      out.tlsVersion = versionName((b[p + 4] << 8) | b[p + 5]);
    }
    p += 4 + len;
  }
  return out;
}

/** Hex digits to bytes (an odd last digit is dropped: the capture cut it). */
export function bytesOfHex(hex: string): Uint8Array {
  const n = hex.length >> 1;
  const b = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    b[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  }
  return b;
}

/** Most items read from one data message: a record holds a few handshake messages at most. */
const MAX_ITEMS = 64;

/**
 * The TLS records in `b` as handshake messages, CCS, clear alerts or other records. A record or
 * message cut short by the capture still yields what its header says; nothing past the end is
 * read; alerts longer than two bytes are encrypted and stay plain records.
 */
export function readTlsRecords(b: Uint8Array): TlsItem[] {
  const items: TlsItem[] = [];
  let p = 0;
  while (p + 5 <= b.length && items.length < MAX_ITEMS) {
    const type = b[p];
    if (type < 20 || type > 24 || b[p + 1] !== 3) {
      break; // not a TLS record header: stop rather than guess
    }
    const len = (b[p + 3] << 8) | b[p + 4];
    const body = p + 5;
    const end = Math.min(b.length, body + len);
    if (type === 20) {
      items.push({ kind: 'ccs' });
    } else if (type === 21 && len === 2 && end - body === 2) {
      items.push({ kind: 'alert', alert: alertOf(b[body], b[body + 1]) });
    } else if (type === 22) {
      let q = body;
      while (q + 4 <= end && items.length < MAX_ITEMS) {
        const hsType = handshakeName(b[q]);
        const hsLen = (b[q + 1] << 16) | (b[q + 2] << 8) | b[q + 3];
        if (!hsType) {
          // An encrypted Finished after CCS (TLS 1.2) looks like a handshake record with no known type.
          items.push({ kind: 'record', contentType: type });
          break;
        }
        const item: TlsItem = { kind: 'handshake', hsType };
        if (hsType === 'ServerHello') {
          Object.assign(item, readServerHello(b, q + 4, Math.min(end, q + 4 + hsLen)));
        }
        items.push(item);
        q += 4 + hsLen;
      }
    } else {
      items.push({ kind: 'record', contentType: type });
    }
    p = body + len;
  }
  return items;
}
