// Error-tolerant parser of TSO/RACF command syntax (racdcert-reference §1.2). Commands arrive as a
// CommandStream (one segment per physical line, whatever the carrier), so the same parser serves
// JCL SYSTSIN data, REXX literals and plain command files, and every node keeps a document range.
//
// TSO rules modelled here: a line whose last non-blank character (after any trailing comment) is
// `-` or `+` continues; `-` keeps the next line's leading blanks, `+` deletes its leading
// delimiters (blanks, commas, tabs, comments); the rule is line-based, so it applies inside a quoted
// string too. `/* … */` comments may appear wherever a blank may; an unclosed one ends at the end of
// the line (real jobs rely on it). Apostrophes quote, a doubled apostrophe is one literal quote.
// Blanks or commas delimit; a blank may separate a keyword from its `(`. Keywords are
// case-insensitive. JCL symbols and template placeholders are plain values.
import type { Fix, Range } from '../types';
import type { CommandStream, Segment } from './source';
import type {
  Operand,
  QuotedValue,
  RacfCommandName,
  TsoCommand,
  TsoComment,
  TsoProblem,
  TsoRule,
  Value,
  Word,
  WordValue,
} from './ast';

// ---------------------------------------------------------------------------------------------
// Command names and keyword abbreviations

/** RACF command names and their documented aliases (SETR: reference §1.2; the others: RACF aliases). */
const COMMAND_NAMES: ReadonlyMap<string, RacfCommandName> = new Map<string, RacfCommandName>([
  ['RACDCERT', 'RACDCERT'],
  ['SETROPTS', 'SETROPTS'],
  ['SETR', 'SETROPTS'],
  ['PERMIT', 'PERMIT'],
  ['PE', 'PERMIT'],
  ['RDEFINE', 'RDEFINE'],
  ['RDEF', 'RDEFINE'],
  ['RALTER', 'RALTER'],
  ['RALT', 'RALTER'],
  ['RLIST', 'RLIST'],
  ['RL', 'RLIST'],
  // Not in the reference's command set, but Zowe's ZWENOKYR removes RDATALIB profiles with it; knowing
  // it lets its parentheses and quotes be checked like the other RACF commands.
  ['RDELETE', 'RDELETE'],
  ['RDEL', 'RDELETE'],
]);

export function canonicalCommandName(name: string): RacfCommandName | undefined {
  return COMMAND_NAMES.get(name.toUpperCase());
}

export type AbbreviationResult =
  | { kind: 'exact'; keyword: string }
  | { kind: 'unique'; keyword: string }
  | { kind: 'ambiguous'; candidates: string[] }
  | { kind: 'unknown' };

/**
 * Resolves a keyword against the valid keywords by TSO's rule: "A keyword for a command can be
 * shortened to as little as one character as long as it can be distinguished from other keywords"
 * (reference §1.2). An exact match wins even when it is also a prefix of a longer keyword (ID vs
 * IDNFILTER). Comparison is case-insensitive; results are in the case of `valid`.
 */
export function abbreviations(word: string, valid: readonly string[]): AbbreviationResult {
  const w = word.toUpperCase();
  if (!w) {
    return { kind: 'unknown' };
  }
  const candidates: string[] = [];
  for (const k of valid) {
    const u = k.toUpperCase();
    if (u === w) {
      return { kind: 'exact', keyword: k };
    }
    if (u.startsWith(w)) {
      candidates.push(k);
    }
  }
  if (candidates.length === 1) {
    return { kind: 'unique', keyword: candidates[0] };
  }
  return candidates.length ? { kind: 'ambiguous', candidates } : { kind: 'unknown' };
}

// ---------------------------------------------------------------------------------------------
// RACDCERT subfield knowledge used to recognise a subfield closed too early (reference §3, JSON
// `functions.*.keywords.*.subkeywords`): a keyword that only exists inside one of these subfields
// found at the top level of the command means the subfield's `)` came too early.

const SUBFIELD_KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  CONNECT: ['ID', 'SITE', 'CERTAUTH', 'LABEL', 'RING', 'USAGE', 'DEFAULT'],
  REMOVE: ['ID', 'SITE', 'CERTAUTH', 'LABEL', 'RING'],
  SIGNWITH: ['CERTAUTH', 'SITE', 'LABEL'],
  SUBJECTSDN: ['CN', 'T', 'OU', 'O', 'L', 'SP', 'C'],
  NOTBEFORE: ['DATE', 'TIME'],
  NOTAFTER: ['DATE', 'TIME'],
  ALTNAME: ['IP', 'DOMAIN', 'EMAIL', 'URI'],
  LIST: ['LABEL', 'SERIALNUMBER'],
  ALTER: ['LABEL', 'SERIALNUMBER'],
  DELETE: ['LABEL', 'SERIALNUMBER'],
  EXPORT: ['LABEL', 'SERIALNUMBER'],
  GENREQ: ['LABEL'],
  LISTCHAIN: ['LABEL'],
  REKEY: ['LABEL'],
  ROLLOVER: ['LABEL'],
};

