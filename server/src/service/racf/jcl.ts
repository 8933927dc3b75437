// JCL as a carrier of TSO commands (racdcert-reference §1.1). Only as much JCL is modelled as the
// RACF checks need: statements and their continuations, the steps, the DD statements of each step,
// the in-stream data after `DD *` / `DD DATA` and how it ends, `SET` symbols, and which in-stream
// data set a batch TSO step (PGM=IKJEFT01/IKJEFT1A/IKJEFT1B) reads as SYSTSIN.
//
// End of in-stream data (z/OS MVS JCL Reference, DLM parameter; JCL User's Guide "Entering data
// through the input stream"): `DD *` ends at `/*` or at any `//` statement; `DD DATA` ends only at
// `/*`; with DLM=xx only `xx` ends it, except that under JES2 a `//` statement still ends a `DD *`.
// A missing delimiter ends the data at the next JCL statement or the end of the file.
import type { Range } from '../types';
import { rangeOf } from '../types';
import type { SourceText } from '../text/sourceText';
import type { CommandStream, Segment } from './source';
import type { CarrierProblem } from './carriers';

/** The TMP entry points that run TSO commands in batch (reference §1.1, R34). */
export const TSO_PROGRAMS: readonly string[] = ['IKJEFT01', 'IKJEFT1A', 'IKJEFT1B'];

/** SYSTSIN of fixed 80-byte records: only columns 1-72 reach TSO (reference §1.1, R14). */
export const TEXT_COLUMNS = 72;

/** JCL statement fields end at column 71; 72 is the continuation column, 73-80 sequence numbers. */
const JCL_FIELD_COLUMNS = 71;

/** Operations a `//` statement may carry; used to tell a JCL statement from stray `//` text. */
const JCL_OPERATIONS = new Set([
  'JOB',
  'EXEC',
  'DD',
  'SET',
  'IF',
  'ELSE',
  'ENDIF',
  'PROC',
  'PEND',
  'JCLLIB',
  'INCLUDE',
  'OUTPUT',
  'CNTL',
  'ENDCNTL',
  'EXPORT',
  'XMIT',
  'COMMAND',
  'SCHEDULE',
]);

export interface JclOperand {
  /** Upper-cased keyword of `KEY=value`; undefined for a positional operand. */
  key?: string;
  /** The value as written (quotes kept). */
  value: string;
  range: Range;
}

export interface JclStatement {
  /** First and last physical line (continuations included). */
  line: number;
  endLine: number;
  /** Name field (may be `procstep.ddname`); '' when column 3 is blank. */
  name: string;
  /** Operation, upper-cased (EXEC, DD, SET, …). */
  op: string;
  operands: JclOperand[];
  range: Range;
  nameRange?: Range;
  opRange: Range;
}

export interface InstreamData {
  /** `*` or `DATA`. */
  type: '*' | 'DATA';
  /** The DLM= characters, quotes removed. */
  dlm?: string;
  /** SYMBOLS= value when coded (EXECSYS, JCLONLY, …): JCL symbols are substituted in the data. */
  symbols?: string;
  /** First data line; equals the delimiter (or next statement) line when the data is empty. */
  firstLine: number;
  /** Line after the last data line. */
  endLine: number;
  /** The delimiter line (`/*` or the DLM characters) when one closed the data. */
  delimiterLine?: number;
  /**
   * Lines that end the data in column 1 (`/*`, `//`) although the author plainly meant them as part
   * of it (text follows on the line and more data follows). JES ends the data there; the model keeps
   * reading as the author meant so that the commands after it are still checked, and
   * racf/stream-delimiter reports each of these lines.
   */
  earlyEnds: number[];
}

export interface JclDd {
  /** DD name (the part after the dot of `procstep.ddname`), upper-cased. */
  name: string;
  statement: JclStatement;
  instream?: InstreamData;
  /** DDNAME= target as written (may hold a symbol such as `&PRODUCT`). */
  ddnameRef?: string;
}

