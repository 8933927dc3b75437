// What the AT-TLS and RACF property harnesses (attlsProperties.ts, racfProperties.ts) share: the
// generators every language gets, the well-formedness checks of LSP results, the re-run of a
// slow case, the property runner with its failure report, and the fuzz scripts' command line.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import type { Finding, Range } from '../../server/src/service';
import type { DocumentSymbolResult, FoldingRangeResult, Position } from '../../server/src/service/features';

/** Per-case time budget from the issue; a slow case is re-run before it counts as a failure. */
export const CASE_BUDGET_MS = 100;
/** Re-runs of a case that exceeded the budget: a loaded 2-core CI machine stalls now and then. */
export const RERUNS = 3;

// A full GC before re-running a slow case, so the re-run does not pay the last cases' garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/** The files of `dir` whose names pass `keep`, sorted by name (an unreadable folder gives none). */
export function readCorpus(dir: string, keep: (name: string) => boolean): { name: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter(keep);
  } catch {
    return [];
  }
  return names.sort().map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

// ---------------------------------------------------------------------------------------------
// Generators

export const positionsArb = fc.array(fc.record({ line: fc.nat(), character: fc.nat() }), {
  minLength: 1,
  maxLength: 6,
});

/** Arbitrary strings: printable, full Unicode (surrogate pairs), raw code units and the language's own characters. */
export function stringTextArb(units: string[], maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    fc.string({ maxLength: 400 }),
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.string({ unit: fc.constantFrom(...units), maxLength }),
  );
}

/**
 * Soup tokens no configuration holds: a few binary units, and odd characters (NUL, NBSP, line
 * separator, lone surrogates, an astral pair) followed by the language's own `extra` ones.
 */
export function oddTokenArbs(extra: string[]): { weight: number; arbitrary: fc.Arbitrary<string> }[] {
  return [
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('\0', '\u00a0', '\u2028', '\ud800', '\udc00', '\ud83d\ude00', ...extra),
    },
  ];
}

export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'brace'; at: number; col: number; brace: string }
  | { op: 'insert'; at: number; col: number; text: string }
  | { op: 'flip'; at: number; char: string }
  | { op: 'swap'; at: number; with: number }
  | { op: 'eol'; eol: string };

/** Line and character edits of a real file; `insert` is the language's insertion at a column. */
export function mutationArb(insert: fc.Arbitrary<Mutation>, flipChars: string[]): fc.Arbitrary<Mutation> {
  return fc.oneof(
    fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
    insert,
    fc.record({
      op: fc.constant('flip' as const),
      at: fc.nat(),
      char: fc.oneof(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
        fc.constantFrom(...flipChars),
      ),
    }),
    fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
    fc.record({ op: fc.constant('eol' as const), eol: fc.constantFrom('\r\n', '\r') }),
  );
}

