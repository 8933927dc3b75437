// The shapes every trace format parser emits and the handshake builder reads (issue 6). Parsers know
// their format; the builder (handshake.ts), the trace/* rules and the viewer know only these types.
// Shape after shared/docs/trace-formats.md §1.4 ("a normalised event").

export type TraceFormat =
  | 'gsk-ctrace'
  | 'systcpip-ctrace'
  | 'attls-syslog'
  | 'jsse-debug'
  | 'liberty-trace'
  | 'curl-verbose'
  | 'openssl-s_client'
  | 'pcap';

export const TRACE_FORMATS: readonly TraceFormat[] = [
  'gsk-ctrace',
  'systcpip-ctrace',
  'attls-syslog',
  'jsse-debug',
  'liberty-trace',
  'curl-verbose',
  'openssl-s_client',
  'pcap',
];

export type TraceEncoding = 'utf-8' | 'iso-8859-1' | 'ibm-1047' | 'utf-16le' | 'utf-16be' | 'binary';

/** TLS handshake message names as RFC 8446 / RFC 5246 spell them (HandshakeType registry). */
export type HandshakeType =
  | 'HelloRequest'
  | 'ClientHello'
  | 'ServerHello'
  | 'HelloRetryRequest'
  | 'NewSessionTicket'
  | 'EndOfEarlyData'
  | 'EncryptedExtensions'
  | 'Certificate'
  | 'ServerKeyExchange'
  | 'CertificateRequest'
  | 'ServerHelloDone'
  | 'CertificateVerify'
  | 'ClientKeyExchange'
  | 'Finished'
  | 'CertificateStatus'
  | 'KeyUpdate'
  | 'ChangeCipherSpec';

/** One physical line of the decoded trace. */
export interface TraceLine {
  /** The line without its line end (trailing blanks kept; parsers trimEnd before matching). */
  text: string;
  /** 0-based line number in the file. */
  line: number;
  /** Byte offset of the line's first byte in the file (for paging a huge file). */
  offset: number;
}

export interface TraceAlert {
  level?: 'warning' | 'fatal';
  /** RFC name: handshake_failure, bad_certificate, ... (codes.json tlsAlerts). */
  description?: string;
  /** AlertDescription number (40, 42, ...). */
  code?: number;
}

/** What a hello offered, when the trace shows it (lists may be cut short by the capture). */
export interface TraceOffer {
  versions?: string[];
  ciphers?: string[];
  groups?: string[];
  signatureSchemes?: string[];
}

/** A code recognised in a record's text (codes/recognise.ts), with where it was written. */
export interface TraceCode {
  /** The reference id (`icsf-8-BFE`, `attls-rc-5004`, `gsk-cms-0335308F`, `EZD1287I`, ...). */
  id: string;
  /** The code as written in the trace. */
  text: string;
  /** 0-based line and [start, end) offsets in that line's text. */
  line: number;
  start: number;
  end: number;
}

export interface TraceEvent {
  format: TraceFormat;
  /** 0-based first and last line of the record. */
  line: number;
  endLine: number;
  time?: { text: string; iso?: string };
  system?: string;
  job?: string;
  pid?: string;
  thread?: string;
  /** The best connection key the format offers (trace-formats.md "At a glance"). */
  connKey?: string;
  /** Role of the traced program in the handshake, when known. */
  side?: 'client' | 'server';
  /** Direction as seen by the traced program. */
  dir?: 'sent' | 'received' | 'local';
  kind: 'handshake' | 'ccs' | 'alert' | 'record' | 'error' | 'state' | 'info' | 'cert' | 'summary';
  hsType?: HandshakeType;
  /** Negotiated or record version as TLS names it: TLSv1.2, TLSv1.3. */
  tlsVersion?: string;
  /** Negotiated cipher suite (IANA name or as written). */
  cipher?: string;
  alert?: TraceAlert;
  offer?: TraceOffer;
  /** Peer host/port or local/remote addresses, when the line has them. */
  peer?: string;
  /** Return/reason/alert/message codes recognised in the record's lines (for trace/code and the rules). */
  codes?: TraceCode[];
  /** A short human text of the event (never HTML). */
  text: string;
}

/** A stateful line parser for one format: lines are pushed in order; multi-line records emit late. */
export interface LineParser {
  push(line: TraceLine, emit: (e: TraceEvent) => void): void;
  /** End of input: flush any pending record. */
  end(emit: (e: TraceEvent) => void): void;
}

export interface FormatParser {
  format: TraceFormat;
  create(): LineParser;
}

/** A stateful parser of a binary trace (a packet capture): bytes are pushed in order, in any chunks. */
export interface BinaryParser {
  push(chunk: Uint8Array, emit: (e: TraceEvent) => void): void;
  /** End of input: flush what is pending (streams whose handshake never ended). */
  end(emit: (e: TraceEvent) => void): void;
}

/** Formats read from bytes, not lines: events' `line` is the packet number (0-based). */
export interface BinaryFormatParser {
  format: 'pcap';
  create(): BinaryParser;
}

export type ConnectionOutcome = 'ok' | 'failed' | 'stalled' | 'unknown';

export interface HandshakeMessage {
  line: number;
  from: 'client' | 'server' | 'unknown';
  type: HandshakeType | 'Alert';
  alert?: TraceAlert;
}

export interface TraceConnection {
  id: string;
  firstLine: number;
  lastLine: number;
  job?: string;
  thread?: string;
  peer?: string;
  protocol: string | null;
  cipher: string | null;
  outcome: ConnectionOutcome;
  messages: HandshakeMessage[];
  /** The line where the handshake stopped (the alert, the error or the last message). */
  stopLine?: number;
  /** Indexes into the event list the connection was built from. */
  events: number[];
}