/** Owner keywords are valid both inside those subfields and at the top level of every function. */
const OWNER_KEYWORDS = new Set(['ID', 'SITE', 'CERTAUTH']);

function belongsInside(container: string, keyword: string): boolean {
  return !OWNER_KEYWORDS.has(keyword) && (SUBFIELD_KEYWORDS[container]?.includes(keyword) ?? false);
}

// ---------------------------------------------------------------------------------------------
// Lexing one segment

const TYPO_QUOTES = new Set(['\u2018', '\u2019', '\u201c', '\u201d']);
const DASHES = new Set(['\u2013', '\u2014']);

type TokKind = 'word' | 'quoted' | 'open' | 'close';

interface Tok {
  kind: TokKind;
  text: string;
  /** Quoted: content with doubled quotes undone. */
  value: string;
  closed: boolean;
  symbolic: boolean;
  seg: number;
  start: number;
  endSeg: number;
  end: number;
  /** Quoted: typographic quotes inside an apostrophe-quoted string (each may be a mistyped closing quote). */
  inner?: { seg: number; index: number; ch: string }[];
}

interface OpenQuote {
  tok: Tok;
  /** Opened by a typographic quote: any quote character closes it. */
  typographic: boolean;
}

interface Continuation {
  index: number;
  ch: string;
  /** The continuation character was the end of a longer word (`certauth+`). */
  glued: boolean;
}

interface LineScan {
  tokens: Tok[];
  comments: { start: number; end: number; closed: boolean }[];
  /** Typographic quotes used where apostrophes belong (segment index positions). */
  typos: { index: number; ch: string }[];
  quote: OpenQuote | undefined;
  cont: Continuation | undefined;
  /** First index after the `+` stripping. */
  from: number;
  /** The line's contribution to the logical command text. */
  logical: string;
  /** True when nothing but blanks and comments is on the line. */
  blank: boolean;
}

/** Deepest parenthesis nesting kept in the tree (real commands nest three or four levels). */
const MAX_NESTING = 64;

function isBlank(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\f' || c === '\v' || c === '\r';
}

function isSymbolic(s: string): boolean {
  return s.includes('&') || s.includes('{') || s.includes('${') || /<[^<>]*>/.test(s);
}

/** Index after a `{…}` placeholder starting at i (nested braces allowed), or i when it is not closed. */
function skipBraces(t: string, i: number): number {
  let depth = 0;
  for (let j = i; j < t.length; j++) {
    if (t[j] === '{') {
      depth++;
    } else if (t[j] === '}') {
      depth--;
      if (depth === 0) {
        return j + 1;
      }
    }
  }
  return i;
}

/** Index after a `<label>` placeholder starting at i, or i when it is not one. */
function skipAngle(t: string, i: number): number {
  for (let j = i + 1; j < t.length; j++) {
    const c = t[j];
    if (c === '>') {
      return j > i + 1 ? j + 1 : i;
    }
    if (c === '(' || c === ')' || c === "'" || c === '<') {
      return i;
    }
  }
  return i;
}

