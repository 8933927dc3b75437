// REXX execs as carriers of RACF commands (racdcert-reference §1.3). A clause that is only an
// expression is a host command; in TSO it goes to the TSO environment (also `ADDRESS TSO expr`).
// Only commands built entirely from literal strings are handed on: a command with any fragment
// built from variables (`"RACDCERT ID("||user||")"`) or functions is unknown text at run time, so
// it becomes no stream at all and is listed as skipped instead — no rule can then report on a guess
// (reference §11 rexx-literal-only; corpus: zorow, racfadm build every command from variables).
//
// REXX rules modelled: comments `/* */` nest and may span lines; strings are '…' or "…" with the
// quote doubled inside and end at the end of the line; a clause ends at `;` or at the end of a line
// unless the line's last token is a comma, which continues the clause and counts as a blank; `||`
// concatenates without a blank, abuttal with blanks between the terms with exactly one blank,
// abuttal with nothing between without one; THEN, ELSE and OTHERWISE start a new clause; a
// leading `label:` is not part of the clause.
import type { Range } from '../types';
import type { SourceText } from '../text/sourceText';
import type { CommandStream, Segment } from './source';

/**
 * First words that make a literal host command a RACF command for us: the commands the reference
 * covers (RACDCERT and its companions, §6) and the SETR alias it documents.
 */
const RACF_COMMANDS = new Set(['RACDCERT', 'SETROPTS', 'SETR', 'PERMIT', 'RDEFINE', 'RALTER', 'RLIST']);

export interface SkippedCommand {
  /** The whole REXX clause that issues the command. */
  range: Range;
  /** Why it is not checked. */
  reason: string;
}

type TokKind = 'string' | 'symbol' | 'op' | 'comma' | 'cont' | 'semi' | 'eol';

interface Tok {
  kind: TokKind;
  line: number;
  start: number;
  end: number;
  text: string;
  /** Strings: the command text pieces, split at doubled quotes so positions map exactly. */
  segments?: Segment[];
  /** Strings: closed before the end of the line. */
  closed?: boolean;
}

