// Property harness for the RACF language (JCL, REXX and plain command files): whatever bytes an
// editor hands us, analyzeRacf and every RACF feature must return (never throw, and no rule may
// fail internally either: the registry would turn that into a "failed on this file" finding),
// return well-formed results (ranges inside the document, start ≤ end) and return quickly
// (≤ 100 ms per input). Used by the fuzz script (many cases) and by a bounded unit test, so a
// failure found by either is reproduced the same way: the seed and the input.
//
// analyzeRacf is called directly, not through the facade: the facade declines text with NUL or
// control bytes (file/unreadable), and those are exactly the bytes the parsers must survive.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import type { Finding, Range } from '../../server/src/service';
import type { DocumentSymbolResult, Position } from '../../server/src/service/features';
import { analyzeRacf } from '../../server/src/service/racf/analyze';
import { racfHover } from '../../server/src/service/racf/hover';
import { racfComplete } from '../../server/src/service/racf/complete';
import {
  racfDefinition,
  racfFolding,
  racfReferences,
  racfSymbols,
} from '../../server/src/service/racf/navigation';
import type { RacfLanguage } from '../../server/src/service/racf/model';
import { RACDCERT_FUNCTIONS, RACF_COMMANDS } from '../../server/src/service/knowledge/racfKeywords';
import type { RacfKeywordDef } from '../../server/src/service/knowledge/racfKeywords';

/** Per-input time budget from the issue; a slow input is re-run before it counts as a failure. */
export const CASE_BUDGET_MS = 100;
/** Re-runs of an input that exceeded the budget: a loaded 2-core CI machine stalls now and then. */
const RERUNS = 3;
export const LANGUAGES: readonly RacfLanguage[] = ['jcl', 'rexx', 'racf'];
/** A fixed "today" keeps the date rules (and so a replayed failure) independent of the calendar. */
const TODAY = new Date('2025-06-01T00:00:00Z');

// A full GC before re-running a slow case, so the re-run does not pay the last cases' garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const CORPUS_DIR =
  process.env.ZOS_TLS_RACF_CORPUS ?? path.resolve(__dirname, '../../../shared/corpus/racdcert');

/** The carrier a corpus file is written for, from its name (the .txt files are command listings). */
function languageOfName(name: string): RacfLanguage {
  return name.endsWith('.jcl') ? 'jcl' : /\.rexx?$/.test(name) ? 'rexx' : 'racf';
}

/** The real jobs and execs to mutate, read at run time (never copied into the project). */
export function loadCorpus(): { name: string; text: string; language: RacfLanguage }[] {
  let names: string[];
  try {
    names = readdirSync(CORPUS_DIR).filter((n) => /\.(jcl|rexx?|txt)$/.test(n));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({
    name,
    text: readFileSync(path.join(CORPUS_DIR, name), 'utf8'),
    language: languageOfName(name),
  }));
}

export interface FuzzCase {
  kind: 'string' | 'soup' | 'corpus';
  text: string;
  /** The carriers the text is analyzed as; each is one input with its own time budget. */
  languages: RacfLanguage[];
  /** Raw positions; mapped into the document (and a little past line ends) when the case runs. */
  positions: { line: number; character: number }[];
  /** For corpus mutations: which file and what was done, to make a failure readable. */
  note?: string;
}

// ---------------------------------------------------------------------------------------------
// Generators

const positionsArb = fc.array(fc.record({ line: fc.nat(), character: fc.nat() }), {
  minLength: 1,
  maxLength: 6,
});

/** Arbitrary strings: printable, full Unicode (surrogate pairs), raw code units, and RACF's punctuation. */
const stringCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    text: fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({
        unit: fc.constantFrom(
          '\r',
          '\n',
          '\t',
          '\0',
          ' ',
          '(',
          ')',
          "'",
          '"',
          '/',
          '*',
          '-',
          '+',
          ',',
          '&',
          '$',
          'a',
          'R',
          '\u2019',
          '\u2013',
        ),
        maxLength: 400,
      }),
    ),
    positions: positionsArb,
  })
  .map(({ text, positions }) => ({ kind: 'string' as const, text, languages: [...LANGUAGES], positions }));