function scanSegment(
  seg: Segment,
  segIndex: number,
  quoteIn: OpenQuote | undefined,
  strip: boolean,
): LineScan {
  const t = seg.text;
  const n = t.length;
  const tokens: Tok[] = [];
  const comments: LineScan['comments'] = [];
  const typos: LineScan['typos'] = [];
  let quote = quoteIn;
  let i = 0;
  if (strip) {
    // `+`: TSO deletes the continuation line's leading delimiters (blanks, commas, tabs, comments).
    for (;;) {
      while (i < n && (isBlank(t[i]) || (!quote && t[i] === ','))) {
        i++;
      }
      if (!quote && t.startsWith('/*', i)) {
        const close = t.indexOf('*/', i + 2);
        const end = close < 0 ? n : close + 2;
        comments.push({ start: i, end, closed: close >= 0 });
        i = end;
        continue;
      }
      break;
    }
  }
  const from = i;
  let lastSig = -1;
  while (i < n) {
    const c = t[i];
    if (quote) {
      const q = quote.tok;
      if (c === "'" && t[i + 1] === "'" && !quote.typographic) {
        q.text += "''";
        q.value += "'";
        lastSig = i + 1;
        i += 2;
        continue;
      }
      if (c === "'" || (quote.typographic && TYPO_QUOTES.has(c))) {
        if (c !== "'") {
          typos.push({ index: i, ch: c });
        }
        q.text += c;
        q.closed = true;
        q.endSeg = segIndex;
        q.end = i + 1;
        q.symbolic = isSymbolic(q.value);
        quote = undefined;
        lastSig = i;
        i++;
        continue;
      }
      if (TYPO_QUOTES.has(c)) {
        (q.inner ??= []).push({ seg: segIndex, index: i, ch: c });
      }
      q.text += c;
      q.value += c;
      q.endSeg = segIndex;
      q.end = i + 1;
      lastSig = i;
      i++;
      continue;
    }
    if (isBlank(c) || c === ',') {
      i++;
      continue;
    }
    if (c === '/' && t[i + 1] === '*') {
      const close = t.indexOf('*/', i + 2);
      const end = close < 0 ? n : close + 2;
      comments.push({ start: i, end, closed: close >= 0 });
      i = end;
      continue;
    }
    if (c === '(' || c === ')') {
      tokens.push(mkTok(c === '(' ? 'open' : 'close', c, segIndex, i, i + 1));
      lastSig = i;
      i++;
      continue;
    }
    if (c === "'" || TYPO_QUOTES.has(c)) {
      if (c !== "'") {
        typos.push({ index: i, ch: c });
      }
      const tok = mkTok('quoted', c, segIndex, i, i + 1);
      tok.value = '';
      tok.closed = false;
      tokens.push(tok);
      quote = { tok, typographic: c !== "'" };
      lastSig = i;
      i++;
      continue;
    }
    let j = i;
    while (j < n) {
      const d = t[j];
      if (isBlank(d) || d === ',' || d === '(' || d === ')' || d === "'" || TYPO_QUOTES.has(d)) {
        break;
      }
      if (d === '/' && t[j + 1] === '*') {
        break;
      }
      // Template placeholders (`${…}`, `{zowe.…}`, `{{ … }}`, `<data set name>`) may hold blanks.
      if (d === '{' || (d === '$' && t[j + 1] === '{')) {
        const k = skipBraces(t, d === '$' ? j + 1 : j);
        if (k > j + 1) {
          j = k;
          continue;
        }
      } else if (d === '<' && j === i) {
        const k = skipAngle(t, j);
        if (k > j) {
          j = k;
          continue;
        }
      }
      j++;
    }
    const text = t.slice(i, j);
    const tok = mkTok('word', text, segIndex, i, j);
    tok.symbolic = isSymbolic(text);
    tokens.push(tok);
    lastSig = j - 1;
    i = j;
  }

  let cont: Continuation | undefined;
  if (lastSig >= from) {
    const ch = t[lastSig];
    if (ch === '-' || ch === '+' || DASHES.has(ch)) {
      cont = { index: lastSig, ch, glued: false };
      const last = tokens[tokens.length - 1];
      if (quote && quote.tok.endSeg === segIndex && quote.tok.end === lastSig + 1) {
        // Line-based rule: the character is removed even inside a quoted string.
        quote.tok.text = quote.tok.text.slice(0, -1);
        quote.tok.value = quote.tok.value.slice(0, -1);
        quote.tok.end = lastSig;
      } else if (last && last.kind === 'word' && last.seg === segIndex && last.end === lastSig + 1) {
        if (last.text.length === 1) {
          tokens.pop();
        } else {
          last.text = last.text.slice(0, -1);
          last.end = lastSig;
          cont.glued = true;
        }
      }
    }
  }

  // Logical text: comments become one blank; the continuation character and what follows it go.
  const limit = cont ? cont.index : n;
  let logical = '';
  let p = from;
  for (const cm of comments) {
    if (cm.start < from) {
      continue;
    }
    if (cm.start >= limit) {
      break;
    }
    logical += t.slice(p, cm.start) + ' ';
    p = cm.end;
  }
  if (p < limit) {
    logical += t.slice(p, limit);
  }
  return {
    tokens,
    comments,
    typos,
    quote,
    cont,
    from,
    logical,
    blank: tokens.length === 0 && lastSig < from,
  };
}

function mkTok(kind: TokKind, text: string, seg: number, start: number, end: number): Tok {
  return { kind, text, value: text, closed: true, symbolic: false, seg, start, endSeg: seg, end };
}

// ---------------------------------------------------------------------------------------------
// Parser

export interface ParseResult {
  commands: TsoCommand[];
  problems: TsoProblem[];
  /** Every comment in the stream, including those on lines of their own between commands. */
  comments: TsoComment[];
}

export function parseCommands(stream: CommandStream): ParseResult {
  return new Parser(stream).run();
}

interface CommandDraft {
  tokens: Tok[];
  segs: number[];
  text: string;
  comments: TsoComment[];
  /** Problems found while assembling lines; kept only when the command turns out to be RACF. */
  pending: TsoProblem[];
  quote: OpenQuote | undefined;
}

