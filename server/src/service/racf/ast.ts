// The syntax tree of TSO/RACF commands. Every node keeps a document range mapped back through the
// command stream's segments, so a finding on a keyword nested three subfields deep inside a
// continued command still lands on the exact characters the user wrote (racdcert-reference §1.2).
import type { Fix, Range } from '../types';
import type { CommandStream } from './source';

/** A word as written, with the upper-case form rules compare against (keywords are case-insensitive). */
export interface Word {
  text: string;
  upper: string;
  range: Range;
}

/** An apostrophe-quoted value. A value continued across lines has the range from its start to its end. */
export interface QuotedValue {
  kind: 'quoted';
  /** As written, with the quotes, after joining continued lines. */
  raw: string;
  /** The content with doubled apostrophes undone. */
  value: string;
  /** False when the command ended before the closing quote (reported as racf/syntax). */
  closed: boolean;
  /** Contains a JCL symbol (`&SYM.`) or a template placeholder: its final value is unknown. */
  symbolic: boolean;
  range: Range;
}

/** A plain value in a subfield: a ring name, a user ID, a date, `*`, `&SYM.`, `${…}`. */
export interface WordValue {
  kind: 'word';
  text: string;
  upper: string;
  symbolic: boolean;
  range: Range;
}

/**
 * A keyword with or without a subfield (`TRUST`, `ID(X)`, `SIZE (1024)`, `LABEL('x')` inside
 * `SIGNWITH(...)`). A top-level positional operand (PERMIT's profile name, RDEFINE's class) is an
 * operand too: its keyword is the word as written. A top-level quoted operand (`PERMIT 'A.B'`) has the
 * quoted text as its keyword and the decoded value in `quoted`. A parenthesis with no word before it
 * (`RING((SHOPZ)`) becomes an operand with an empty keyword at the `(`.
 */
export interface Operand {
  kind: 'operand';
  keyword: Word;
  quoted?: QuotedValue;
  /** The `(` that opens the subfield, when there is one. */
  open?: Range;
  /** The matching `)`; undefined when the subfield was never closed (reported). */
  close?: Range;
  values: Value[];
  /**
   * Operands written after this subfield was closed too early, moved back inside it so the model
   * reflects what the author meant (the early close is reported as racf/syntax).
   */
  recovered?: Operand[];
  /** From the keyword to the `)` (or to the last value when unclosed). */
  range: Range;
}

export type Value = QuotedValue | WordValue | Operand;

/** The RACF commands the RACF rules understand, by canonical name. */
export type RacfCommandName = 'RACDCERT' | 'SETROPTS' | 'PERMIT' | 'RDEFINE' | 'RALTER' | 'RLIST' | 'RDELETE';

export interface TsoComment {
  range: Range;
  /** False for a comment opened on a line that never closes it: TSO ends it at the end of the line. */
  closed: boolean;
}

export interface TsoCommand {
  /** The command name as written (`racdcert`, `SETR`, `PE`). */
  name: Word;
  /** Undefined for commands that are not RACF commands (PROFILE, ACF2/TSS subcommands, prose). */
  canonicalName?: RacfCommandName;
  operands: Operand[];
  /** From the command name to the last token. */
  range: Range;
  /** The logical command after joining continuations, comments replaced by a blank; for messages. */
  text: string;
  stream: CommandStream;
  /** Indexes of the stream segments the command spans. */
  segments: number[];
  comments: TsoComment[];
}

export type TsoRule = 'racf/syntax' | 'racf/continuation';

export interface TsoProblem {
  rule: TsoRule;
  message: string;
  range: Range;
  fixes?: Fix[];
}
