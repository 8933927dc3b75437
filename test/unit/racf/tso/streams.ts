// Builds command streams directly from text, the way a carrier would: one segment per line.
import type { CommandStream, Segment, StreamKind } from '../../../../server/src/service/racf/source';

/** One segment per line of `text`, each covering the whole line (CR of CRLF excluded). */
export function plainStream(text: string, kind: StreamKind = 'plain'): CommandStream {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  return streamOf(
    lines.map((l, line) => ({ line, start: 0, end: l.length, text: l })),
    kind,
    false,
  );
}

export function streamOf(segments: Segment[], kind: StreamKind, fixedRecords: boolean): CommandStream {
  const first = segments[0];
  const last = segments[segments.length - 1];
  return {
    kind,
    segments,
    fixedRecords,
    range: {
      start: { line: first?.line ?? 0, character: first?.start ?? 0 },
      end: { line: last?.line ?? 0, character: last?.end ?? 0 },
    },
  };
}

/**
 * Naive JCL extraction for tests only (the real carrier is another module): the lines after each
 * `SYSTSIN DD *` or `DD DATA[,DLM=xx]` statement up to the delimiter, columns 1-72.
 */
export function naiveJclStreams(text: string): CommandStream[] {
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const streams: CommandStream[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = /^\/\/\S*\s+DD\s+(\*|DATA)(?:,DLM=(\S\S))?/.exec(lines[i]);
    if (!m) {
      continue;
    }
    const data = m[1] === 'DATA';
    const dlm = m[2] ?? '/*';
    const segs: Segment[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const l = lines[j];
      if (l.startsWith(dlm) || (!data && l.startsWith('//'))) {
        break;
      }
      const t = l.slice(0, 72);
      segs.push({ line: j, start: 0, end: t.length, text: t });
    }
    if (segs.length) {
      streams.push(streamOf(segs, 'jcl-systsin', true));
    }
    i = j;
  }
  return streams;
}
