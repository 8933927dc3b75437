// Runs one format parser over a whole text, split the way trace-formats.md §1.2 says (CRLF, LF and a
// lone CR), so the parser tests need no file reader of their own.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FORMAT_PARSERS } from '../../../../server/src/service/trace/formats/index';
import type { TraceEvent, TraceFormat } from '../../../../server/src/service/trace/types';

export const CORPUS = path.resolve(__dirname, '../../../../../shared/corpus/traces');
export const FIXTURES = path.resolve(__dirname, '../../../fixtures/traces');

export function parseText(format: TraceFormat, text: string): TraceEvent[] {
  const parser = FORMAT_PARSERS[format];
  if (!parser) {
    throw new Error(`no parser registered for ${format}`);
  }
  const p = parser.create();
  const events: TraceEvent[] = [];
  const emit = (e: TraceEvent): void => void events.push(e);
  let offset = 0;
  const re = /\r\n|\n|\r/g;
  let at = 0;
  let n = 0;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    if (!m && at >= text.length) {
      break;
    }
    p.push({ text: text.slice(at, end), line: n++, offset }, emit);
    offset += Buffer.byteLength(text.slice(at, m ? m.index + m[0].length : end));
    if (!m) {
      break;
    }
    at = m.index + m[0].length;
  }
  p.end(emit);
  return events;
}

export function parseFile(format: TraceFormat, file: string): TraceEvent[] {
  return parseText(format, readFileSync(file, 'utf8'));
}