export interface JclStep {
  name: string;
  /** PGM= value, upper-cased, symbols resolved through earlier SET statements when possible. */
  program?: string;
  /** Runs the TSO terminal monitor program in batch. */
  tso: boolean;
  statement: JclStatement;
  dds: JclDd[];
  /**
   * The DDs whose in-stream data the TMP reads as commands: SYSTSIN itself when it is in-stream;
   * the DD named by `SYSTSIN DD DDNAME=x`; or, when x is a symbol (`DDNAME=&PRODUCT`, chosen at run
   * time), every in-stream DD of the step, because each is the command input of one choice.
   */
  commandInput: JclDd[];
}

export interface JclJob {
  statements: JclStatement[];
  steps: JclStep[];
  /** Values of SET symbols (last SET wins), quotes removed. */
  symbols: Record<string, string>;
}

// ---------------------------------------------------------------------------------------------
// Statement scanning

/** The operand field of a JCL line: from `from` to the first blank outside apostrophes. */
function operandField(text: string, from: number): { value: string; end: number } {
  let i = from;
  let quoted = false;
  while (i < text.length) {
    const c = text[i];
    if (c === "'") {
      quoted = !quoted;
    } else if (c === ' ' && !quoted) {
      break;
    }
    i++;
  }
  return { value: text.slice(from, i), end: i };
}

function skipBlanks(text: string, i: number): number {
  while (i < text.length && text[i] === ' ') {
    i++;
  }
  return i;
}