/** Every keyword the reference knows: function names, their keywords and nested keywords, companion commands. */
export function racfWords(): string[] {
  const out = new Set<string>(['RACDCERT', 'SETR', 'PE', 'RDEF', 'RALT', 'RL', 'RDELETE', 'REFR']);
  const walk = (defs: ReadonlyMap<string, RacfKeywordDef>): void => {
    for (const d of defs.values()) {
      out.add(d.name);
      for (const v of d.values ?? []) {
        out.add(v);
      }
      walk(d.subkeywords);
    }
  };
  for (const fn of RACDCERT_FUNCTIONS.values()) {
    out.add(fn.name);
    walk(fn.keywords);
    if (fn.operand) {
      walk(fn.operand.subkeywords);
    }
  }
  for (const cmd of RACF_COMMANDS.values()) {
    out.add(cmd.name);
    cmd.abbreviations.forEach((a) => out.add(a));
    walk(cmd.keywords);
  }
  return [...out].filter((w) => w.length > 0).sort();
}

const JCL_STATEMENTS = [
  "//RACFJOB  JOB (0),'RACF',CLASS=A,MSGCLASS=H",
  '//STEP1    EXEC PGM=IKJEFT01,REGION=0M',
  '//S2 EXEC PGM=IKJEFT1B',
  '//S3 EXEC PROC=X,PGM=IKJEFT1A',
  '//SYSTSPRT DD SYSOUT=*',
  '//SYSTSIN  DD *',
  '//SYSTSIN  DD DATA,DLM=$$',
  '//SYSTSIN  DD DATA,DLM=@@,SYMBOLS=JCLONLY',
  '//SYSTSIN  DD DDNAME=&PRODUCT',
  '//SYSTSIN  DD DDNAME=RACF',
  '//RACF     DD DATA,DLM=$$,SYMBOLS=JCLONLY',
  "//SYSTSIN  DD DSN='USER1.CMDS',DISP=SHR",
  '//         SET ZOWEUSER=ZWESVUSR',
  '//IFOPT1   IF (&OPTION EQ 1) THEN',
  '//         ENDIF',
  '//*  comment',
  '/*JOBPARM SYSAFF=*',
  '/*',
  '//',
  '$$',
  '@@',
];

const REXX_BITS = [
  '/* REXX */',
  'address TSO',
  '"RACDCERT ',
  '"',
  "'",
  '",',
  "',",
  '||',
  'cmd = "',
  'if RC <> 0 then exit RC',
  'say "x"',
  "'RACDCERT ID(X) LIST'",
  '"SETROPTS RACLIST(DIGTRING) REFRESH"',
];