class Parser {
  private readonly segs: Segment[];
  private readonly problems: TsoProblem[] = [];
  private readonly comments: TsoComment[] = [];
  private readonly commands: TsoCommand[] = [];

  constructor(private readonly stream: CommandStream) {
    this.segs = stream.segments;
  }

  run(): ParseResult {
    const n = this.segs.length;
    let i = 0;
    while (i < n) {
      const scan = scanSegment(this.segs[i], i, undefined, false);
      if (scan.tokens.length === 0) {
        this.addComments(i, scan, undefined);
        i++;
        continue;
      }
      i = this.assemble(i, scan);
    }
    return { commands: this.commands, problems: this.problems, comments: this.comments };
  }

  // --- positions -------------------------------------------------------------------------------

  private col(seg: number, index: number): number {
    const s = this.segs[seg];
    return Math.min(s.start + index, s.end);
  }

  // Adjacent tokens share positions (the end of `LABEL` is the start of its `(`): the last one made
  // is handed out again, as a command with thousands of operands otherwise spends most of its
  // parse on allocating (and collecting) equal positions. Ranges and positions are never mutated.
  private lastPos: { line: number; character: number } = { line: -1, character: -1 };

  private pos(seg: number, index: number): { line: number; character: number } {
    const line = this.segs[seg].line;
    const character = this.col(seg, index);
    const last = this.lastPos;
    if (last.line === line && last.character === character) {
      return last;
    }
    return (this.lastPos = { line, character });
  }

  private range(seg: number, start: number, endSeg: number, end: number): Range {
    return { start: this.pos(seg, start), end: this.pos(endSeg, end) };
  }

  private tokRange(t: Tok): Range {
    return this.range(t.seg, t.start, t.endSeg, t.end);
  }

  private addComments(seg: number, scan: LineScan, into: TsoComment[] | undefined): void {
    for (const c of scan.comments) {
      const comment: TsoComment = { range: this.range(seg, c.start, seg, c.end), closed: c.closed };
      this.comments.push(comment);
      into?.push(comment);
    }
  }

  // --- assembling a logical command ------------------------------------------------------------

  /** Builds one command starting at segment `first`; returns the index of the next segment. */
  private assemble(first: number, firstScan: LineScan): number {
    const draft: CommandDraft = {
      tokens: [],
      segs: [],
      text: '',
      comments: [],
      pending: [],
      quote: undefined,
    };
    const racf =
      firstScan.tokens[0].kind === 'word' && canonicalCommandName(firstScan.tokens[0].text) !== undefined;
    let i = first;
    let scan = firstScan;
    let depth = 0;
    for (;;) {
      this.take(draft, i, scan);
      for (const t of scan.tokens) {
        depth += t.kind === 'open' ? 1 : t.kind === 'close' ? -1 : 0;
      }
      draft.quote = scan.quote;
      const cont = scan.cont;
      if (cont) {
        if (DASHES.has(cont.ch)) {
          draft.pending.push(this.dashProblem(i, cont));
        }
        const next = i + 1;
        if (next >= this.segs.length || this.onlyBlankFrom(next)) {
          draft.pending.push(this.eofProblem(i, cont, depth === 0 && !draft.quote));
          return this.finish(draft, next);
        }
        const strip = cont.ch === '+';
        const nextScan = scanSegment(this.segs[next], next, draft.quote, strip);
        if (cont.glued && !draft.quote) {
          const head = nextScan.tokens[0];
          if (head && head.kind === 'word' && head.start === nextScan.from) {
            draft.pending.push(this.glueProblem(i, cont, draft.tokens[draft.tokens.length - 1], head));
          }
        }
        i = next;
        scan = nextScan;
        continue;
      }
      // A REXX command is one string however many source lines its literals span: the exec joins
      // them before TSO sees them, so there is no continuation character to look for.
      if (this.stream.kind === 'rexx-literal' && i + 1 < this.segs.length) {
        i = i + 1;
        scan = scanSegment(this.segs[i], i, draft.quote, false);
        continue;
      }
      // No continuation character: the command ends here, unless this is plainly a command spread
      // over lines with the continuation forgotten (documentation listings, reference §1.2).
      const next = i + 1;
      if (racf && !draft.quote && next < this.segs.length) {
        const peek = scanSegment(this.segs[next], next, undefined, false);
        if (this.looksContinued(peek, depth)) {
          draft.pending.push(this.missingContinuation(draft, depth, peek));
          draft.text = draft.text.trimEnd() + ' ';
          i = next;
          scan = peek;
          continue;
        }
      }
      return this.finish(draft, next);
    }
  }