/** Splits an operand field at top-level commas (outside apostrophes and parentheses). */
function splitOperands(line: number, field: string, start: number, into: JclOperand[]): void {
  let depth = 0;
  let quoted = false;
  let from = 0;
  const push = (to: number): void => {
    const raw = field.slice(from, to);
    if (raw) {
      const eq = raw.indexOf('=');
      // `KEY=value` only when KEY is a plain word: `'A=B'` or `(X=Y)` stay positional.
      const key = eq > 0 && /^[A-Za-z][A-Za-z0-9#@$]*$/.test(raw.slice(0, eq)) ? raw.slice(0, eq) : undefined;
      into.push({
        ...(key ? { key: key.toUpperCase() } : {}),
        value: key ? raw.slice(eq + 1) : raw,
        range: rangeOf(line, start + from, start + to),
      });
    }
  };
  for (let i = 0; i < field.length; i++) {
    const c = field[i];
    if (c === "'") {
      quoted = !quoted;
    } else if (!quoted && c === '(') {
      depth++;
    } else if (!quoted && c === ')') {
      depth = Math.max(0, depth - 1);
    } else if (!quoted && depth === 0 && c === ',') {
      push(i);
      from = i + 1;
    }
  }
  push(field.length);
}

/** Whether `//…` text parses as a JCL statement (comment, null statement or a known operation). */
export function isJclStatement(text: string): boolean {
  if (!text.startsWith('//')) {
    return false;
  }
  if (text.startsWith('//*')) {
    return true;
  }
  const body = text.slice(0, JCL_FIELD_COLUMNS);
  let i = 2;
  if (body[i] !== ' ' && i < body.length) {
    const name = operandField(body, i);
    i = name.end;
  }
  i = skipBlanks(body, i);
  if (i >= body.length) {
    return true; // null statement `//`, or a name alone (continuation or error: still JCL)
  }
  const op = operandField(body, i).value.toUpperCase();
  return JCL_OPERATIONS.has(op);
}

/** Unquotes a JCL value: `'$$'` → `$$`, doubled apostrophes undoubled. */
export function unquote(value: string): string {
  if (value.length >= 2 && value.startsWith("'") && value.endsWith("'")) {
    return value.slice(1, -1).replace(/''/g, "'");
  }
  return value;
}

/** Resolves `&SYM` / `&SYM.` through SET symbols; undefined when a symbol is unknown. */
function resolveSymbols(value: string, symbols: Record<string, string>): string | undefined {
  let unknown = false;
  const out = value.replace(/&([A-Za-z#@$][A-Za-z0-9#@$]*)\.?/g, (_m, name: string) => {
    const v = symbols[name.toUpperCase()];
    if (v === undefined) {
      unknown = true;
      return '';
    }
    return v;
  });
  return unknown ? undefined : out;
}

// ---------------------------------------------------------------------------------------------
// The parser

/** True when the line holds nothing after column 2 but blanks and a sequence number. */
function bareDelimiter(text: string, width: number): boolean {
  return text.slice(width, TEXT_COLUMNS).trim() === '';
}

/** Whether the next non-blank line after `line` is JCL (or there is none): nothing would be lost. */
function followedByJcl(source: SourceText, line: number, dlm: string | undefined): boolean {
  for (let l = line + 1; l < source.lineCount; l++) {
    const t = source.lineText(l);
    if (t.trim() === '') {
      continue;
    }
    return t.startsWith('//') || t.startsWith('/*') || (dlm !== undefined && t.startsWith(dlm));
  }
  return true;
}

/** Reads in-stream data from `first`; returns it and the line where JCL resumes. */
function readInstream(
  source: SourceText,
  first: number,
  type: '*' | 'DATA',
  dlm: string | undefined,
  symbols: string | undefined,
): { data: InstreamData; next: number } {
  const earlyEnds: number[] = [];
  // The empty "line" after a final line terminator is no record.
  const limit =
    source.lineCount > 1 && source.lineText(source.lineCount - 1) === ''
      ? source.lineCount - 1
      : source.lineCount;
  let l = first;
  for (; l < limit; l++) {
    const t = source.lineText(l);
    if (dlm !== undefined) {
      if (t.startsWith(dlm)) {
        return { data: mk(l, l), next: l + 1 };
      }
      // JES2: a `//` statement still ends DD *,DLM=xx (JES3 would not; JES2 is by far the commoner).
      if (type === '*' && t.startsWith('//')) {
        if (strayJclLine(source, l, t, dlm)) {
          earlyEnds.push(l);
          continue;
        }
        return { data: mk(l), next: l };
      }
      continue;
    }
    if (t.startsWith('/*')) {
      if (!bareDelimiter(t, 2) && !followedByJcl(source, l, undefined)) {
        earlyEnds.push(l);
        continue;
      }
      return { data: mk(l, l), next: l + 1 };
    }
    if (type === '*' && t.startsWith('//')) {
      if (strayJclLine(source, l, t, undefined)) {
        earlyEnds.push(l);
        continue;
      }
      return { data: mk(l), next: l };
    }
  }
  return { data: mk(l), next: l };

  function mk(end: number, delimiterLine?: number): InstreamData {
    return {
      type,
      ...(dlm !== undefined ? { dlm } : {}),
      ...(symbols !== undefined ? { symbols } : {}),
      firstLine: first,
      endLine: end,
      ...(delimiterLine !== undefined ? { delimiterLine } : {}),
      earlyEnds,
    };
  }
}

/**
 * A `//` line inside `DD *` data that is not JCL but text the author meant as data (`// create the
 * ring`, or a null statement `//` with more data after it). A real JCL statement ends the data
 * normally.
 */
function strayJclLine(source: SourceText, line: number, text: string, dlm: string | undefined): boolean {
  if (followedByJcl(source, line, dlm)) {
    return false;
  }
  return !isJclStatement(text) || text.slice(2, TEXT_COLUMNS).trim() === '';
}

/** Parses the JCL of a document: statements, steps, DDs and in-stream data. */
export function parseJcl(source: SourceText): JclJob {
  const statements: JclStatement[] = [];
  const steps: JclStep[] = [];
  const symbols: Record<string, string> = {};
  let step: JclStep | undefined;

  let l = 0;
  while (l < source.lineCount) {
    const text = source.lineText(l);
    if (!text.startsWith('//') || text.startsWith('//*')) {
      // Comments, JES2 control statements (`/*JOBPARM`), stray delimiters, and data with no DD
      // statement before it (the system's implicit SYSIN): not command input of any TSO step.
      l++;
      continue;
    }
    const st = readStatement(source, l);
    l = st.endLine + 1;
    if (!st.op) {
      continue; // null statement `//` or a malformed line
    }
    statements.push(st);
    if (st.op === 'SET') {
      for (const o of st.operands) {
        if (o.key) {
          symbols[o.key] = unquote(o.value);
        }
      }
    } else if (st.op === 'EXEC') {
      const pgm = st.operands.find((o) => o.key === 'PGM');
      const program = pgm ? (resolveSymbols(pgm.value, symbols) ?? pgm.value).toUpperCase() : undefined;
      step = {
        name: st.name,
        ...(program !== undefined ? { program } : {}),
        tso: program !== undefined && TSO_PROGRAMS.includes(program),
        statement: st,
        dds: [],
        commandInput: [],
      };
      steps.push(step);
    } else if (st.op === 'JOB') {
      step = undefined;
    } else if (st.op === 'DD') {
      const dd: JclDd = { name: (st.name.split('.').pop() ?? '').toUpperCase(), statement: st };
      const first = st.operands[0];
      const ddname = st.operands.find((o) => o.key === 'DDNAME');
      if (ddname) {
        dd.ddnameRef = ddname.value;
      }
      if (first && !first.key && (first.value === '*' || first.value.toUpperCase() === 'DATA')) {
        const dlmOp = st.operands.find((o) => o.key === 'DLM');
        const dlm = dlmOp ? unquote(dlmOp.value) : undefined;
        const sym = st.operands.find((o) => o.key === 'SYMBOLS');
        const r = readInstream(
          source,
          l,
          first.value === '*' ? '*' : 'DATA',
          dlm ? dlm : undefined,
          sym ? sym.value : undefined,
        );
        dd.instream = r.data;
        l = r.next;
      }
      step?.dds.push(dd);
    }
  }

  for (const s of steps) {
    if (!s.tso) {
      continue;
    }
    const systsin = s.dds.find((d) => d.name === 'SYSTSIN');
    if (!systsin) {
      continue;
    }
    if (systsin.instream) {
      s.commandInput.push(systsin);
    } else if (systsin.ddnameRef !== undefined) {
      const target = systsin.ddnameRef.toUpperCase();
      if (target.includes('&')) {
        s.commandInput.push(...s.dds.filter((d) => d.instream && d !== systsin));
      } else {
        const dd = s.dds.find((d) => d.name === target && d.instream);
        if (dd) {
          s.commandInput.push(dd);
        }
      }
    }
  }
  return { statements, steps, symbols };
}

/** Reads one statement starting at `line`, following comma continuations onto `//` lines. */
function readStatement(source: SourceText, line: number): JclStatement {
  const text = source.lineText(line).slice(0, JCL_FIELD_COLUMNS);
  let i = 2;
  let name = '';
  let nameRange: Range | undefined;
  if (i < text.length && text[i] !== ' ') {
    const f = operandField(text, i);
    name = f.value;
    nameRange = rangeOf(line, i, f.end);
    i = f.end;
  }
  i = skipBlanks(text, i);
  const opField = operandField(text, i);
  const op = opField.value.toUpperCase();
  const opRange = rangeOf(line, i, opField.end);
  i = skipBlanks(text, opField.end);
  const operands: JclOperand[] = [];
  let endLine = line;
  let endChar = opField.end;
  // IF/ELSE/ENDIF carry a relational expression, not operands; they never continue with a comma.
  if (op && op !== 'IF') {
    let field = operandField(text, i);
    splitOperands(line, field.value, i, operands);
    if (field.value) {
      endChar = field.end;
    }
    let cur = line;
    while (field.value.endsWith(',') && cur + 1 < source.lineCount) {
      const next = source.lineText(cur + 1).slice(0, JCL_FIELD_COLUMNS);
      if (!next.startsWith('//') || next.startsWith('//*') || next[2] !== ' ') {
        break;
      }
      cur++;
      const from = skipBlanks(next, 2);
      field = operandField(next, from);
      splitOperands(cur, field.value, from, operands);
      endLine = cur;
      endChar = field.end;
    }
  }
  return {
    line,
    endLine,
    name,
    op,
    operands,
    range: { start: { line, character: 0 }, end: { line: endLine, character: endChar } },
    ...(nameRange ? { nameRange } : {}),
    opRange,
  };
}

// ---------------------------------------------------------------------------------------------
// Streams and column checks

const SEQUENCE_FIELD = /^[0-9 ]*$/;

/** The command streams of a parsed job: one per command-input DD of each batch TSO step. */
export function jclStreams(
  source: SourceText,
  job: JclJob,
): { streams: CommandStream[]; problems: CarrierProblem[] } {
  const streams: CommandStream[] = [];
  const problems: CarrierProblem[] = [];
  for (const s of job.steps) {
    for (const dd of s.commandInput) {
      const data = dd.instream;
      if (!data) {
        continue;
      }
      const segments: Segment[] = [];
      for (let l = data.firstLine; l < data.endLine; l++) {
        const t = source.lineText(l);
        const end = Math.min(t.length, TEXT_COLUMNS);
        segments.push({ line: l, start: 0, end, text: t.slice(0, end) });
        const beyond = t.slice(TEXT_COLUMNS);
        if (!SEQUENCE_FIELD.test(beyond)) {
          problems.push(columnsProblem(l, t));
        }
      }
      for (const e of data.earlyEnds) {
        problems.push(delimiterProblem(source, e, data));
      }
      const last = segments[segments.length - 1];
      const range: Range = last
        ? { start: { line: segments[0].line, character: 0 }, end: { line: last.line, character: last.end } }
        : rangeOf(data.firstLine, 0, 0);
      streams.push({
        kind: 'jcl-systsin',
        segments,
        fixedRecords: true,
        step: {
          name: s.name,
          program: s.program ?? '',
          ddName: dd.name,
          range: s.statement.range,
        },
        range,
      });
    }
  }
  return { streams, problems };
}

function columnsProblem(line: number, text: string): CarrierProblem {
  const end = text.trimEnd().length;
  const dropped = text.slice(TEXT_COLUMNS, end).trim();
  const shown = dropped.length > 20 ? `${dropped.slice(0, 20)}…` : dropped;
  const beyond80 = end > 80 ? ' Text beyond column 80 does not even fit in the 80-byte record.' : '';
  return {
    rule: 'racf/columns',
    message:
      `Columns 73–80 of a SYSTSIN record are a sequence-number field that TSO ignores, so '${shown}' never ` +
      `reaches the command (a '-' or '+' there no longer continues it, a ')' or quote there no longer ` +
      `closes it).${beyond80} Keep command text within columns 1–72: break the line before column 73 ` +
      `and continue with '-' or '+'.`,
    range: rangeOf(line, TEXT_COLUMNS, end),
  };
}

function delimiterProblem(source: SourceText, line: number, data: InstreamData): CarrierProblem {
  const text = source.lineText(line);
  const mark = text.slice(0, 2);
  const what = data.dlm ? `DD ${data.type},DLM=${data.dlm}` : data.type === '*' ? 'DD *' : 'DD DATA';
  const cause =
    mark === '/*'
      ? `'/*' in columns 1–2 is the in-stream delimiter, so JES ends the ${what} data here`
      : `a line starting '//' is read as a JCL statement, so JES ends the ${what} data here`;
  const cure =
    mark === '/*'
      ? `Indent the comment by at least one blank, or code DD DATA,DLM=$$ and end the data with $$.`
      : `Indent the line by at least one blank${data.type === '*' ? ', or code DD DATA,DLM=$$ and end the data with $$' : ''}.`;
  return {
    rule: 'racf/stream-delimiter',
    message: `${cause}: the commands after this line never reach TSO (JES reads them as JCL or as a separate SYSIN). ${cure}`,
    range: rangeOf(line, 0, Math.min(text.trimEnd().length, TEXT_COLUMNS)),
    fixes: [
      {
        title: mark === '/*' ? 'Indent the comment by one blank' : 'Indent the line by one blank',
        edits: [{ range: rangeOf(line, 0, 0), newText: ' ' }],
        isPreferred: true,
      },
    ],
  };
}
