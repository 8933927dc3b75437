// Runs a format parser over a real sample (read from the shared corpus at test time, never copied)
// or a fixture, and projects its events to the fields the parser tests assert (1-based lines).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'node:test';
import { splitTextLines } from '../../../../server/src/service/trace/lines';
import type { FormatParser, TraceEvent } from '../../../../server/src/service/trace/types';

export { CORPUS, FIXTURES } from './parseText';

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

/**
 * The sample tests of a parser (inside its describe): `expected` names every file of `dir`, and each
 * file's events read as its `brief` lines, are of the parser's format and hold their codes' lines.
 */
export function itReadsEverySample(
  parser: FormatParser,
  dir: string,
  expected: Record<string, string[]>,
): void {
  it('covers every sample of the folder', () => {
    assert.deepEqual(readdirSync(dir).sort(), Object.keys(expected).sort());
  });
  for (const [file, want] of Object.entries(expected)) {
    it(file, () => {
      const events = parseFile(parser, `${dir}/${file}`);
      assert.deepEqual(events.map(brief), want);
      for (const e of events) {
        assert.equal(e.format, parser.format);
        for (const c of e.codes ?? []) {
          assert.ok(c.line >= e.line && c.line <= e.endLine, `${c.id} inside its event`);
        }
      }
    });
  }
}