  private take(draft: CommandDraft, seg: number, scan: LineScan): void {
    for (const t of scan.tokens) {
      draft.tokens.push(t);
    }
    draft.segs.push(seg);
    draft.text += scan.logical;
    this.addComments(seg, scan, draft.comments);
    for (const ty of scan.typos) {
      draft.pending.push(this.typoProblem(seg, ty.index, ty.ch));
    }
  }

  private onlyBlankFrom(seg: number): boolean {
    // Quote state is irrelevant here: a line with any text is content either way.
    for (let s = seg; s < this.segs.length; s++) {
      const sc = scanSegment(this.segs[s], s, undefined, false);
      if (!sc.blank) {
        return false;
      }
    }
    return true;
  }

  /**
   * A line that closes parentheses it never opened, or that starts with a keyword glued to its
   * `(` (`size(2048) …`, `c('AU')) …`), cannot be a command of its own: TSO command names are
   * followed by a blank. Such a line continues the previous command whose author forgot the `-`.
   */
  private looksContinued(peek: LineScan, depth: number): boolean {
    const [a, b] = peek.tokens;
    if (!a) {
      return false;
    }
    if (a.kind === 'word' && canonicalCommandName(a.text)) {
      return false;
    }
    const keywordFirst = a.kind === 'word' && b?.kind === 'open' && b.seg === a.seg && b.start === a.end;
    if (keywordFirst) {
      return true;
    }
    if (depth <= 0) {
      return false;
    }
    let d = 0;
    for (const t of peek.tokens) {
      d += t.kind === 'open' ? 1 : t.kind === 'close' ? -1 : 0;
      if (d < 0) {
        return true;
      }
    }
    return false;
  }

  // --- problems found while assembling ---------------------------------------------------------

  private typoProblem(seg: number, index: number, ch: string): TsoProblem {
    const range = this.range(seg, index, seg, index + 1);
    return {
      rule: 'racf/syntax',
      message:
        `'${ch}' is a typographic quote, not an apostrophe: TSO does not treat it as a quote, so the ` +
        "value around it is not read as a quoted string. Replace it with an apostrophe (')," +
        ' typically introduced by copying from a word processor or web page.',
      range,
      fixes: [
        { title: "Replace with an apostrophe (')", edits: [{ range, newText: "'" }], isPreferred: true },
      ],
    };
  }

  private dashProblem(seg: number, cont: Continuation): TsoProblem {
    const range = this.range(seg, cont.index, seg, cont.index + 1);
    const what = cont.ch === '\u2013' ? 'an en dash (U+2013)' : 'an em dash (U+2014)';
    return {
      rule: 'racf/syntax',
      message:
        `The line ends with ${what}, not a hyphen: TSO continues a line only with '-' or '+', so the ` +
        'command ends here and the next line is read as a separate, broken command. Replace it with a hyphen (-).',
      range,
      fixes: [{ title: 'Replace with a hyphen (-)', edits: [{ range, newText: '-' }], isPreferred: true }],
    };
  }

  private eofProblem(seg: number, cont: Continuation, complete: boolean): TsoProblem {
    const range = this.range(seg, cont.index, seg, cont.index + 1);
    const fixes: Fix[] = complete
      ? [{ title: `Remove the '${cont.ch}'`, edits: [{ range, newText: '' }], isPreferred: true }]
      : [];
    return {
      rule: 'racf/continuation',
      message:
        `The line ends with '${cont.ch}', which continues the command on the next line, but the command ` +
        'stream ends here: the command is incomplete. Add the rest of the command or remove the continuation character.',
      range,
      ...(fixes.length ? { fixes } : {}),
    };
  }

  private glueProblem(seg: number, cont: Continuation, before: Tok, head: Tok): TsoProblem {
    const range = this.range(seg, cont.index, seg, cont.index + 1);
    const how =
      cont.ch === '+' ? "'+' deletes the next line's leading blanks" : "'-' keeps nothing between them";
    return {
      rule: 'racf/continuation',
      message:
        `'${cont.ch}' directly after '${before.text}' joins it to '${head.text}' on the next line ` +
        `(${how}), giving '${before.text}${head.text}'. Put a blank before the '${cont.ch}'.`,
      range,
      fixes: [
        {
          title: `Insert a blank before '${cont.ch}'`,
          edits: [{ range: { start: range.start, end: range.start }, newText: ' ' }],
          isPreferred: true,
        },
      ],
    };
  }

  private missingContinuation(draft: CommandDraft, depth: number, peek: LineScan): TsoProblem {
    const last = draft.tokens[draft.tokens.length - 1];
    const at = this.tokRange(last);
    const next = peek.tokens[0];
    const why =
      depth > 0
        ? `the line ends with ${depth} parenthesis${depth > 1 ? 'es' : ''} still open and no continuation character`
        : `the next line starts with '${next.text}(', a keyword rather than a command, and this line has no continuation character`;
    return {
      rule: 'racf/continuation',
      message:
        `The command is split over lines without continuation: ${why}. TSO ends the command at the end of ` +
        'this line and reads the next line as a separate, broken command. End the line with " -" to continue it.',
      range: at,
      fixes: [
        {
          title: "Continue the command with ' -'",
          edits: [{ range: { start: at.end, end: at.end }, newText: ' -' }],
          isPreferred: true,
        },
      ],
    };
  }

