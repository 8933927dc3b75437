// zosTls/trace/*: the trace viewer's server side (issue 6). A file: trace is streamed into the
// service's indexer with fs.createReadStream and its pages are read back by byte range from the
// offsets the index kept, so no trace is ever held whole. A trace the server cannot read (a Zowe
// data set, an untitled editor) arrives from the client in chunks: each goes to the indexer and to
// a temporary file the pages are then read from.
import { createReadStream } from 'node:fs';
import { appendFile, mkdtemp, open, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, RequestType, ResponseError } from 'vscode-languageserver/node';
import type {
  TraceCloseParams,
  TraceFindingInfo,
  TraceOpenParams,
  TraceOpenTextParams,
  TracePageLine,
  TracePageParams,
  TracePageResult,
  TraceSummary,
} from '../protocol/trace';
import {
  TRACE_CLOSE_METHOD,
  TRACE_MAX_LINE_CHARS,
  TRACE_MAX_PAGE_LINES,
  TRACE_OPEN_METHOD,
  TRACE_OPEN_TEXT_METHOD,
  TRACE_PAGE_METHOD,
} from '../protocol/trace';
import { codeMarkdown } from '../service/codes/explain';
import { recogniseLine } from '../service/codes/recognise';
import { TRACE_READ_CHUNK, createTraceIndexer, indexTraceChunks, pageLines } from '../service/trace';
import type { TraceIndex, TraceIndexOptions, TraceIndexer } from '../service/trace';
import type { SettingLookup } from '../service/trace/rules/settings';
import { findingsByConnection } from '../service/trace/findings';
import type { Finding } from '../service/types';
import { formatError } from './runSafe';
import type { SettingsStore } from './settings';

export const TraceOpenRequest = new RequestType<TraceOpenParams, TraceSummary, void>(TRACE_OPEN_METHOD);
export const TraceOpenTextRequest = new RequestType<TraceOpenTextParams, TraceSummary | null, void>(
  TRACE_OPEN_TEXT_METHOD,
);
export const TracePageRequest = new RequestType<TracePageParams, TracePageResult, void>(TRACE_PAGE_METHOD);
export const TraceCloseRequest = new RequestType<TraceCloseParams, null, void>(TRACE_CLOSE_METHOD);

/** Connections and findings sent to the viewer at most; the summary says when more were left out. */
export const MAX_SUMMARY_CONNECTIONS = 20_000;
export const MAX_SUMMARY_FINDINGS = 20_000;

interface OpenTrace {
  index: TraceIndex;
  file: FileHandle;
  /** The temporary directory of a trace the client sent (removed on close). */
  tempDir?: string;
}

interface Receiving {
  indexer: TraceIndexer;
  tempDir: string;
  file: string;
}

/** The viewer's summary of an index: connections without event indexes, findings tied to them. */
export function traceSummary(uri: string, ix: TraceIndex): TraceSummary {
  const connections = ix.connections.slice(0, MAX_SUMMARY_CONNECTIONS);
  const owner = new Map<Finding, string>();
  findingsByConnection(ix, connections).forEach((fs, i) => {
    for (const f of fs) {
      if (!owner.has(f)) {
        owner.set(f, connections[i].id);
      }
    }
  });
  const findings: TraceFindingInfo[] = ix.findings.slice(0, MAX_SUMMARY_FINDINGS).map((f) => {
    const connection = owner.get(f);
    return {
      rule: f.rule,
      severity: f.severity,
      line: f.range.start.line,
      message: f.message,
      ...(f.href ? { href: f.href } : {}),
      ...(connection !== undefined ? { connection } : {}),
      ...(f.related?.some((r) => r.uri)
        ? {
            related: f.related.flatMap((r) =>
              r.uri ? [{ uri: r.uri, line: r.range.start.line, message: r.message }] : [],
            ),
          }
        : {}),
    };
  });
  const cut: string[] = [];
  if (ix.eventsDropped > 0) {
    cut.push(`${ix.eventsDropped} trace records were not kept (the index keeps a bounded number)`);
  }
  if (ix.connections.length > connections.length) {
    cut.push(`${connections.length} of ${ix.connections.length} connections are shown`);
  }
  if (ix.findings.length > findings.length) {
    cut.push(`${findings.length} of ${ix.findings.length} findings are shown`);
  }
  return {
    uri,
    format: ix.format ?? null,
    ...(ix.detection?.mixed ? { mixed: ix.detection.scores.map((s) => ({ ...s })) } : {}),
    parsed: ix.parsed,
    encoding: ix.encoding,
    lineCount: ix.lineCount,
    byteLength: ix.byteLength,
    connections: connections.map(({ events: _events, ...c }) => c),
    findings,
    ...(cut.length > 0 ? { truncated: `${cut.join('; ')}.` } : {}),
  };
}

/** A page line with its codes (the same recogniser and explanation as the hover on codes). */
export function pageLine(line: number, full: string): TracePageLine {
  const cut = full.length > TRACE_MAX_LINE_CHARS;
  const text = cut ? full.slice(0, TRACE_MAX_LINE_CHARS) : full;
  const codes = recogniseLine(text).map((m) => ({
    start: m.start,
    end: m.end,
    title: m.entry.title,
    markdown: codeMarkdown(m.entry, m),
  }));
  return { line, text, codes, ...(cut ? { cut: true } : {}) };
}