function soupArb(words: string[]): fc.Arbitrary<FuzzCase> {
  const name = fc.stringMatching(/^[A-Za-z#@$][A-Za-z0-9#@$.*_-]{0,20}$/);
  const token = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...words) },
    { weight: 2, arbitrary: fc.constantFrom(...words).map((k) => k.toLowerCase()) },
    // Unique and ambiguous prefixes (SETR … REFR).
    { weight: 1, arbitrary: fc.constantFrom(...words).map((k) => k.slice(0, Math.max(1, k.length >> 1))) },
    { weight: 3, arbitrary: name },
    { weight: 6, arbitrary: fc.constantFrom('(', ')', '(', ')', '()', ')(', ' (', '((', '))') },
    {
      weight: 4,
      arbitrary: fc.constantFrom(
        "'",
        "''",
        "'My CA'",
        "'o''brien'",
        '\u2019',
        '\u2018',
        '\u201c',
        '\u201d',
        '"',
      ),
    },
    { weight: 3, arbitrary: fc.constantFrom(' -', ' +', '-', '+', ' - ', '\u2013', ',', ', ') },
    { weight: 2, arbitrary: fc.constantFrom('/*', '*/', '/* c */', ' /* x', '//', '//*') },
    { weight: 2, arbitrary: fc.constantFrom(...JCL_STATEMENTS) },
    { weight: 1, arbitrary: fc.constantFrom(...REXX_BITS) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        '2030-12-31',
        '2022/12/31',
        '23:59:59',
        '256',
        '512',
        '2048',
        '*',
        '&SYM.',
        '&ZOWEUSER',
        '${instance-X}',
        '{zowe.setup.x}',
        'IRR.DIGTCERT.GENCERT',
        'USER.RING.LST',
        '10.1.2.3',
        'IRRD114I',
      ),
    },
    // Sequence numbers in columns 73-80.
    {
      weight: 1,
      arbitrary: fc.nat({ max: 99999999 }).map((n) => ' '.repeat(60) + String(n).padStart(8, '0')),
    },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '\0',
        '\u00a0',
        '\u2028',
        '\ud800',
        '\udc00',
        '\ud83d\ude00',
        '\u00a2',
        '\u0085',
        '\f',
        '\v',
        '\t',
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 20000 }).map((n) => 'x'.repeat(n)) },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 20, max: 3000 }).map((n) => 'RACDCERT ' + 'LABEL(A) '.repeat(n)),
    },
    { weight: 1, arbitrary: fc.integer({ min: 20, max: 3000 }).map((n) => '('.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 20, max: 2000 }).map((n) => ' -\n'.repeat(n)) },
  );
  const sep = fc.constantFrom(
    ' ',
    ' ',
    '  ',
    '\t',
    '\n',
    '\n',
    '\n',
    ' -\n',
    ' +\n',
    '\r\n',
    '\r',
    '\n\n',
    '\n  ',
  );
  // Most soups sit where a carrier looks for commands: in a TSO step's SYSTSIN, a REXX exec, or a file.
  const prefix = fc.constantFrom(
    '',
    '',
    '//J JOB\n//S EXEC PGM=IKJEFT01\n//SYSTSPRT DD SYSOUT=*\n//SYSTSIN DD *\n',
    '//S EXEC PGM=IKJEFT1B\n//SYSTSIN DD DATA,DLM=$$\n',
    '//S EXEC PGM=IKJEFT01\n//SYSTSIN DD DDNAME=RACF\n//RACF DD DATA,DLM=$$\n',
    '/* REXX */\n"',
  );
  return fc
    .record({ prefix, parts: fc.array(fc.tuple(token, sep), { maxLength: 120 }), positions: positionsArb })
    .map(({ prefix: p, parts, positions }) => ({
      kind: 'soup' as const,
      text: p + parts.map(([t, s]) => t + s).join(''),
      languages: [...LANGUAGES],
      positions,
    }));
}

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'insert'; at: number; col: number; text: string }
  | { op: 'flip'; at: number; char: string }
  | { op: 'swap'; at: number; with: number }
  | { op: 'eol'; eol: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.nat(),
    col: fc.nat(),
    text: fc.constantFrom(
      '(',
      ')',
      '(',
      ')',
      "'",
      ' -',
      ' +',
      '/*',
      '*/',
      '\n/*\n',
      '\n//\n',
      '\u2019',
      '  ',
    ),
  }),
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('(', ')', "'", '-', '+', '/', '*', ' ', '\n', '\r', '\0', '\u2013'),
    ),
  }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('eol' as const), eol: fc.constantFrom('\r\n', '\r') }),
);

function mutate(text: string, m: Mutation): string {
  if (m.op === 'eol') {
    return text.replace(/\r?\n/g, m.eol);
  }
  if (m.op === 'flip') {
    if (!text.length) {
      return m.char;
    }
    const at = m.at % text.length;
    return text.slice(0, at) + m.char + text.slice(at + 1);
  }
  // Line operations use the text's own line end: splitting a CR-only file on '\n' would make the
  // whole file one "line", and duplicating it would grow the case far past a real job's size.
  const eol = text.includes('\r\n') ? '\r\n' : text.includes('\n') ? '\n' : text.includes('\r') ? '\r' : '\n';
  const lines = text.split(eol);
  const at = m.at % lines.length;
  switch (m.op) {
    case 'delete':
      lines.splice(at, 1);
      break;
    case 'duplicate':
      lines.splice(at, 0, ...Array<string>(m.count).fill(lines[at]));
      break;
    case 'insert': {
      const l = lines[at];
      const col = m.col % (l.length + 1);
      lines[at] = l.slice(0, col) + m.text + l.slice(col);
      break;
    }
    case 'swap': {
      const other = m.with % lines.length;
      [lines[at], lines[other]] = [lines[other], lines[at]];
      break;
    }
  }
  return lines.join(eol);
}

