// Pieces the Java and client-tool trace parsers share (jsse-debug, liberty-trace, curl-verbose,
// openssl-s_client): handshake message names as each tool spells them, alert names, suite names and
// lists that the capture may have cut. Names and numbers come from the reference tables
// (knowledge/codes.ts, attlsKeywords.ts); nothing here has a table of its own beyond spellings.
import { cipherByName } from '../../knowledge/attlsKeywords';
import { alertByName, alertByValue, handshakeTypeByValue } from '../../knowledge/codes';
import type { HandshakeType, TraceAlert } from '../types';

/** Characters of one physical line these parsers look at (JSSE cipher lists run to a few KB). */
export const MAX_LINE = 65_536;
/** Characters of an event's `text`. */
export const MAX_TEXT = 2_000;
/** Items kept from one offered list (suites, groups, versions). */
const MAX_ITEMS = 512;

export function clip(text: string): string {
  return text.length > MAX_LINE ? text.slice(0, MAX_LINE) : text;
}

const HS_TYPES: readonly HandshakeType[] = [
  'HelloRequest',
  'ClientHello',
  'ServerHello',
  'HelloRetryRequest',
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
  'ChangeCipherSpec',
];

const squash = (s: string): string => s.toLowerCase().replace(/[^a-z]/g, '');

/**
 * Spellings of the tools beside the RFC names: JDK 8 `Certificate chain`, `ECDH ServerKeyExchange`,
 * `ECDHClientKeyExchange`, openssl -state `server done`, `session ticket`, `certificate request`,
 * curl `Request CERT`, `Server finished` (= ServerHelloDone), `CERT verify`.
 */
const ALIASES: Record<string, HandshakeType> = {
  certificatechain: 'Certificate',
  servercertificate: 'Certificate',
  clientcertificate: 'Certificate',
  ecdhserverkeyexchange: 'ServerKeyExchange',
  diffiehellmanserverkeyexchange: 'ServerKeyExchange',
  ecdhclientkeyexchange: 'ClientKeyExchange',
  rsaclientkeyexchange: 'ClientKeyExchange',
  serverdone: 'ServerHelloDone',
  serverfinished: 'ServerHelloDone',
  sessionticket: 'NewSessionTicket',
  serversessionticket: 'NewSessionTicket',
  newsessionticket: 'NewSessionTicket',
  requestcert: 'CertificateRequest',
  certverify: 'CertificateVerify',
  servercertificateverify: 'CertificateVerify',
  clientfinished: 'Finished',
  serverfinishedmessage: 'Finished',
  changecipherspec: 'ChangeCipherSpec',
  encryptedextensions: 'EncryptedExtensions',
  certificatestatus: 'CertificateStatus',
};
const BY_SQUASHED = new Map<string, HandshakeType>([
  ...HS_TYPES.map((t) => [squash(t), t] as const),
  ...Object.entries(ALIASES),
]);

/** A handshake message name as a tool wrote it (`client_hello`, `Certificate chain`, ...). */
export function handshakeTypeOf(name: string): HandshakeType | undefined {
  return BY_SQUASHED.get(squash(name));
}

/**
 * Handshake type number (RFC registry) to its name, through the codes reference: the one lookup
 * every parser that reads numbers (JSSE hex, AT-TLS data, captures) uses.
 */
export function handshakeTypeOfNumber(n: number): HandshakeType | undefined {
  const e = handshakeTypeByValue(n);
  // TLS 1.2-only types (12, 14, 16, 22, ...) carry `_RESERVED` in the registry (reserved in TLS
  // 1.3): TLS 1.2 captures still carry them, under their name.
  const snake = e?.forms.find((f) => /^[a-z]+(?:_[a-z]+)*(?:_RESERVED)?$/.test(f));
  const type = snake ? handshakeTypeOf(snake.replace(/_RESERVED$/, '')) : undefined;
  // 6 is the drafts' hello_retry_request: the RFC sends a HelloRetryRequest as a ServerHello (2).
  return type === 'HelloRetryRequest' || type === 'ChangeCipherSpec' ? undefined : type;
}

/** An alert from its name in any spelling (`BAD_CERTIFICATE`, `handshake failure`, `unknown_ca`). */
export function alertNamed(name: string, level?: 'warning' | 'fatal'): TraceAlert {
  const snake = name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, '_');
  const e = alertByName(snake);
  const out: TraceAlert = { description: snake };
  if (level) {
    out.level = level;
  }
  if (e?.value !== undefined) {
    out.code = e.value;
  }
  return out;
}

/** An alert from its number; the name comes from the reference when it knows the number. */
export function alertNumbered(code: number, level?: 'warning' | 'fatal'): TraceAlert {
  const e = alertByValue(code);
  const name = e?.forms.find((f) => /^[a-z]+(?:_[a-z0-9]+)*$/.test(f));
  return { ...(level ? { level } : {}), ...(name ? { description: name } : {}), code };
}

/**
 * A suite as written (`TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xC02F)`, IBM JSSE `SSL_RSA_WITH_...`)
 * as the reference names it when it knows the suite; otherwise as written without the code.
 */
export function suiteName(written: string): string {
  const name = written
    .trim()
    .replace(/\(0x[0-9A-Fa-f]{4}\)$/, '')
    .trim();
  return cipherByName(name)?.name ?? name;
}

/**
 * Items of a `[a, b, c]` list; the closing bracket may be missing (the capture cut the line) and a
 * cut last item is dropped only when it cannot be a whole word (JSSE 11 items end with `)`).
 */
export function listItems(text: string): string[] {
  const open = text.indexOf('[');
  const body = open >= 0 ? text.slice(open + 1) : text;
  const close = body.lastIndexOf(']');
  const inner = close >= 0 ? body.slice(0, close) : body;
  return inner
    .split(',')
    .map((s) => s.trim().replace(/^"|"$/g, ''))
    .filter((s) => s !== '')
    .slice(0, MAX_ITEMS);
}

/** `javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure` (and others). */
export const JAVA_SSL_EXCEPTION =
  /\b(?:javax\.net\.ssl|java\.security\.cert|sun\.security\.\w+)\.(\w*(?:Exception|Error)):\s*(.*)$/;
/** The alert a Java text says was received. */
export const RECEIVED_ALERT = /Received (fatal|warning) alert: (\w+)/;

/** The received alert named in a Java exception or message text, when there is one. */
export function receivedAlertIn(text: string): TraceAlert | undefined {
  const m = RECEIVED_ALERT.exec(text);
  return m ? alertNamed(m[2], m[1] as 'fatal' | 'warning') : undefined;
}