function cancelled(): ResponseError<void> {
  return new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

function indexStream(
  file: string,
  options: TraceIndexOptions,
  token: CancellationToken,
): Promise<TraceIndex | undefined> {
  return indexTraceChunks(
    createReadStream(file, { highWaterMark: TRACE_READ_CHUNK }),
    options,
    () => token.isCancellationRequested,
  );
}

function isIoError(e: unknown): e is NodeJS.ErrnoException {
  return e instanceof Error && typeof (e as NodeJS.ErrnoException).code === 'string';
}

/**
 * Where the trace findings' settings are written in the workspace (AT-TLS parameters, RACDCERT
 * keywords, server.xml attributes): asked once per opened trace, so edits made since count.
 */
export type SettingLookupSource = () => SettingLookup | undefined;

export function registerTrace(
  connection: Connection,
  settings: SettingsStore,
  settingLookup: SettingLookupSource = () => undefined,
): void {
  const traces = new Map<string, OpenTrace>();
  const receiving = new Map<string, Receiving>();

  const forget = async (uri: string): Promise<void> => {
    const t = traces.get(uri);
    traces.delete(uri);
    const r = receiving.get(uri);
    receiving.delete(uri);
    await t?.file.close().catch(() => undefined);
    for (const dir of [t?.tempDir, r?.tempDir]) {
      if (dir) {
        await rm(dir, { recursive: true, force: true }).catch(() => undefined);
      }
    }
  };

  const indexerOptions = async (): Promise<TraceIndexOptions> => ({
    rules: (await settings.get()).rules,
    findSetting: settingLookup(),
  });

  const failure = (what: string, e: unknown): ResponseError<void> => {
    if (isIoError(e)) {
      return new ResponseError(ErrorCodes.InvalidParams, `${what}: ${e.code}`);
    }
    connection.console.error(formatError(what, e));
    return new ResponseError(ErrorCodes.InternalError, `${what}: ${String(e)}`);
  };

  connection.onRequest(TraceOpenRequest, async (params, token) => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    if (!uri.startsWith('file:')) {
      return new ResponseError(
        ErrorCodes.InvalidParams,
        `zosTls/trace/open reads file: uris only; send ${uri || 'the document'} with zosTls/trace/openText`,
      );
    }
    try {
      const file = fileURLToPath(uri);
      await forget(uri);
      const index = await indexStream(file, await indexerOptions(), token);
      if (!index || token.isCancellationRequested) {
        return cancelled();
      }
      traces.set(uri, { index, file: await openFile(file) });
      return traceSummary(uri, index);
    } catch (e) {
      return failure(`cannot read the trace ${uri}`, e);
    }
  });

  connection.onRequest(TraceOpenTextRequest, async (params) => {
    const uri = typeof params?.uri === 'string' ? params.uri : '';
    const text = typeof params?.text === 'string' ? params.text : '';
    if (!uri) {
      return new ResponseError(ErrorCodes.InvalidParams, 'zosTls/trace/openText needs a uri');
    }
    try {
      let r = receiving.get(uri);
      if (!r) {
        await forget(uri);
        const tempDir = await mkdtemp(path.join(os.tmpdir(), 'zos-tls-trace-'));
        r = {
          indexer: createTraceIndexer(await indexerOptions()),
          tempDir,
          file: path.join(tempDir, 'trace'),
        };
        receiving.set(uri, r);
      }
      const bytes = Buffer.from(text, 'utf8');
      await appendFile(r.file, bytes);
      r.indexer.push(bytes);
      if (params.done !== true) {
        return null;
      }
      receiving.delete(uri);
      const index = r.indexer.end();
      traces.set(uri, { index, file: await openFile(r.file), tempDir: r.tempDir });
      return traceSummary(uri, index);
    } catch (e) {
      await forget(uri);
      return failure(`cannot index the trace text of ${uri}`, e);
    }
  });

  connection.onRequest(TracePageRequest, async (params) => {
    const t = traces.get(params?.uri);
    if (!t) {
      return new ResponseError(ErrorCodes.InvalidParams, `${String(params?.uri)} is not an open trace`);
    }
    const from = Math.max(0, Math.floor(Number(params.fromLine) || 0));
    const count = Math.min(TRACE_MAX_PAGE_LINES, Math.max(0, Math.floor(Number(params.count) || 0)));
    try {
      const read = async (offset: number, length: number): Promise<Uint8Array> => {
        const buf = Buffer.alloc(length);
        const { bytesRead } = await t.file.read(buf, 0, length, offset);
        return buf.subarray(0, bytesRead);
      };
      const lines = await pageLines(t.index, read, from, count);
      return { lines: lines.map((l) => pageLine(l.line, l.text)) };
    } catch (e) {
      return failure(`cannot read lines of ${params.uri}`, e);
    }
  });

  connection.onRequest(TraceCloseRequest, async (params) => {
    if (typeof params?.uri === 'string') {
      await forget(params.uri);
    }
    return null;
  });

  connection.onShutdown(async () => {
    await Promise.all([...new Set([...traces.keys(), ...receiving.keys()])].map(forget));
  });
}

const openFile = (file: string): Promise<FileHandle> => open(file, 'r');
