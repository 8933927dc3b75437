// Where RACF command text lives in a document. JCL, REXX and plain command files all reduce to
// command streams: ordered spans of the document that carry command text, so one TSO command
// parser serves every carrier and every finding keeps an exact document range.
import type { Range } from '../types';

/** One physical line's share of a command stream. */
export interface Segment {
  /** 0-based document line. */
  line: number;
  /** First UTF-16 column of the usable text on that line. */
  start: number;
  /** Column just after it (JCL: never beyond column 72, i.e. character index 72). */
  end: number;
  /**
   * The command text this span contributes. Equal to the document slice except where the carrier
   * escapes characters (a REXX literal's doubled quote); position i maps to column start + i
   * (clamped to end).
   */
  text: string;
}

export type StreamKind = 'jcl-systsin' | 'rexx-literal' | 'plain';

export interface CommandStream {
  kind: StreamKind;
  segments: Segment[];
  /** JCL in-stream data in fixed 80-byte records: columns 73-80 are not command text. */
  fixedRecords: boolean;
  /** JCL: the step name and program (IKJEFT01/1A/1B) and the DD name that holds the stream. */
  step?: { name: string; program: string; ddName: string; range: Range };
  /** Range of the whole stream in the document. */
  range: Range;
}
