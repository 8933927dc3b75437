// What a RACF command stream does, in order: the commands as parsed, and (filled by the model
// builder) the certificates, rings, connections, permits and refreshes they create, so rules that
// look across commands read one model instead of re-reading the text.
import type { Fix, Range, Severity, ZosRelease } from '../types';
import type { SourceText } from '../text/sourceText';
import type { TsoCommand, TsoProblem } from './ast';
import type { CommandStream } from './source';

export type RacfLanguage = 'jcl' | 'rexx' | 'racf';

/** A problem found while reading the carrier (JCL columns, stream delimiters) or parsing commands. */
export interface RacfProblem {
  rule: string;
  message: string;
  range: Range;
  severity?: Severity;
  fixes?: Fix[];
}

export interface RacfModel {
  source: SourceText;
  language: RacfLanguage;
  release: ZosRelease;
  /** "Now" for date rules; injected so tests and the CLI are repeatable. */
  today: Date;
  /** The FIPS setting: racf/fips-key reports only when the consumers run in FIPS mode. */
  fips: boolean;
  streams: CommandStream[];
  /** Every parsed command, in document order (non-RACF TSO commands included, without canonicalName). */
  commands: TsoCommand[];
  /** The RACF commands only (canonicalName set). */
  racf: TsoCommand[];
  problems: RacfProblem[];
  parseProblems: TsoProblem[];
}