  // --- building the tree -----------------------------------------------------------------------

  private word(t: Tok): Word {
    return { text: t.text, upper: t.text.toUpperCase(), range: this.tokRange(t) };
  }

  private finish(draft: CommandDraft, next: number): number {
    const toks = draft.tokens;
    const first = toks[0];
    const named = first.kind === 'word';
    const name: Word = named
      ? this.word(first)
      : {
          text: '',
          upper: '',
          range: { start: this.tokRange(first).start, end: this.tokRange(first).start },
        };
    const canonicalName = named ? canonicalCommandName(first.text) : undefined;
    const racf = canonicalName !== undefined;
    const lastTok = toks[toks.length - 1];
    const cmdRange: Range = { start: this.tokRange(first).start, end: this.tokRange(lastTok).end };
    const operands: Operand[] = [];
    const problems: TsoProblem[] = [];
    const report = (rule: TsoRule, message: string, range: Range, fixes?: Fix[]): void => {
      problems.push({ rule, message, range, ...(fixes && fixes.length ? { fixes } : {}) });
    };

    const stack: Operand[] = [];
    const anonymous: Operand[] = [];
    // Parentheses opened beyond MAX_NESTING (and the ')' that close them) are left out of the tree:
    // no RACF command nests that deep, and every consumer walks the nesting.
    let excess = 0;
    let tooDeep: Range | undefined;
    let prevWord: { container: Value[]; index: number } | undefined;
    const container = (): Value[] => (stack.length ? stack[stack.length - 1].values : operands);

    for (let k = named ? 1 : 0; k < toks.length; k++) {
      const t = toks[k];
      if (t.kind === 'word') {
        const c = container();
        if (stack.length) {
          const wv: WordValue = {
            kind: 'word',
            text: t.text,
            upper: t.text.toUpperCase(),
            symbolic: t.symbolic,
            range: this.tokRange(t),
          };
          c.push(wv);
        } else {
          const keyword = this.word(t);
          c.push({ kind: 'operand', keyword, values: [], range: keyword.range });
        }
        prevWord = { container: c, index: c.length - 1 };
        continue;
      }
      const pw = prevWord;
      prevWord = undefined;
      if (t.kind === 'quoted') {
        const qv: QuotedValue = {
          kind: 'quoted',
          raw: t.text,
          value: t.value,
          closed: t.closed,
          symbolic: t.symbolic || isSymbolic(t.value),
          range: this.tokRange(t),
        };
        if (stack.length) {
          container().push(qv);
        } else {
          operands.push({
            kind: 'operand',
            keyword: { text: t.text, upper: t.text, range: qv.range },
            quoted: qv,
            values: [],
            range: qv.range,
          });
        }
        continue;
      }
      if (t.kind === 'open') {
        const open = this.tokRange(t);
        if (stack.length >= MAX_NESTING) {
          excess++;
          tooDeep ??= open;
          continue;
        }
        let op: Operand;
        if (pw) {
          const item = pw.container[pw.index];
          if (item.kind === 'operand') {
            op = item;
          } else {
            // A word inside a subfield followed by `(` is a nested keyword: LABEL('x') in SIGNWITH(...).
            const w = { text: item.kind === 'word' ? item.text : item.raw, range: item.range };
            op = {
              kind: 'operand',
              keyword: { ...w, upper: w.text.toUpperCase() },
              values: [],
              range: w.range,
            };
            pw.container[pw.index] = op;
          }
        } else {
          op = {
            kind: 'operand',
            keyword: { text: '', upper: '', range: { start: open.start, end: open.start } },
            values: [],
            range: open,
          };
          container().push(op);
          anonymous.push(op);
        }
        op.open = open;
        op.range = { start: op.keyword.range.start, end: open.end };
        stack.push(op);
        continue;
      }
      // close
      if (excess > 0) {
        excess--;
        continue;
      }
      const close = this.tokRange(t);
      const op = stack.pop();
      if (op) {
        op.close = close;
        op.range = { start: op.keyword.range.start, end: close.end };
        continue;
      }
      if (racf && !draft.quote) {
        this.strayClose(canonicalName, operands, toks, k, close, report);
      }
    }
    // Unclosed subfields extend to the end of the command.
    for (const op of stack) {
      op.range = { start: op.keyword.range.start, end: cmdRange.end };
    }

    if (racf) {
      if (tooDeep) {
        report(
          'racf/syntax',
          `Parentheses are nested more than ${MAX_NESTING} deep here: a RACF command nests only a few levels, so the parentheses are almost certainly unbalanced. Only the first ${MAX_NESTING} levels are analyzed.`,
          tooDeep,
        );
      }
      if (draft.quote) {
        this.unclosedQuote(draft.quote, toks, report);
      } else if (stack.length) {
        this.unclosedParens(stack, anonymous, lastTok, canonicalName, report);
      }
      if (canonicalName === 'RACDCERT') {
        this.closedEarly(operands, report);
      }
      // In document order, so a command's findings read top to bottom.
      const all = [...draft.pending, ...problems];
      all.sort(
        (a, b) =>
          a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character,
      );
      this.problems.push(...all);
    }

    this.commands.push({
      name,
      ...(canonicalName ? { canonicalName } : {}),
      operands,
      range: cmdRange,
      text: draft.text.trim(),
      stream: this.stream,
      segments: draft.segs,
      comments: draft.comments,
    });
    return next;
  }

