// Pieces the three z/OS trace parsers share (gsk-ctrace, systcpip-ctrace, attls-syslog): codes of a
// line through the shared recogniser, the IPCS CTRACE record header, and reading the TLS records that
// AT-TLS data messages carry as hex. Knowledge (alert, handshake, version and suite names) comes
// from the reference tables; nothing here has a table of its own.
import { recogniseLine } from '../../codes/recognise';
import { NAMED_GROUPS, cipherByCode } from '../../knowledge/attlsKeywords';
import { signaturePairByCode } from '../../knowledge/cipherInfo';
import { alertByValue, protocolVersionByValue } from '../../knowledge/codes';
import { MAX_TEXT, handshakeTypeOfNumber } from './jsseCommon';
import type {
  HandshakeType,
  TraceAlert,
  TraceCode,
  TraceEvent,
  TraceFormat,
  TraceLine,
  TraceOffer,
} from '../types';

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
 * The event of one line (curl -v, openssl s_client): `text` cut to MAX_TEXT, and the codes that
 * `scanned` (the whole line, prefix included) carries.
 */
export function lineEvent(
  format: TraceFormat,
  line: TraceLine,
  scanned: string,
  fields: Omit<TraceEvent, 'format' | 'line' | 'endLine' | 'text' | 'codes'>,
  text: string,
): TraceEvent {
  const e: TraceEvent = {
    format,
    line: line.line,
    endLine: line.line,
    ...fields,
    text: text.slice(0, MAX_TEXT),
  };
  const codes = codesOf(scanned, line.line);
  if (codes.length > 0) {
    e.codes = codes;
  }
  return e;
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

/** Text kept from one physical line, and where it starts there (code ranges are line offsets). */
export interface LinePart {
  text: string;
  line: number;
  col: number;
}

/** Codes of each part, in order. */
export function codesOfParts(parts: readonly LinePart[]): TraceCode[] {
  return parts.flatMap((p) => codesOf(p.text, p.line, p.col));
}

/** A callout number before a line: documentation copies number their lines, real output does not. */
export const CTRACE_CALLOUT = /^\s*\d+\s+(?=\S)/;
/** Detail lines kept per CTRACE record (a dump can be long; the record's range still covers all of it). */
export const MAX_CTRACE_DETAILS = 64;
/** Characters of a CTRACE record put into its event's `text`. */
const MAX_CTRACE_TEXT = 2_000;

/** A CTRACE detail line as kept: without its callout (when the record has them) and leading blanks. */
export function ctraceDetail(text: string, line: number, callouts: boolean): LinePart {
  const stripped = callouts ? text.replace(CTRACE_CALLOUT, '') : text;
  const kept = stripped.trimStart();
  return { text: kept, line, col: text.length - kept.length };
}

/** A CTRACE record: its header, where it is, and the date of the IPCS banner before it. */
export interface CtraceRecord {
  head: CtraceHeader;
  line: number;
  endLine: number;
  date?: string;
}

/** What every CTRACE record's event says: where, when, on which system; `text` cut to size. */
export function ctraceEvent(
  format: TraceFormat,
  rec: CtraceRecord,
  kind: TraceEvent['kind'],
  text: string,
): TraceEvent {
  const iso = isoOf(rec.date, rec.head.time);
  return {
    format,
    line: rec.line,
    endLine: rec.endLine,
    time: { text: rec.head.time, ...(iso ? { iso } : {}) },
    system: rec.head.sys,
    kind,
    text: text.slice(0, MAX_CTRACE_TEXT),
  };
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
  /** What a ClientHello offers (GREASE values left out). */
  offer?: TraceOffer;
  /** A ClientHello's server_name (SNI). */
  serverName?: string;
  /** The record was protected: its content cannot be read (only with a TlsStreamState). */
  encrypted?: boolean;
  /** The record's length field (only with a TlsStreamState): short encrypted records are alerts. */
  length?: number;
}

/**
 * What one direction of a TLS stream has shown so far, for callers that see a whole stream
 * (packet captures): handshake messages split over records are joined, and once the sender's
 * ChangeCipherSpec has gone by its handshake records are known to be encrypted.
 */
export interface TlsStreamState {
  /** The start of a handshake message whose remaining bytes are in later records. */
  pending?: Uint8Array;
  /** The sender's ChangeCipherSpec was seen. */
  ccs?: boolean;
  /** Encrypted handshake records seen after the CCS (the first is the TLS 1.2 Finished). */
  encryptedHandshakes?: number;
}

/** Handshake type number to name: the shared lookup (12, 14, 16, 22 included). */
const handshakeName = handshakeTypeOfNumber;

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

/** Items kept from one offered list. */
const MAX_OFFERED = 512;

/** RFC 8701 GREASE values (0x0A0A, 0x1A1A, … 0xFAFA) are noise a client adds, not offers. */
const isGrease = (n: number): boolean => (n & 0x0f0f) === 0x0a0a && n >> 8 === (n & 0xff);

/** Big-endian u16 at b[i]. */
const u16 = (b: Uint8Array, i: number): number => (b[i] << 8) | b[i + 1];

/**
 * Where a hello's fields after the session id start, from `p` at its session id length; undefined
 * when the body ends first (no room for the u16 that follows).
 */
function afterSessionId(b: Uint8Array, p: number, end: number): number | undefined {
  if (p >= end) {
    return undefined;
  }
  const q = p + 1 + b[p];
  return q + 2 > end ? undefined : q;
}

/**
 * The extensions of a hello whose u16 list length is at `p` (RFC 8446 §4.2): each one's type, the
 * start and end of its data (cut at `end`), and the length its header gives.
 */
function forEachExtension(
  b: Uint8Array,
  p: number,
  end: number,
  visit: (type: number, d: number, dEnd: number, len: number) => void,
): void {
  const extEnd = Math.min(end, p + 2 + u16(b, p));
  for (let q = p + 2; q + 4 <= extEnd;) {
    const len = u16(b, q + 2);
    const d = q + 4;
    visit(u16(b, q), d, Math.min(extEnd, d + len), len);
    q = d + len;
  }
}

const hex4 = (n: number): string => n.toString(16).toUpperCase().padStart(4, '0');

/** u16 values of a list in b[from, to), GREASE left out, named by `name`. */
function u16List(b: Uint8Array, from: number, to: number, name: (n: number) => string): string[] {
  const out: string[] = [];
  for (let i = from; i + 2 <= to && out.length < MAX_OFFERED; i += 2) {
    const n = (b[i] << 8) | b[i + 1];
    if (!isGrease(n)) {
      out.push(name(n));
    }
  }
  return out;
}

const suiteName = (n: number): string => cipherByCode(hex4(n))?.name ?? `0x${hex4(n)}`;
const groupName = (n: number): string =>
  NAMED_GROUPS.find((g) => g.iana_hex.toUpperCase() === `0X${hex4(n)}`)?.name ?? `0x${hex4(n)}`;
const schemeName = (n: number): string => signaturePairByCode(hex4(n))?.name ?? `0x${hex4(n)}`;
const versionOrHex = (n: number): string => versionName(n) ?? `0x${hex4(n)}`;

/**
 * ClientHello body (RFC 8446 §4.1.2, trace-formats.md §10.3): suites, and from the extensions the
 * versions (43), groups (10), signature schemes (13) and server name (0). A body cut short yields
 * the lists read so far.
 */
function readClientHello(b: Uint8Array, at: number, end: number): Partial<TlsItem> {
  const offer: TraceOffer = {};
  const out: Partial<TlsItem> = { offer };
  if (at + 2 > end) {
    return out;
  }
  offer.versions = [versionOrHex(u16(b, at))];
  let p = afterSessionId(b, at + 2 + 32, end);
  if (p === undefined) {
    return out;
  }
  const suitesEnd = p + 2 + u16(b, p);
  offer.ciphers = u16List(b, p + 2, Math.min(end, suitesEnd), suiteName);
  p = afterSessionId(b, suitesEnd, end); // the compression methods, framed as the session id is
  if (p === undefined) {
    return out;
  }
  forEachExtension(b, p, end, (type, d, dEnd) => {
    if (type === 43 && d < dEnd) {
      const versions = u16List(b, d + 1, Math.min(dEnd, d + 1 + b[d]), versionOrHex);
      if (versions.length > 0) {
        offer.versions = versions;
      }
    } else if (type === 10 && d + 2 <= dEnd) {
      offer.groups = u16List(b, d + 2, Math.min(dEnd, d + 2 + u16(b, d)), groupName);
    } else if (type === 13 && d + 2 <= dEnd) {
      offer.signatureSchemes = u16List(b, d + 2, Math.min(dEnd, d + 2 + u16(b, d)), schemeName);
    } else if (type === 0 && d + 5 <= dEnd && b[d + 2] === 0) {
      const nameEnd = Math.min(dEnd, d + 5 + u16(b, d + 3));
      out.serverName = String.fromCharCode(...b.subarray(d + 5, Math.min(nameEnd, d + 5 + 255)));
    }
  });
  return out;
}

/** ServerHello body: HRR or not, the suite chosen and the version it selects (supported_versions). */
function readServerHello(b: Uint8Array, at: number, end: number): Partial<TlsItem> {
  const out: Partial<TlsItem> = {};
  if (at + 2 > end) {
    return out;
  }
  // TLS 1.2 and older: legacy_version is the version chosen; TLS 1.3 overrides it in extension 43.
  const legacy = versionName(u16(b, at));
  if (legacy) {
    out.tlsVersion = legacy;
  }
  const random = at + 2;
  if (random + 32 > end) {
    return out;
  }
  if (hexOf(b, random, random + 32) === HRR_RANDOM) {
    out.hsType = 'HelloRetryRequest';
  }
  const p = afterSessionId(b, random + 32, end);
  if (p === undefined) {
    return out;
  }
  const suite = hexOf(b, p, p + 2);
  out.cipher = cipherByCode(suite)?.name ?? `0x${suite}`;
  if (p + 3 + 2 > end) {
    return out; // no extensions after the suite and the compression method
  }
  forEachExtension(b, p + 3, end, (type, d, dEnd, len) => {
    if (type === 43 && len === 2 && dEnd - d === 2) {
      out.tlsVersion = versionName(u16(b, d));
    }
  });
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

/** One handshake message whose header starts at q; its body may be cut short at `end`. */
function readHandshake(b: Uint8Array, q: number, end: number): TlsItem | undefined {
  const hsType = handshakeName(b[q]);
  if (!hsType) {
    return undefined;
  }
  const hsLen = (b[q + 1] << 16) | (b[q + 2] << 8) | b[q + 3];
  const item: TlsItem = { kind: 'handshake', hsType };
  const bodyEnd = Math.min(end, q + 4 + hsLen);
  if (hsType === 'ServerHello') {
    Object.assign(item, readServerHello(b, q + 4, bodyEnd));
  } else if (hsType === 'ClientHello') {
    Object.assign(item, readClientHello(b, q + 4, bodyEnd));
  }
  return item;
}

/** True when the handshake messages in b[from, to) fill it exactly, each of a known type. */
function fillsExactly(b: Uint8Array, from: number, to: number): boolean {
  let q = from;
  while (q + 4 <= to) {
    if (!handshakeName(b[q])) {
      return false;
    }
    q += 4 + ((b[q + 1] << 16) | (b[q + 2] << 8) | b[q + 3]);
  }
  return q === to;
}

/** Bytes of one handshake message kept while waiting for its remaining records (certificate chains). */
const MAX_PENDING = 262_144;

/**
 * A handshake record's fragment read with a stream's state: joined to the message begun earlier,
 * whole messages read, the start of an unfinished one kept for the next record. A record cut short
 * by the capture ends the message it holds (what its header says is still read).
 */
function readHandshakeFragment(
  b: Uint8Array,
  body: number,
  end: number,
  cut: boolean,
  state: TlsStreamState,
  items: TlsItem[],
): void {
  let buf = b.subarray(body, end);
  if (state.pending) {
    const joined = new Uint8Array(state.pending.length + buf.length);
    joined.set(state.pending);
    joined.set(buf, state.pending.length);
    buf = joined;
    delete state.pending;
  }
  let q = 0;
  while (q + 4 <= buf.length && items.length < MAX_ITEMS) {
    const hsLen = (buf[q + 1] << 16) | (buf[q + 2] << 8) | buf[q + 3];
    if (q + 4 + hsLen > buf.length && !cut) {
      break; // the rest comes in the next record
    }
    const item = readHandshake(buf, q, buf.length);
    if (!item) {
      items.push({ kind: 'record', contentType: 22 });
      return; // not a handshake message: nothing after it can be framed
    }
    items.push(item);
    q += 4 + hsLen;
  }
  if (q < buf.length && !cut) {
    const rest = buf.subarray(q);
    // A message too long to wait for is read from its start when the next record arrives instead.
    state.pending = rest.length > MAX_PENDING ? rest.slice(0, MAX_PENDING) : rest.slice();
  }
}

/**
 * The TLS records in `b` as handshake messages, CCS, clear alerts or other records. A record or
 * message cut short by the capture still yields what its header says; nothing past the end is
 * read; alerts longer than two bytes are encrypted and stay plain records.
 *
 * With a `state` (one per direction of a stream, kept between calls), handshake messages split
 * over records are joined and packed ones all read, and after the sender's ChangeCipherSpec its
 * handshake records are encrypted (the first is the TLS 1.2 Finished) unless they parse exactly as
 * clear messages (the ClientHello that follows a HelloRetryRequest after a middlebox CCS).
 */
export function readTlsRecords(b: Uint8Array, state?: TlsStreamState): TlsItem[] {
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
    const at = items.length;
    if (type === 20) {
      items.push({ kind: 'ccs' });
      if (state) {
        state.ccs = true;
        delete state.pending;
      }
    } else if (type === 21 && len === 2 && end - body === 2) {
      items.push({ kind: 'alert', alert: alertOf(b[body], b[body + 1]) });
    } else if (type === 22 && state?.ccs && !(end === body + len && fillsExactly(b, body, end))) {
      const n = (state.encryptedHandshakes = (state.encryptedHandshakes ?? 0) + 1);
      items.push(
        n === 1
          ? { kind: 'handshake', hsType: 'Finished', encrypted: true }
          : { kind: 'record', contentType: 22, encrypted: true },
      );
    } else if (type === 22 && state) {
      readHandshakeFragment(b, body, end, end < body + len, state, items);
    } else if (type === 22) {
      let q = body;
      while (q + 4 <= end && items.length < MAX_ITEMS) {
        const item = readHandshake(b, q, end);
        if (!item) {
          // An encrypted Finished after CCS (TLS 1.2) looks like a handshake record with no known type.
          items.push({ kind: 'record', contentType: type });
          break;
        }
        items.push(item);
        q += 4 + ((b[q + 1] << 16) | (b[q + 2] << 8) | b[q + 3]);
      }
    } else {
      items.push({
        kind: 'record',
        contentType: type,
        ...(state && (type === 21 || type === 23) ? { encrypted: true } : {}),
      });
    }
    if (state) {
      for (let i = at; i < items.length; i++) {
        items[i].length = len;
      }
    }
    p = body + len;
  }
  return items;
}