const SYMBOL_CHAR = /[A-Za-z0-9.!?_#@$¢]/;

/** Tokenizes a whole exec; comments are dropped, `eol` marks line ends that end a clause. */
function tokenize(source: SourceText): Tok[] {
  const toks: Tok[] = [];
  let commentDepth = 0;
  for (let line = 0; line < source.lineCount; line++) {
    const t = source.lineText(line);
    const lineToks: Tok[] = [];
    let i = 0;
    while (i < t.length) {
      if (commentDepth > 0) {
        if (t.startsWith('*/', i)) {
          commentDepth--;
          i += 2;
        } else if (t.startsWith('/*', i)) {
          commentDepth++;
          i += 2;
        } else {
          i++;
        }
        continue;
      }
      const c = t[i];
      if (t.startsWith('/*', i)) {
        commentDepth = 1;
        i += 2;
        continue;
      }
      if (c === ' ' || c === '\t') {
        i++;
        continue;
      }
      if (c === '"' || c === "'") {
        lineToks.push(readString(t, line, i, c));
        i = lineToks[lineToks.length - 1].end;
        continue;
      }
      if (SYMBOL_CHAR.test(c)) {
        let j = i + 1;
        while (j < t.length && SYMBOL_CHAR.test(t[j])) {
          j++;
        }
        lineToks.push({ kind: 'symbol', line, start: i, end: j, text: t.slice(i, j) });
        i = j;
        continue;
      }
      if (c === ',' || c === ';') {
        lineToks.push({ kind: c === ',' ? 'comma' : 'semi', line, start: i, end: i + 1, text: c });
        i++;
        continue;
      }
      const op = t.startsWith('||', i) ? '||' : c;
      lineToks.push({ kind: 'op', line, start: i, end: i + op.length, text: op });
      i += op.length;
    }
    const last = lineToks[lineToks.length - 1];
    if (last && last.kind === 'comma') {
      last.kind = 'cont';
    } else {
      lineToks.push({ kind: 'eol', line, start: t.length, end: t.length, text: '' });
    }
    toks.push(...lineToks);
  }
  return toks;
}

function readString(t: string, line: number, from: number, q: string): Tok {
  const segments: Segment[] = [];
  let segStart = from + 1;
  let text = '';
  let i = from + 1;
  let closed = false;
  while (i < t.length) {
    if (t[i] === q) {
      if (t[i + 1] === q) {
        // A doubled quote is one quote character; close the piece after it so that every later
        // character keeps its exact column.
        text += q;
        segments.push({ line, start: segStart, end: i + 2, text });
        i += 2;
        segStart = i;
        text = '';
        continue;
      }
      closed = true;
      break;
    }
    text += t[i];
    i++;
  }
  if (text) {
    segments.push({ line, start: segStart, end: i, text });
  }
  return {
    kind: 'string',
    line,
    start: from,
    end: closed ? i + 1 : i,
    text: t.slice(from, i + 1),
    segments,
    closed,
  };
}

/** Splits the token list into clauses (`;`, line ends, THEN/ELSE/OTHERWISE, labels). */
function clauses(toks: Tok[]): Tok[][] {
  const out: Tok[][] = [];
  let cur: Tok[] = [];
  const flush = (): void => {
    // A leading `label:` is not part of the clause.
    if (cur.length >= 2 && cur[0].kind === 'symbol' && cur[1].kind === 'op' && cur[1].text === ':') {
      cur = cur.slice(2);
    }
    if (cur.length) {
      out.push(cur);
    }
    cur = [];
  };
  let depth = 0;
  for (const t of toks) {
    if (t.kind === 'semi' || t.kind === 'eol') {
      flush();
      depth = 0;
      continue;
    }
    if (t.kind === 'op' && t.text === '(') {
      depth++;
    } else if (t.kind === 'op' && t.text === ')') {
      depth = Math.max(0, depth - 1);
    }
    if (depth === 0 && t.kind === 'symbol' && /^(then|else|otherwise)$/i.test(t.text)) {
      flush();
      continue;
    }
    cur.push(t);
  }
  flush();
  return out;
}

interface Evaluated {
  /** All pieces are literal. */
  literal: boolean;
  segments: Segment[];
}

/** Evaluates an expression of literal strings joined by `||`, blanks and abuttal. */
function evaluate(expr: Tok[]): Evaluated {
  const segments: Segment[] = [];
  let prev: Tok | undefined; // the previous string term
  let concat = false; // `||` seen since prev
  let contTok: Tok | undefined; // continuation comma seen since prev
  for (const t of expr) {
    if (t.kind === 'string') {
      if (!t.closed) {
        return { literal: false, segments };
      }
      if (prev && !concat) {
        if (contTok) {
          segments.push({ line: contTok.line, start: contTok.start, end: contTok.end, text: ' ' });
        } else if (t.line === prev.line && t.start > prev.end) {
          segments.push({ line: t.line, start: prev.end, end: t.start, text: ' ' });
        }
      }
      segments.push(...(t.segments ?? []));
      prev = t;
      concat = false;
      contTok = undefined;
      continue;
    }
    if (t.kind === 'op' && t.text === '||' && prev) {
      concat = true;
      continue;
    }
    if (t.kind === 'cont' && prev) {
      contTok ??= t;
      continue;
    }
    return { literal: false, segments };
  }
  return { literal: prev !== undefined && !concat, segments };
}

function firstWord(segments: Segment[]): string {
  return (
    segments
      .map((s) => s.text)
      .join('')
      .trimStart()
      .split(/[\s(]/, 1)[0] ?? ''
  ).toUpperCase();
}

/** The RACF commands of a REXX exec, one stream per command built only from literals. */
export function rexxStreams(source: SourceText): { streams: CommandStream[]; skipped: SkippedCommand[] } {
  const streams: CommandStream[] = [];
  const skipped: SkippedCommand[] = [];
  for (const clause of clauses(tokenize(source))) {
    let expr: Tok[] | undefined;
    const head = clause[0];
    if (head.kind === 'string') {
      expr = clause;
    } else if (head.kind === 'symbol' && head.text.toUpperCase() === 'ADDRESS' && clause.length > 2) {
      const env = clause[1];
      const envName = env.kind === 'string' ? (env.segments ?? []).map((s) => s.text).join('') : env.text;
      if ((env.kind === 'symbol' || env.kind === 'string') && envName.toUpperCase() === 'TSO') {
        expr = clause.slice(2);
      }
    }
    if (!expr || expr.length === 0) {
      continue;
    }
    const range: Range = {
      start: { line: clause[0].line, character: clause[0].start },
      end: { line: clause[clause.length - 1].line, character: clause[clause.length - 1].end },
    };
    const ev = evaluate(expr);
    if (ev.literal) {
      const name = firstWord(ev.segments);
      if (RACF_COMMANDS.has(name)) {
        const first = expr[0];
        const last = expr[expr.length - 1];
        streams.push({
          kind: 'rexx-literal',
          segments: ev.segments,
          fixedRecords: false,
          range: {
            start: { line: first.line, character: first.start },
            end: { line: last.line, character: last.end },
          },
        });
      }
      continue;
    }
    // Not all literal: note it when its leading literal text shows a RACF command.
    if (expr[0].kind === 'string' && RACF_COMMANDS.has(firstWord(expr[0].segments ?? []))) {
      skipped.push({
        range,
        reason:
          'This command is built from REXX variables or functions, so its text is only known at run time; ' +
          'it is not checked.',
      });
    }
  }
  return { streams, skipped };
}
