// `zos-tls trace <file> [--format text|json]`: reads a trace (streamed with fs.createReadStream, so
// a 1 GB file is never in memory), and prints its connections, handshake flows, outcomes and
// findings. JSON follows issue 6's contract, with 1-based line numbers. Exit 1 when any connection
// failed, 2 on usage or I/O errors. With --config <dir>, the AT-TLS policies, RACF jobs and Liberty
// server.xml files under the directories are read (found and decoded as `check` does) and each
// finding lists the lines there that set what it tells the user to change.
import { optionValue, readCommandArgs } from './options';
import { createReadStream, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIo } from './check';
import { detectLanguage } from '../service';
import { findingsByConnection } from '../service/trace/findings';
import { TRACE_READ_CHUNK, indexTraceChunks } from '../service/trace';
import type { TraceIndex } from '../service/trace';
import type { SettingLookup } from '../service/trace/rules/settings';
import { createSettingLookup } from '../service/trace/settingLookup';
import type { SettingDocument } from '../service/trace/settingLookup';
import { decodeBytes } from '../service/text/decode';
import type { Finding } from '../service/types';
import { createDiskConfigFiles, filePathOf } from './configFiles';
import { HEAD_BYTES, MAX_FILE_BYTES, READ_CAP_BYTES, collectTargets, errorText, readStart } from './files';

export const TRACE_USAGE = `Usage: zos-tls trace <file> [--format text|json] [--config <dir>]...

Reads a TLS trace (System SSL CTRACE, SYSTCPIP CTRACE, AT-TLS syslog, Java javax.net.debug,
Liberty trace, curl -v, openssl s_client, pcap/pcapng), detects its format and encoding
(UTF-8, ISO-8859-1, EBCDIC IBM-1047), and lists each connection's handshake, negotiated protocol
and cipher, outcome (ok, failed, stalled, unknown) and the findings with cause and fix.

Options:
  --format text|json   output format (default: text)
  --config <dir>       AT-TLS policies, RACF jobs and Liberty server.xml files under <dir>
                       (repeatable): each finding names the lines there that set what it
                       says to change (text: "see <path>:<line>"; JSON: "related")
  -h, --help           show this help

Exit status: 0 no connection failed, 1 a connection failed, 2 usage or I/O problem.
`;

type Parsed =
  { file: string; format: 'text' | 'json'; configs: string[] } | { help: true } | { error: string };

function parse(argv: readonly string[]): Parsed {
  const configs: string[] = [];
  const r = readCommandArgs(
    argv,
    'trace',
    (a) => a.startsWith('-') && a !== '-',
    (args, i) => {
      const config = optionValue(args, i, '--config');
      if (!config) {
        return undefined;
      }
      if (config.value === undefined || config.value === '') {
        return { error: '--config needs a directory' };
      }
      configs.push(config.value);
      return { end: config.end };
    },
  );
  if (!('positionals' in r)) {
    return r;
  }
  const files = r.positionals;
  if (files.length !== 1) {
    return { error: files.length === 0 ? 'trace needs a file' : 'trace reads one file at a time' };
  }
  return { file: files[0], format: r.format, configs };
}

function indexFile(file: string, findSetting?: SettingLookup): Promise<TraceIndex> {
  return indexTraceChunks(createReadStream(file, { highWaterMark: TRACE_READ_CHUNK }), { findSetting });
}

/** The configuration files under --config directories, as the lookup reads them. */
interface ConfigSet {
  docs: SettingDocument[];
  /** Absolute path → the path as shown (joined onto the directory the user gave). */
  display: Map<string, string>;
  problems: string[];
}

/**
 * Finds and decodes the configuration files as `check` does (collectTargets, a look at the head
 * of a file whose name says nothing, the 1 GB refusal, UTF-8/ISO-8859-1/IBM-1047); other files
 * under the directories are passed over in silence.
 */
function readConfigs(dirs: readonly string[], cwd: string): ConfigSet {
  const { targets, problems } = collectTargets(dirs, cwd);
  const out: ConfigSet = {
    docs: [],
    display: new Map(),
    problems: problems.map((p) => `${p.path}: ${p.message}`),
  };
  for (const t of targets) {
    try {
      let language = detectLanguage(t.absolute, undefined);
      if (!language) {
        const head = decodeBytes(readStart(t.absolute, HEAD_BYTES).bytes);
        if (head.binary || !detectLanguage(t.absolute, head.text)) {
          continue;
        }
      }
      if (statSync(t.absolute).size > MAX_FILE_BYTES) {
        continue;
      }
      const decoded = decodeBytes(readStart(t.absolute, READ_CAP_BYTES).bytes);
      language = decoded.binary ? undefined : detectLanguage(t.absolute, decoded.text);
      if (language) {
        out.docs.push({ uri: pathToFileURL(t.absolute).href, text: decoded.text, languageId: language });
        out.display.set(t.absolute, t.display);
      }
    } catch (e) {
      out.problems.push(`${t.display}: ${errorText(e)}`);
    }
  }
  return out;
}

/** How a related location's file is shown: as found under --config, else relative to the cwd. */
type PathOf = (uri: string | undefined) => string;

function pathOfUri(display: ReadonlyMap<string, string>, cwd: string): PathOf {
  return (uri) => {
    const file = uri === undefined ? undefined : filePathOf(uri);
    if (file === undefined) {
      return uri ?? '';
    }
    const rel = path.relative(cwd, file);
    return display.get(file) ?? (rel.startsWith('..') || path.isAbsolute(rel) ? file : rel);
  };
}

