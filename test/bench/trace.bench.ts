// Trace benchmark (npm run bench, after the policy, RACF and Liberty ones; issue 6). Generates a
// GSK component trace (traceGen.ts, 1 GB by default) in a temporary file, then measures, on that
// file:
//   (a) `wc -l` as the yardstick (the fastest a line-oriented reader can go on this machine),
//   (b) the product's streaming path, as the LSP server and the CLI take it: fs.createReadStream
//       into createTraceIndexer; throughput in MB/s and its ratio to wc -l (target ≥ 0.25),
//   (c) peak RSS of this process (process.resourceUsage().maxRSS; target ≤ 300 MB),
//   (d) time to the first page: from opening the file to the first 200 lines read back with
//       pageLines through the indexer's onFirstLines, before the whole index is built (target ≤ 1 s).
// The temporary file is deleted at the end. Figures also go to test-results/bench-trace.json.
//
// Options: --mb N (or ZOS_TLS_TRACE_BENCH_MB=N; default 1024).
import { execFile } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { TRACE_READ_CHUNK, indexTraceChunks, pageLines } from '../../server/src/service/trace';
import type { PageableIndex, TraceIndex } from '../../server/src/service/trace';
import { argValue, report, runBench } from './measure';
import { generateGskTrace } from './traceGen';

const PAGE = 200;

const now = (): number => performance.now();

async function wcLines(file: string): Promise<{ ms: number; lines: number }> {
  const t0 = now();
  const { stdout } = await promisify(execFile)('wc', ['-l', file]);
  return { ms: now() - t0, lines: Number(stdout.trim().split(/\s+/)[0]) };
}

interface Indexed {
  index: TraceIndex;
  ms: number;
  firstPageMs: number;
  firstPageLines: number;
}

/** Indexes `file` as the CLI does; reads the first page as soon as the indexer offers it. */
async function indexFile(file: string): Promise<Indexed> {
  const t0 = now();
  const fh = await open(file, 'r');
  const read = async (offset: number, length: number): Promise<Uint8Array> => {
    const buf = Buffer.alloc(length);
    const { bytesRead } = await fh.read(buf, 0, length, offset);
    return buf.subarray(0, bytesRead);
  };
  let firstPage: Promise<{ ms: number; lines: number }> | undefined;
  const onFirstLines = (partial: PageableIndex): void => {
    firstPage = pageLines(partial, read, 0, PAGE).then((ls) => ({ ms: now() - t0, lines: ls.length }));
  };
  try {
    const index = await indexTraceChunks(createReadStream(file, { highWaterMark: TRACE_READ_CHUNK }), {
      firstLines: PAGE,
      onFirstLines,
    });
    const ms = now() - t0;
    if (!firstPage) {
      throw new Error('the indexer never offered a first page');
    }
    const fp = await firstPage;
    return { index, ms, firstPageMs: fp.ms, firstPageLines: fp.lines };
  } finally {
    await fh.close();
  }
}

async function main(): Promise<void> {
  const mb = argValue('--mb', Number(process.env.ZOS_TLS_TRACE_BENCH_MB ?? 1024));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-trace-bench-'));
  const file = path.join(dir, 'gsksrvr.trc');
  try {
    process.stderr.write(`… generating a ${mb} MB GSK trace in ${file}\n`);
    const tg = now();
    const gen = generateGskTrace(file, mb * 1024 * 1024);
    const genMs = now() - tg;
    const MiB = gen.bytes / (1024 * 1024);
    process.stderr.write('… wc -l\n');
    await wcLines(file); // once to have the file in the page cache for both readers
    const wc = await wcLines(file);
    process.stderr.write('… indexing\n');
    const rssBefore = process.resourceUsage().maxRSS / 1024;
    const ix = await indexFile(file);
    const peakRss = process.resourceUsage().maxRSS / 1024;
    const { index } = ix;
    if (index.lineCount !== wc.lines && index.lineCount !== wc.lines + 1) {
      throw new Error(`the index counted ${index.lineCount} lines, wc -l ${wc.lines}`);
    }
    const mbps = MiB / (ix.ms / 1000);
    const wcMbps = MiB / (wc.ms / 1000);
    const ratio = mbps / wcMbps;
    const failed = index.connections.filter((c) => c.outcome === 'failed').length;
    const f = (x: number, d = 1): string => x.toFixed(d);
    const verdict = (ok: boolean): string => (ok ? 'met' : 'missed');
    const rows: [string, string][] = [
      ['trace', `${f(MiB)} MB, ${gen.lines.toLocaleString('en')} lines, format ${index.format}`],
      [
        'generated',
        `${gen.connections} connections (${gen.failing} ending in an error) in ${f(genMs / 1000)} s`,
      ],
      ['wc -l', `${f(wc.ms, 0)} ms = ${f(wcMbps, 0)} MB/s`],
      ['index (stream)', `${f(ix.ms, 0)} ms = ${f(mbps, 1)} MB/s`],
      ['ratio to wc -l', `${f(ratio, 3)} (target ≥ 0.25: ${verdict(ratio >= 0.25)})`],
      [
        'peak RSS',
        `${f(peakRss, 0)} MB (before indexing ${f(rssBefore, 0)}; target ≤ 300: ${verdict(peakRss <= 300)})`,
      ],
      [
        'first page',
        `${f(ix.firstPageMs, 0)} ms for ${ix.firstPageLines} lines (target ≤ 1000: ${verdict(ix.firstPageMs <= 1000)})`,
      ],
      [
        'index',
        `${index.events.length} events kept (${index.eventsDropped} dropped), ${index.connections.length} connections (${failed} failed), ${index.findings.length} findings`,
      ],
      [
        'load average',
        os
          .loadavg()
          .map((l) => f(l, 2))
          .join(' ') + ` on ${os.cpus().length} CPUs`,
      ],
    ];
    report(
      `Trace benchmark (Node ${process.version})`,
      rows,
      {
        mb: MiB,
        lines: gen.lines,
        generateMs: genMs,
        wcMs: wc.ms,
        indexMs: ix.ms,
        mbPerS: mbps,
        ratio,
        peakRssMb: peakRss,
        firstPageMs: ix.firstPageMs,
        events: index.events.length,
        eventsDropped: index.eventsDropped,
        connections: index.connections.length,
        failedConnections: failed,
        findings: index.findings.length,
        loadavg: os.loadavg(),
        cpus: os.cpus().length,
      },
      'bench-trace.json',
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

runBench(main);
