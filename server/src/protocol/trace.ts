// The trace viewer's requests (client -> server) and its webview messages (extension <-> webview),
// issue 6. Plain names and types only: the client and the webview bundle this file. The connection
// and handshake shapes are the service's own (type-only import, erased from every bundle), so the
// viewer shows exactly what the CLI prints.
import type {
  ConnectionOutcome,
  HandshakeMessage,
  TraceConnection,
  TraceEncoding,
  TraceFormat,
} from '../service/trace/types';

export type { ConnectionOutcome, HandshakeMessage, TraceEncoding, TraceFormat };

/** Index a trace the server can read itself (file: uris): it streams the file. */
export const TRACE_OPEN_METHOD = 'zosTls/trace/open';
/** Index a trace the server cannot read (zowe-ds:, zowe-uss:, untitled:): the client sends its text in chunks. */
export const TRACE_OPEN_TEXT_METHOD = 'zosTls/trace/openText';
/** Lines of an opened trace, read from the file by byte range. */
export const TRACE_PAGE_METHOD = 'zosTls/trace/page';
/** Forget an opened trace (the viewer closed). */
export const TRACE_CLOSE_METHOD = 'zosTls/trace/close';

/** Characters of text per openText request the client sends. */
export const TRACE_TEXT_CHUNK = 1 << 20;
/** Lines per page the server returns at most. */
export const TRACE_MAX_PAGE_LINES = 1_000;
/** Characters of one line the server returns at most (the rest is cut and `cut` set). */
export const TRACE_MAX_LINE_CHARS = 8_000;

export interface TraceOpenParams {
  uri: string;
}

export interface TraceOpenTextParams {
  uri: string;
  /** The next piece of the document's text (chunks arrive in order). */
  text: string;
  /** True on the last chunk: the server answers it with the summary. */
  done: boolean;
}

export interface TraceFindingInfo {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  /** 0-based line. */
  line: number;
  /** What is wrong, the likely cause and the fix (the rule's message). */
  message: string;
  href?: string;
  /** Id of the connection the finding is about, when it is about one. */
  connection?: string;
  /** Where the workspace writes the setting the finding says to change (0-based lines). */
  related?: { uri: string; line: number; message: string }[];
}

/** A connection as the viewer shows it: the service's TraceConnection without its event indexes. */
export type TraceConnectionInfo = Omit<TraceConnection, 'events'>;

export interface TraceSummary {
  uri: string;
  format: TraceFormat | null;
  /** Formats detection weighed, best first, when the trace looked like more than one. */
  mixed?: { format: TraceFormat; score: number }[];
  /** False when the format was recognised but has no reader in this build. */
  parsed: boolean;
  encoding: TraceEncoding;
  lineCount: number;
  byteLength: number;
  connections: TraceConnectionInfo[];
  findings: TraceFindingInfo[];
  /** Set when events, connections or findings were left out to keep the index bounded. */
  truncated?: string;
}

export interface TracePageParams {
  uri: string;
  /** 0-based first line. */
  fromLine: number;
  count: number;
}

export interface TraceLineCode {
  /** [start, end) offsets in the line's text. */
  start: number;
  end: number;
  title: string;
  /** The code's explanation (Markdown source; the viewer shows it as text). */
  markdown: string;
}

export interface TracePageLine {
  line: number;
  text: string;
  codes: TraceLineCode[];
  /** The line was longer than TRACE_MAX_LINE_CHARS and `text` is its start. */
  cut?: boolean;
}

export interface TracePageResult {
  lines: TracePageLine[];
}

export interface TraceCloseParams {
  uri: string;
}

// --- webview <-> extension messages ---

export type TraceWebviewRequest =
  | { type: 'ready' }
  | { type: 'page'; id: number; fromLine: number; count: number }
  | { type: 'reveal'; line: number; uri?: string };

export type TraceWebviewEvent =
  | { type: 'summary'; name: string; summary: TraceSummary }
  | { type: 'page'; id: number; fromLine: number; lines: TracePageLine[] }
  | { type: 'error'; message: string };