  private unclosedQuote(
    quote: OpenQuote,
    toks: Tok[],
    report: (r: TsoRule, m: string, g: Range, f?: Fix[]) => void,
  ): void {
    const q = quote.tok;
    // A typographic quote inside an apostrophe string is almost certainly the intended closing quote;
    // missing it shifts every later apostrophe, so the quote left open at the end is only a symptom.
    const inner = toks.flatMap((t) => t.inner ?? []);
    if (inner.length) {
      for (const x of inner) {
        const p = this.typoProblem(x.seg, x.index, x.ch);
        report(p.rule, p.message, p.range, p.fixes);
      }
      return;
    }
    const open = this.range(q.seg, q.start, q.seg, q.start + 1);
    const fixes: Fix[] = [];
    const paren = q.value.indexOf(')');
    if (paren > 0 && q.seg === q.endSeg) {
      // `LABEL('IBMUSER1Label))ID(…)`: the quote was most likely meant to close before the `)`.
      const at = this.pos(q.seg, q.start + 1 + paren);
      fixes.push({
        title: "Close the quoted string before ')'",
        edits: [{ range: { start: at, end: at }, newText: "'" }],
      });
    }
    report(
      'racf/syntax',
      `The quoted string starting ${q.text.slice(0, 24)}${q.text.length > 24 ? '…' : ''} is never closed: the ` +
        "command ends before its closing apostrophe, so everything after it is read as part of the value. Add the missing apostrophe (') " +
        "(an apostrophe inside a value is written twice: '').",
      open,
      fixes,
    );
  }

  private unclosedParens(
    stack: Operand[],
    anonymous: Operand[],
    lastTok: Tok,
    command: RacfCommandName | undefined,
    report: (r: TsoRule, m: string, g: Range, f?: Fix[]) => void,
  ): void {
    const outer = stack[0];
    const label = (op: Operand): string => (op.keyword.text ? `${op.keyword.text}(` : '(');
    if (anonymous.length && anonymous.length >= stack.length) {
      const extra = anonymous[0];
      const open = extra.open ?? extra.range;
      report(
        'racf/syntax',
        `'(' with no keyword before it: this parenthesis is one too many, so ${label(outer)} is never closed ` +
          'and the command does not parse. Remove this parenthesis.',
        open,
        [{ title: "Remove the extra '('", edits: [{ range: open, newText: '' }], isPreferred: true }],
      );
      return;
    }
    const inner = stack[stack.length - 1];
    const at: Range = { start: inner.keyword.range.start, end: (inner.open ?? inner.range).end };
    const names = stack
      .map(label)
      .reverse()
      .map((s) => `'${s}'`)
      .join(' and ');
    const missing = ')'.repeat(stack.length);
    const end = this.tokRange(lastTok).end;
    const appendIsRight = stack.every((op) => this.onlyOwnKeywords(op, command));
    report(
      'racf/syntax',
      `${names} ${stack.length > 1 ? 'are' : 'is'} never closed: the command ends with ${stack.length} ` +
        `parenthesis${stack.length > 1 ? 'es' : ''} still open, so TSO cannot read its operands. Add '${missing}' where the subfield ends.`,
      at,
      appendIsRight
        ? [
            {
              title: `Add '${missing}' at the end of the command`,
              edits: [{ range: { start: end, end }, newText: missing }],
              isPreferred: true,
            },
          ]
        : [],
    );
  }