function corpusArb(corpus: { name: string; text: string; language: RacfLanguage }[]): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      file: fc.nat({ max: corpus.length - 1 }),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 12 }),
      other: fc.constantFrom(...LANGUAGES),
      positions: positionsArb,
    })
    .map(({ file, mutations, other, positions }) => {
      const f = corpus[file];
      return {
        kind: 'corpus' as const,
        text: mutations.reduce(mutate, f.text),
        // The file's own carrier, and another one now and then (a job opened as a command file).
        languages: other === f.language ? [f.language] : [f.language, other],
        positions,
        note: `${f.name} after ${JSON.stringify(mutations)}`,
      };
    });
}

// ---------------------------------------------------------------------------------------------
// Well-formedness

/** Line lengths as LSP counts them: \n, \r\n and \r end a line. */
function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) {
        i++;
      }
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

class Checker {
  constructor(
    private readonly lens: number[],
    private readonly where: string,
  ) {}

  fail(what: string): never {
    throw new Error(`${this.where}: ${what}`);
  }

  position(p: Position, what: string): void {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character)) {
      this.fail(`${what}: position is not integral: ${JSON.stringify(p)}`);
    }
    if (p.line < 0 || p.line >= this.lens.length) {
      this.fail(`${what}: line ${p.line} outside 0..${this.lens.length - 1}`);
    }
    if (p.character < 0 || p.character > this.lens[p.line]) {
      this.fail(`${what}: character ${p.character} outside 0..${this.lens[p.line]} on line ${p.line}`);
    }
  }

  range(r: Range | undefined, what: string): void {
    if (!r || !r.start || !r.end) {
      this.fail(`${what}: missing range`);
    }
    this.position(r.start, `${what} start`);
    this.position(r.end, `${what} end`);
    if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) {
      this.fail(`${what}: start after end: ${JSON.stringify(r)}`);
    }
  }

  contains(outer: Range, inner: Range, what: string): void {
    const before = (a: Position, b: Position): boolean =>
      a.line < b.line || (a.line === b.line && a.character < b.character);
    if (before(inner.start, outer.start) || before(outer.end, inner.end)) {
      this.fail(`${what}: ${JSON.stringify(inner)} not inside ${JSON.stringify(outer)}`);
    }
  }

  text(s: unknown, what: string): void {
    if (typeof s !== 'string' || s.length === 0) {
      this.fail(`${what}: not a non-empty string: ${JSON.stringify(s)}`);
    }
  }
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);
/** What runRules reports in place of a rule that threw (server/src/service/rules.ts). */
const RULE_CRASH = /^zos-tls: the check \S+ failed on this file/;

function checkFinding(c: Checker, f: Finding, i: number): void {
  const w = `finding ${i} (${f.rule})`;
  c.text(f.rule, `${w} rule`);
  c.text(f.message, `${w} message`);
  if (RULE_CRASH.test(f.message)) {
    c.fail(`${w}: the rule threw: ${f.message}`);
  }
  if (!SEVERITIES.has(f.severity)) {
    c.fail(`${w}: severity ${String(f.severity)}`);
  }
  c.range(f.range, w);
  for (const [k, r] of (f.related ?? []).entries()) {
    c.range(r.range, `${w} related ${k}`);
    c.text(r.message, `${w} related ${k} message`);
  }
  for (const [k, fix] of (f.fixes ?? []).entries()) {
    c.text(fix.title, `${w} fix ${k} title`);
    for (const [e, edit] of fix.edits.entries()) {
      c.range(edit.range, `${w} fix ${k} edit ${e}`);
      if (typeof edit.newText !== 'string') {
        c.fail(`${w} fix ${k} edit ${e}: newText is not a string`);
      }
    }
  }
}