interface JsonFinding {
  rule: string;
  severity: string;
  line: number;
  message: string;
  href?: string;
  related?: { path: string; line: number; message: string }[];
}

const jsonFinding =
  (pathOf: PathOf) =>
  (f: Finding): JsonFinding => ({
    rule: f.rule,
    severity: f.severity,
    line: f.range.start.line + 1,
    message: f.message,
    ...(f.href ? { href: f.href } : {}),
    ...(f.related?.length
      ? {
          related: f.related.map((r) => ({
            path: pathOf(r.uri),
            line: r.range.start.line + 1,
            message: r.message,
          })),
        }
      : {}),
  });

const noPaths: PathOf = (uri) => uri ?? '';

export function traceJson(ix: TraceIndex, pathOf: PathOf = noPaths): unknown {
  const json = jsonFinding(pathOf);
  const byConnection = findingsByConnection(ix);
  return {
    version: 1,
    format: ix.format ?? null,
    encoding: ix.encoding,
    connections: ix.connections.map((c, i) => ({
      id: c.id,
      firstLine: c.firstLine + 1,
      lastLine: c.lastLine + 1,
      protocol: c.protocol,
      cipher: c.cipher,
      outcome: c.outcome,
      ...(c.stopLine !== undefined ? { stopLine: c.stopLine + 1 } : {}),
      messages: c.messages.map((m) => ({
        line: m.line + 1,
        from: m.from,
        type: m.type,
        ...(m.alert ? { alert: m.alert } : {}),
      })),
      findings: byConnection[i].map(json),
    })),
    findings: ix.findings.map(json),
  };
}

export function traceText(ix: TraceIndex, name: string, pathOf: PathOf = noPaths): string {
  const out: string[] = [];
  const failed = ix.connections.filter((c) => c.outcome === 'failed').length;
  const stalled = ix.connections.filter((c) => c.outcome === 'stalled').length;
  out.push(
    `${name}: ${ix.format ?? 'unknown format'} (${ix.encoding}), ${ix.lineCount} lines, ` +
      `${ix.connections.length} connection(s), ${failed} failed, ${stalled} stalled`,
  );
  for (const c of ix.connections) {
    out.push('');
    const neg = [c.protocol, c.cipher].filter(Boolean).join(' ') || 'nothing negotiated';
    out.push(`${c.id}  lines ${c.firstLine + 1}-${c.lastLine + 1}  ${c.outcome.toUpperCase()}  ${neg}`);
    for (const m of c.messages) {
      const alert = m.alert
        ? ` ${[m.alert.level, m.alert.description, m.alert.code].filter((x) => x !== undefined).join(' ')}`
        : '';
      const mark = m.line === c.stopLine && c.outcome !== 'ok' ? '  <- stopped here' : '';
      out.push(`  ${String(m.line + 1).padStart(6)}  ${m.from.padEnd(7)} ${m.type}${alert}${mark}`);
    }
  }
  if (ix.findings.length > 0) {
    out.push('');
    for (const f of ix.findings) {
      out.push(`${name}:${f.range.start.line + 1}: ${f.severity} ${f.rule}: ${f.message}`);
      for (const r of f.related ?? []) {
        out.push(`  see ${pathOf(r.uri)}:${r.range.start.line + 1}: ${r.message}`);
      }
    }
  }
  return `${out.join('\n')}\n`;
}

export async function runTrace(argv: readonly string[], io: CliIo): Promise<number> {
  const p = parse(argv);
  if ('help' in p) {
    io.stdout(TRACE_USAGE);
    return 0;
  }
  if ('error' in p) {
    io.stderr(`zos-tls: ${p.error}\n\n${TRACE_USAGE}`);
    return 2;
  }
  const file = path.resolve(io.cwd, p.file);
  let findSetting: SettingLookup | undefined;
  let pathOf = noPaths;
  if (p.configs.length > 0) {
    const configs = readConfigs(p.configs, io.cwd);
    if (configs.problems.length > 0) {
      io.stderr(configs.problems.map((m) => `zos-tls: --config ${m}\n`).join(''));
      return 2;
    }
    if (configs.docs.length === 0) {
      io.stderr(
        `zos-tls: no AT-TLS policy, RACF job or Liberty server.xml found in ${p.configs.join(', ')}; findings link to no configuration lines\n`,
      );
    }
    // Liberty includes and configDropins outside the directories are read from disk, as check does.
    findSetting = createSettingLookup(configs.docs, { configFiles: createDiskConfigFiles() });
    pathOf = pathOfUri(configs.display, io.cwd);
  }
  let ix: TraceIndex;
  try {
    ix = await indexFile(file, findSetting);
  } catch (e) {
    io.stderr(
      `zos-tls: cannot read ${p.file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}\n`,
    );
    return 2;
  }
  if (ix.detection.mixed) {
    const s = ix.detection.scores.map((x) => `${x.format} ${x.score}`).join(', ');
    io.stderr(`zos-tls: ${p.file}: the format is not clear (${s}); read as ${ix.format}\n`);
  } else if (!ix.format) {
    io.stderr(`zos-tls: ${p.file}: no known trace format recognised\n`);
  } else if (!ix.parsed) {
    io.stderr(`zos-tls: ${p.file}: ${ix.format} recognised, but this build has no reader for it yet\n`);
  }
  io.stdout(
    p.format === 'json'
      ? `${JSON.stringify(traceJson(ix, pathOf), null, 2)}\n`
      : traceText(ix, p.file, pathOf),
  );
  return ix.connections.some((c) => c.outcome === 'failed') ? 1 : 0;
}