  /**
   * Appending `)` at the end is right only when everything after the unclosed `(` belongs inside
   * it: for a known RACDCERT subfield, only its own keywords; otherwise, no nested keywords at all.
   */
  private onlyOwnKeywords(op: Operand, command: RacfCommandName | undefined): boolean {
    const known = command === 'RACDCERT' ? SUBFIELD_KEYWORDS[op.keyword.upper] : undefined;
    for (const v of op.values) {
      if (v.kind !== 'operand' || v.open === undefined) {
        continue;
      }
      if (!known || !known.includes(v.keyword.upper)) {
        return false;
      }
    }
    return true;
  }

  private strayClose(
    command: RacfCommandName | undefined,
    operands: Operand[],
    toks: Tok[],
    k: number,
    close: Range,
    report: (r: TsoRule, m: string, g: Range, f?: Fix[]) => void,
  ): void {
    // Walk back over the top-level operands that RACDCERT only accepts inside a subfield: if a
    // subfield that takes them was closed just before them, its `)` came too early.
    if (command === 'RACDCERT') {
      let j = operands.length - 1;
      const moved: Operand[] = [];
      const isHost = (o: Operand): boolean =>
        o.close !== undefined && SUBFIELD_KEYWORDS[o.keyword.upper] !== undefined;
      while (j >= 0 && !operands[j].quoted && operands[j].keyword.upper && !isHost(operands[j])) {
        moved.unshift(operands[j]);
        j--;
      }
      const host = j >= 0 ? operands[j] : undefined;
      if (
        host?.close &&
        moved.length &&
        moved.every((m) => belongsInside(host.keyword.upper, m.keyword.upper))
      ) {
        const early = host.close;
        report(
          'racf/syntax',
          `'${host.keyword.text}(' is closed too early: ${moved.map((m) => m.keyword.text).join(', ')} ` +
            `belong${moved.length === 1 ? 's' : ''} inside it, and this ')' closes nothing. Remove the ')' that ` +
            `ends ${host.keyword.text}( before ${moved[0].keyword.text}, so this one closes it.`,
          close,
          [
            {
              title: `Move the ')' of ${host.keyword.text}( here`,
              edits: [{ range: early, newText: '' }],
              isPreferred: true,
            },
          ],
        );
        this.recover(host, moved, operands);
        return;
      }
    }
    const prev = toks[k - 1];
    const adjacent = prev && prev.kind === 'close';
    report(
      'racf/syntax',
      "This ')' has no matching '(': the parentheses of the command do not balance, so TSO cannot read its " +
        "operands. Remove the extra ')' or add the missing '(' .",
      close,
      adjacent
        ? [{ title: "Remove the extra ')'", edits: [{ range: close, newText: '' }], isPreferred: true }]
        : [],
    );
  }

  /** Balanced but wrong: `CONNECT(ID(X)) LABEL('l') RING(r)` leaves LABEL and RING outside CONNECT. */
  private closedEarly(
    operands: Operand[],
    report: (r: TsoRule, m: string, g: Range, f?: Fix[]) => void,
  ): void {
    for (let h = 0; h < operands.length; h++) {
      const host = operands[h];
      if (!host.close || !SUBFIELD_KEYWORDS[host.keyword.upper]) {
        continue;
      }
      const moved: Operand[] = [];
      for (let j = h + 1; j < operands.length; j++) {
        const o = operands[j];
        if (!belongsInside(host.keyword.upper, o.keyword.upper)) {
          break;
        }
        moved.push(o);
      }
      if (!moved.length) {
        continue;
      }
      const last = moved[moved.length - 1];
      const tail = last.range.end;
      const ioMsg =
        host.keyword.upper === 'CONNECT' || host.keyword.upper === 'REMOVE'
          ? ` RACF then finds no ring or label in ${host.keyword.upper} (IRRD121I).`
          : '';
      report(
        'racf/syntax',
        `'${host.keyword.text}(' is closed too early: ${moved.map((m) => m.keyword.text).join(', ')} ` +
          `belong${moved.length === 1 ? 's' : ''} inside its parentheses but ${moved.length === 1 ? 'stands' : 'stand'} after them.${ioMsg} ` +
          `Move the ')' after ${last.keyword.text}${last.open ? '(…)' : ''}.`,
        host.close,
        [
          {
            title: `Move the ')' of ${host.keyword.text}( after ${last.keyword.text}`,
            edits: [
              { range: host.close, newText: '' },
              { range: { start: tail, end: tail }, newText: ')' },
            ],
            isPreferred: true,
          },
        ],
      );
      this.recover(host, moved, operands);
    }
  }

  /** Puts operands written after an early `)` back inside their subfield, so rules see the intent. */
  private recover(host: Operand, moved: Operand[], operands: Operand[]): void {
    for (const m of moved) {
      const at = operands.indexOf(m);
      if (at >= 0) {
        operands.splice(at, 1);
      }
      host.values.push(m);
    }
    host.recovered = [...(host.recovered ?? []), ...moved];
  }
}