/** Maps a raw position into the document: any line, and a character up to 2 past the line end. */
function placePosition(lens: number[], p: { line: number; character: number }): Position {
  const line = p.line % lens.length;
  return { line, character: p.character % (lens[line] + 3) };
}

/** Analyzes the case's text as one carrier, runs every feature and checks the results; throws on any violation. */
export function runInput(fc_: FuzzCase, language: RacfLanguage, lens = lineLengths(fc_.text)): void {
  const c = new Checker(lens, `${fc_.kind} case as ${language}`);
  const analysis = analyzeRacf(fc_.text, language, { today: TODAY });
  if (!Array.isArray(analysis.findings)) {
    c.fail('findings is not an array');
  }
  analysis.findings.forEach((f, i) => checkFinding(c, f, i));

  const checkSymbols = (syms: DocumentSymbolResult[], depth: string): void => {
    for (const [i, s] of syms.entries()) {
      const w = `symbol ${depth}${i} (${s.name})`;
      c.text(s.name, `${w} name`);
      c.range(s.range, w);
      c.range(s.selectionRange, `${w} selectionRange`);
      // VS Code rejects a symbol whose selectionRange is not inside its range.
      c.contains(s.range, s.selectionRange, `${w} selectionRange`);
      checkSymbols(s.children ?? [], `${depth}${i}.`);
    }
  };
  checkSymbols(racfSymbols(analysis), '');

  for (const [i, f] of racfFolding(analysis).entries()) {
    if (!Number.isInteger(f.startLine) || !Number.isInteger(f.endLine)) {
      c.fail(`folding ${i}: non-integral lines ${JSON.stringify(f)}`);
    }
    if (f.startLine < 0 || f.endLine >= lens.length || f.startLine > f.endLine) {
      c.fail(`folding ${i}: lines ${f.startLine}..${f.endLine} not inside 0..${lens.length - 1}`);
    }
  }

  for (const raw of fc_.positions) {
    const pos = placePosition(lens, raw);
    const at = `at ${pos.line}:${pos.character}`;
    const hover = racfHover(analysis, pos);
    if (hover !== undefined) {
      c.text(hover.contents, `hover ${at} contents`);
      if (hover.range) {
        c.range(hover.range, `hover ${at}`);
      }
    }
    const items = racfComplete(analysis, pos);
    if (!Array.isArray(items)) {
      c.fail(`completion ${at}: not an array`);
    }
    for (const [i, item] of items.entries()) {
      c.text(item.label, `completion ${at} item ${i} label`);
      if (item.range) {
        c.range(item.range, `completion ${at} item ${i} (${item.label})`);
      }
    }
    for (const [i, r] of racfDefinition(analysis, pos).entries()) {
      c.range(r, `definition ${at} ${i}`);
    }
    for (const [i, r] of racfReferences(analysis, pos, true).entries()) {
      c.range(r, `references ${at} ${i}`);
    }
  }
}

function describe(fc_: FuzzCase): string {
  const t =
    fc_.text.length > 600
      ? `${JSON.stringify(fc_.text.slice(0, 600))}… (${fc_.text.length} chars)`
      : JSON.stringify(fc_.text);
  return (
    `${fc_.kind} case as ${fc_.languages.join('/')}${fc_.note ? ` [${fc_.note.slice(0, 400)}]` : ''}: ${t} ` +
    `positions ${JSON.stringify(fc_.positions)}`
  );
}

// ---------------------------------------------------------------------------------------------
// Runner

export interface PropertySummary {
  seed: number;
  cases: number;
  /** Inputs analyzed: a case is analyzed as one to three carriers. */
  inputs: number;
  perProperty: Record<string, number>;
  slowestMs: number;
  slowestCase: string;
  /** Inputs that went over the budget once but came in under it on a re-run. */
  slowThenFast: number;
  failure?: string;
}

