// `zos-tls trace <file> [--format text|json]`: reads a trace (streamed with fs.createReadStream, so
// a 1 GB file is never in memory), and prints its connections, handshake flows, outcomes and
// findings. JSON follows issue 6's contract, with 1-based line numbers. Exit 1 when any connection
// failed, 2 on usage or I/O errors.
import { createReadStream } from 'node:fs';
import path from 'node:path';
import type { CliIo } from './check';
import { findingsOfConnection } from '../service/trace/findings';
import { createTraceIndexer } from '../service/trace';
import type { TraceIndex } from '../service/trace';
import type { Finding } from '../service/types';

export const TRACE_USAGE = `Usage: zos-tls trace <file> [--format text|json]

Reads a TLS trace (System SSL CTRACE, SYSTCPIP CTRACE, AT-TLS syslog, Java javax.net.debug,
Liberty trace, curl -v, openssl s_client, pcap/pcapng), detects its format and encoding
(UTF-8, ISO-8859-1, EBCDIC IBM-1047), and lists each connection's handshake, negotiated protocol
and cipher, outcome (ok, failed, stalled, unknown) and the findings with cause and fix.

Options:
  --format text|json   output format (default: text)
  -h, --help           show this help

Exit status: 0 no connection failed, 1 a connection failed, 2 usage or I/O problem.
`;

type Parsed = { file: string; format: 'text' | 'json' } | { help: true } | { error: string };

function parse(argv: readonly string[]): Parsed {
  const files: string[] = [];
  let format: 'text' | 'json' = 'text';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-h' || a === '--help') {
      return { help: true };
    }
    if (a === '--') {
      files.push(...argv.slice(i + 1));
      break;
    }
    if (a === '--format' || a.startsWith('--format=')) {
      const v = a === '--format' ? argv[++i] : a.slice('--format='.length);
      if (v !== 'text' && v !== 'json') {
        return { error: `--format must be text or json, not ${v === undefined ? 'nothing' : `'${v}'`}` };
      }
      format = v;
      continue;
    }
    if (a.startsWith('-') && a !== '-') {
      return { error: `unknown option '${a}' for trace` };
    }
    files.push(a);
  }
  if (files.length !== 1) {
    return { error: files.length === 0 ? 'trace needs a file' : 'trace reads one file at a time' };
  }
  return { file: files[0], format };
}

function indexFile(file: string): Promise<TraceIndex> {
  return new Promise((resolve, reject) => {
    const ix = createTraceIndexer();
    const stream = createReadStream(file, { highWaterMark: 1 << 20 });
    stream.on('data', (chunk) => ix.push(chunk as Buffer));
    stream.on('error', reject);
    stream.on('end', () => {
      try {
        resolve(ix.end());
      } catch (e) {
        reject(e as Error);
      }
    });
  });
}

interface JsonFinding {
  rule: string;
  severity: string;
  line: number;
  message: string;
  href?: string;
}

const jsonFinding = (f: Finding): JsonFinding => ({
  rule: f.rule,
  severity: f.severity,
  line: f.range.start.line + 1,
  message: f.message,
  ...(f.href ? { href: f.href } : {}),
});

export function traceJson(ix: TraceIndex): unknown {
  return {
    version: 1,
    format: ix.format ?? null,
    encoding: ix.encoding,
    connections: ix.connections.map((c) => ({
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
      findings: findingsOfConnection(c, ix.events, ix.findings).map(jsonFinding),
    })),
    findings: ix.findings.map(jsonFinding),
  };
}

export function traceText(ix: TraceIndex, name: string): string {
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
  let ix: TraceIndex;
  try {
    ix = await indexFile(file);
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
  io.stdout(p.format === 'json' ? `${JSON.stringify(traceJson(ix), null, 2)}\n` : traceText(ix, p.file));
  return ix.connections.some((c) => c.outcome === 'failed') ? 1 : 0;
}