export function mutate(text: string, m: Mutation): string {
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
  // whole file one "line", and duplicating it would grow the case far past a real file's size.
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
    case 'brace':
    case 'insert': {
      const l = lines[at];
      const col = m.col % (l.length + 1);
      lines[at] = l.slice(0, col) + (m.op === 'brace' ? m.brace : m.text) + l.slice(col);
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

// ---------------------------------------------------------------------------------------------
// Well-formedness

/** Line lengths as LSP counts them: \n, \r\n and \r end a line. */
export function lineLengths(text: string): number[] {
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

export class Checker {
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

  findings(findings: Finding[], crash?: RegExp): void {
    if (!Array.isArray(findings)) {
      this.fail('findings is not an array');
    }
    findings.forEach((f, i) => checkFinding(this, f, i, crash));
  }

  symbols(syms: DocumentSymbolResult[], depth = ''): void {
    for (const [i, s] of syms.entries()) {
      const w = `symbol ${depth}${i} (${s.name})`;
      this.text(s.name, `${w} name`);
      this.range(s.range, w);
      this.range(s.selectionRange, `${w} selectionRange`);
      // VS Code rejects a symbol whose selectionRange is not inside its range.
      this.contains(s.range, s.selectionRange, `${w} selectionRange`);
      this.symbols(s.children ?? [], `${depth}${i}.`);
    }
  }

  folding(ranges: FoldingRangeResult[]): void {
    for (const [i, f] of ranges.entries()) {
      if (!Number.isInteger(f.startLine) || !Number.isInteger(f.endLine)) {
        this.fail(`folding ${i}: non-integral lines ${JSON.stringify(f)}`);
      }
      if (f.startLine < 0 || f.endLine >= this.lens.length || f.startLine > f.endLine) {
        this.fail(`folding ${i}: lines ${f.startLine}..${f.endLine} not inside 0..${this.lens.length - 1}`);
      }
    }
  }

  completions(items: { label: string; range?: Range }[], at: string): void {
    if (!Array.isArray(items)) {
      this.fail(`completion ${at}: not an array`);
    }
    for (const [i, item] of items.entries()) {
      this.text(item.label, `completion ${at} item ${i} label`);
      if (item.range) {
        this.range(item.range, `completion ${at} item ${i} (${item.label})`);
      }
    }
  }
}

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint']);

/** `crash`: a message that means the rule threw (and the registry reported it in its place). */
function checkFinding(c: Checker, f: Finding, i: number, crash?: RegExp): void {
  const w = `finding ${i} (${f.rule})`;
  c.text(f.rule, `${w} rule`);
  c.text(f.message, `${w} message`);
  if (crash?.test(f.message)) {
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
export function placePosition(lens: number[], p: { line: number; character: number }): Position {
  const line = p.line % lens.length;
  return { line, character: p.character % (lens[line] + 3) };
}

/** A case's text for a report: as JSON, cut at 600 characters. */
export function quoteText(text: string): string {
  return text.length > 600
    ? `${JSON.stringify(text.slice(0, 600))}… (${text.length} chars)`
    : JSON.stringify(text);
}

// ---------------------------------------------------------------------------------------------
// Runner

export interface Timing {
  slowestMs: number;
  slowestCase: string;
  /** Cases (inputs) that went over the budget once but came in under it on a re-run. */
  slowThenFast: number;
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

export interface FuzzSummary extends Timing {
  seed: number;
  cases: number;
  perProperty: Record<string, number>;
  failure?: string;
}

/** The budget per case and an empty summary for a run from `seed` (random when omitted). */
export function startRun(
  seed: number | undefined,
  options: RunOptions,
): { budget: number; summary: FuzzSummary } {
  const baseSeed = seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
  return {
    budget: options.budgetMs ?? CASE_BUDGET_MS,
    summary: { seed: baseSeed, cases: 0, perProperty: {}, slowestMs: 0, slowestCase: '', slowThenFast: 0 },
  };
}

/**
 * Runs `run` and, while it takes longer than `budget`, re-runs it (after a full GC) up to RERUNS
 * times; throws when every run was over the budget (`prefix` starts the message). Keeps the slowest
 * best time in `timing`, with `describe()` as its case.
 */
export function timeWithReruns(
  timing: Timing,
  budget: number,
  /** Runs the case; may return the CPU ms of the product's own calls, leaving the checks out. */
  run: () => number | void,
  describe: () => string,
  prefix = '',
): void {
  let best = Number.POSITIVE_INFINITY;
  for (let attempt = 0; attempt <= RERUNS; attempt++) {
    if (attempt > 0) {
      collectGarbage();
    }
    // CPU time of this process, not wall time: CI runs two test files at once on two cores, and
    // another process taking the CPU must not make a fast case look slow (the budget is about
    // our work per input, issue 2: "never take more than 100 ms each").
    const c0 = process.cpuUsage();
    const own = run();
    const used = process.cpuUsage(c0);
    const ms = typeof own === 'number' ? own : (used.user + used.system) / 1000;
    best = Math.min(best, ms);
    if (ms <= budget) {
      if (attempt > 0) {
        timing.slowThenFast++;
      }
      break;
    }
  }
  if (best > budget) {
    throw new Error(
      `${prefix}took ${best.toFixed(1)} ms of CPU (> ${budget} ms) on each of ${RERUNS + 1} runs`,
    );
  }
  if (best > timing.slowestMs) {
    timing.slowestMs = best;
    timing.slowestCase = describe().slice(0, 300);
  }
}

/** A property's check that runs each case once, timed against the budget (timeWithReruns). */
export function timedCheck<C>(
  timing: Timing,
  budget: number,
  run: (c: C) => number | void,
  describe: (c: C) => string,
): (c: C) => boolean {
  return (c) => {
    timeWithReruns(
      timing,
      budget,
      () => run(c),
      () => describe(c),
    );
    return true;
  };
}

export interface PropertyRun<C> {
  numRuns: number;
  options: RunOptions;
  /** Counts the cases and the cases of each property; its seed is the base seed. */
  summary: FuzzSummary;
  /** The property of each case: returns true or throws. */
  check: (c: C) => boolean;
  describe: (c: C) => string;
  /** The error of a failed property, for the report. */
  errorText: (e: unknown) => string;
}

/**
 * Runs the properties in turn (property k from seed baseSeed + k; one without an arbitrary, such
 * as a corpus property without a corpus, is left out) and stops at the first that fails; sets
 * summary.failure to the report (and writes the complete input to options.failureFile).
 */
export function checkProperties<C>(
  properties: [string, fc.Arbitrary<C> | undefined][],
  run: PropertyRun<C>,
): void {
  const { numRuns, options, summary } = run;
  const baseSeed = summary.seed;
  const counted = (c: C): boolean => {
    summary.cases++;
    options.onCase?.(summary.cases);
    return run.check(c);
  };
  for (const [k, [name, arb]] of properties.entries()) {
    if (arb === undefined || (options.only !== undefined && options.only !== name)) {
      continue;
    }
    const before = summary.cases;
    const propSeed = (baseSeed + k) | 0;
    const result = fc.check(fc.property(arb, counted), {
      numRuns,
      seed: propSeed,
      endOnFailure: false,
      ...(options.path ? { path: options.path } : {}),
    });
    summary.perProperty[name] = summary.cases - before;
    if (result.failed) {
      const ce = result.counterexample?.[0];
      const err = run.errorText(result.errorInstance);
      summary.failure =
        `property "${name}" failed (seed ${propSeed}, path "${result.counterexamplePath}", after ${result.numRuns} runs ` +
        `and ${result.numShrinks} shrinks): ${err}\n  input: ${ce ? run.describe(ce) : '(none)'}\n` +
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
      return;
    }
  }
}

/** A failed property's error with the top `frames` stack frames: they name the function that threw. */
export function stackErrorText(frames: number): (e: unknown) => string {
  return (e) =>
    e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, frames).join('\n    ') : String(e);
}

// ---------------------------------------------------------------------------------------------
// The fuzz scripts' command line: `<script> [cases] [seed] [--only <property>] [--path <path>]`

/**
 * Runs a fuzz script: the cases split evenly over the three properties, progress every 10,000
 * cases, the summary (`report` prints the language's own lines), exit 1 on a failure with the
 * complete input in `failureFile`.
 */
export function fuzzMain<S extends FuzzSummary>(
  runProperties: (numRuns: number, seed: number | undefined, options: RunOptions) => S,
  failureFile: string,
  report: (summary: S, secs: number) => void,
): void {
  const flag = (name: string): string | undefined => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const total = Number(process.argv[2] ?? 100_000);
  const seed =
    process.argv[3] === undefined || process.argv[3].startsWith('--') ? undefined : Number(process.argv[3]);
  const perProperty = Math.ceil(total / 3);

  const t0 = performance.now();
  const summary = runProperties(perProperty, seed, {
    only: flag('--only'),
    path: flag('--path'),
    failureFile,
    onCase: (n) => {
      if (n % 10_000 === 0) {
        console.log(`${n} cases, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      }
    },
  });
  report(summary, (performance.now() - t0) / 1000);
  if (summary.failure) {
    console.error(`FAILED: ${summary.failure}`);
    process.exit(1);
  }
  console.log('no failures');
}

/**
 * The summary lines every fuzz script prints: seed, `cases` (what was counted), the slowest `unit`
 * (case or input) against the budget, and how many were over it once but not on a re-run.
 */
export function printSummary(
  summary: FuzzSummary,
  secs: number,
  unit: 'case' | 'input',
  cases = `${summary.cases} cases`,
): void {
  console.log(
    `seed ${summary.seed}: ${cases} in ${secs.toFixed(1)} s (${JSON.stringify(summary.perProperty)})`,
  );
  console.log(
    `slowest ${unit} ${summary.slowestMs.toFixed(1)} ms (budget ${CASE_BUDGET_MS} ms): ${summary.slowestCase}`,
  );
  console.log(`${unit}s over budget once but under it on a re-run: ${summary.slowThenFast}`);
}

/**
 * CPU milliseconds a call takes, added to `acc.ms`: lets a case time the product's calls and not
 * the well-formedness checks that follow them (5,000 findings take the checker a while too).
 */
export function cpuTimed<T>(acc: { ms: number }, f: () => T): T {
  const c0 = process.cpuUsage();
  const out = f();
  const used = process.cpuUsage(c0);
  acc.ms += (used.user + used.system) / 1000;
  return out;
}
