// Finds the RACF command text in a document, whatever carries it (racdcert-reference §1): the
// SYSTSIN data of batch TSO steps in JCL, literal host commands in REXX, or a plain command file.
// Every carrier reduces to CommandStreams, so one TSO command parser serves all of them; the
// carrier's own problems (columns 73-80, in-stream delimiters) are reported here with exact ranges.
import type { Fix, Range, Severity } from '../types';
import { SourceText } from '../text/sourceText';
import type { CommandStream, Segment } from './source';
import type { JclJob } from './jcl';
import { jclStreams, parseJcl } from './jcl';
import type { SkippedCommand } from './rexx';
import { rexxStreams } from './rexx';

export type { SkippedCommand } from './rexx';

/** Rules a carrier reports (catalogue ids, docs/rules.md). */
export type CarrierRule = 'racf/columns' | 'racf/stream-delimiter';

export interface CarrierProblem {
  rule: CarrierRule;
  message: string;
  range: Range;
  /** Only when the catalogue row names a second severity; otherwise the rule's default applies. */
  severity?: Severity;
  fixes?: Fix[];
}

/** `racf` is accepted as another name for `plain`, the name detectRacfLanguage gives such files. */
export type CarrierKind = 'jcl' | 'rexx' | 'plain' | 'racf';

export interface CarrierResult {
  streams: CommandStream[];
  /** JCL documents: the job as far as the RACF checks need it (steps, DDs, in-stream data). */
  jcl?: JclJob;
  problems: CarrierProblem[];
  /** REXX documents: RACF commands built from variables, deliberately not turned into streams. */
  skipped?: SkippedCommand[];
}

/**
 * The command streams of a document.
 * - jcl: one stream per command input of each batch TSO step (SYSTSIN in-stream data, or the DD
 *   that `SYSTSIN DD DDNAME=` selects; every in-stream DD of the step when the name is a symbol),
 *   one segment per data line cut at column 72, `fixedRecords: true`.
 * - rexx: one stream per literal RACF host command; its segments, concatenated in order, are the
 *   exact command string TSO receives (one command, no TSO continuation processing). A segment
 *   whose text is ' ' stands for the blank REXX puts between abutted terms or for a continuation
 *   comma. Several segments can share a line.
 * - plain: one stream for the whole file, one segment per line (blank lines included, so the TSO
 *   parser sees where a continuation runs into nothing); none when the file is blank.
 */
export function findCommandStreams(source: SourceText | string, kind: CarrierKind): CarrierResult {
  const src = typeof source === 'string' ? new SourceText(source) : source;
  if (kind === 'jcl') {
    const jcl = parseJcl(src);
    const { streams, problems } = jclStreams(src, jcl);
    return { streams, jcl, problems };
  }
  if (kind === 'rexx') {
    const { streams, skipped } = rexxStreams(src);
    return { streams, problems: [], skipped };
  }
  return { streams: plainStreams(src), problems: [] };
}

/** A plain command file as one stream. */
export function plainStreams(src: SourceText): CommandStream[] {
  const segments: Segment[] = [];
  let lastText = -1;
  for (let line = 0; line < src.lineCount; line++) {
    const text = src.lineText(line);
    segments.push({ line, start: 0, end: text.length, text });
    if (text.trim()) {
      lastText = line;
    }
  }
  if (lastText < 0) {
    return [];
  }
  // Trailing blank lines carry nothing; the stream ends with the last line that has text.
  segments.length = lastText + 1;
  const last = segments[lastText];
  return [
    {
      kind: 'plain',
      segments,
      fixedRecords: false,
      range: { start: { line: 0, character: 0 }, end: { line: last.line, character: last.end } },
    },
  ];
}