export interface RunOptions {
  /** Called after every case with the running count (the fuzz script prints progress). */
  onCase?: (count: number) => void;
  budgetMs?: number;
  /** Run only the property of this name (to replay a failure). */
  only?: string;
  /** fast-check replay path of a failure (with `only` and the same seed). */
  path?: string;
  /** Where to write the complete failing input (JSON); the report itself is truncated. */
  failureFile?: string;
}

/**
 * Runs the three properties (arbitrary strings, RACF/JCL token soup, mutated corpus files) with
 * `numRuns` cases each, from `seed` (random when omitted). Never throws: the summary says what
 * failed, with the seed and counterexample fast-check found, so callers decide how to report.
 * The budget applies to each input, i.e. to one carrier's analysis of the case plus its features.
 */
export function runProperties(numRuns: number, seed?: number, options: RunOptions = {}): PropertySummary {
  const budget = options.budgetMs ?? CASE_BUDGET_MS;
  const baseSeed = seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
  const corpus = loadCorpus();
  const summary: PropertySummary = {
    seed: baseSeed,
    cases: 0,
    inputs: 0,
    perProperty: {},
    slowestMs: 0,
    slowestCase: '',
    slowThenFast: 0,
  };

  const timed = (c: FuzzCase): boolean => {
    summary.cases++;
    options.onCase?.(summary.cases);
    const lens = lineLengths(c.text);
    for (const language of c.languages) {
      summary.inputs++;
      let best = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt <= RERUNS; attempt++) {
        if (attempt > 0) {
          collectGarbage();
        }
        const t0 = performance.now();
        runInput(c, language, lens);
        const ms = performance.now() - t0;
        best = Math.min(best, ms);
        if (ms <= budget) {
          if (attempt > 0) {
            summary.slowThenFast++;
          }
          break;
        }
      }
      if (best > budget) {
        throw new Error(
          `as ${language}: took ${best.toFixed(1)} ms (> ${budget} ms) on each of ${RERUNS + 1} runs`,
        );
      }
      if (best > summary.slowestMs) {
        summary.slowestMs = best;
        summary.slowestCase = `as ${language}: ${describe(c)}`.slice(0, 300);
      }
    }
    return true;
  };

  const properties: [string, fc.Arbitrary<FuzzCase>][] = [
    ['arbitrary strings', stringCase],
    ['token soup', soupArb(racfWords())],
  ];
  if (corpus.length) {
    properties.push(['mutated corpus', corpusArb(corpus)]);
  }
  for (const [k, [name, arb]] of properties.entries()) {
    if (options.only !== undefined && options.only !== name) {
      continue;
    }
    const before = summary.cases;
    const propSeed = (baseSeed + k) | 0;
    const result = fc.check(fc.property(arb, timed), {
      numRuns,
      seed: propSeed,
      endOnFailure: false,
      ...(options.path ? { path: options.path } : {}),
    });
    summary.perProperty[name] = summary.cases - before;
    if (result.failed) {
      const ce = result.counterexample?.[0];
      const err =
        result.errorInstance instanceof Error
          ? // The top frames name the function that threw (the message alone rarely does).
            (result.errorInstance.stack ?? result.errorInstance.message)
              .split('\n')
              .slice(0, 5)
              .join('\n    ')
          : String(result.errorInstance);
      summary.failure =
        `property "${name}" failed (seed ${propSeed}, path "${result.counterexamplePath}", after ${result.numRuns} runs ` +
        `and ${result.numShrinks} shrinks): ${err}\n  input: ${ce ? describe(ce) : '(none)'}\n` +
        `  reproduce: runProperties(${numRuns}, ${baseSeed}, { only: ${JSON.stringify(name)}, path: ${JSON.stringify(result.counterexamplePath)} })`;
      if (options.failureFile && ce) {
        mkdirSync(path.dirname(options.failureFile), { recursive: true });
        writeFileSync(
          options.failureFile,
          JSON.stringify(
            { property: name, seed: baseSeed, path: result.counterexamplePath, error: err, case: ce },
            null,
            2,
          ) + '\n',
        );
        summary.failure += `\n  complete input: ${options.failureFile}`;
      }
      break;
    }
  }
  return summary;
}
