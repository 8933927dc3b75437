// Runs a format parser over a real sample (read from the shared corpus at test time, never copied)
// or a fixture, and projects its events to the fields the parser tests assert (1-based lines).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { splitTextLines } from '../../../../server/src/service/trace/lines';
import type { FormatParser, TraceEvent } from '../../../../server/src/service/trace/types';

export const CORPUS = '/work/shared/corpus/traces';
export const FIXTURES = path.join(__dirname, '../../../fixtures/traces');

export function parseFile(parser: FormatParser, file: string): TraceEvent[] {
  const text = readFileSync(file, 'utf8');
  const p = parser.create();
  const out: TraceEvent[] = [];
  let n = 0;
  const tail = splitTextLines(text, 0, (start, end) => {
    p.push({ text: text.slice(start, end), line: n++, offset: start }, (e) => out.push(e));
  });
  if (tail < text.length) {
    p.push({ text: text.slice(tail), line: n++, offset: tail }, (e) => out.push(e));
  }
  p.end((e) => out.push(e));
  return out.sort((a, b) => a.line - b.line);
}

/** `line kind[:hsType] dir side alert cipher protocol connKey`, blanks dropped. */
export function brief(e: TraceEvent): string {
  return [
    e.endLine === e.line ? `${e.line + 1}` : `${e.line + 1}-${e.endLine + 1}`,
    e.hsType ? `${e.kind}:${e.hsType}` : e.kind,
    e.dir,
    e.side,
    e.alert
      ? `alert=${e.alert.level ?? '?'}/${e.alert.description ?? '?'}/${e.alert.code ?? '?'}`
      : undefined,
    e.cipher ? `cipher=${e.cipher}` : undefined,
    e.tlsVersion ? `v=${e.tlsVersion}` : undefined,
    e.connKey,
  ]
    .filter((x) => x !== undefined)
    .join(' ');
}
