// Property harness for the AT-TLS language service: whatever bytes an editor hands us, every
// feature must return (never throw), return well-formed results (ranges inside the document) and
// return quickly (≤ 100 ms per case). Used by the fuzz script (many cases) and by a bounded unit
// test, so a failure found by either is reproduced the same way: the seed and the input.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/service';
import type { DocumentInput, Finding, Position, Range } from '../../server/src/service';
import { allKeywords } from '../../server/src/service/knowledge/attlsKeywords';

/** Per-case time budget from the issue; a slow case is re-run before it counts as a failure. */
export const CASE_BUDGET_MS = 100;
/** Re-runs of a case that exceeded the budget: a loaded 2-core CI machine stalls now and then. */
const RERUNS = 3;

// A full GC before re-running a slow case, so the re-run does not pay the last cases' garbage.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const CORPUS_DIR = process.env.ZOS_TLS_CORPUS ?? path.resolve(__dirname, '../../../shared/corpus/attls');

/** The real policies to mutate, read at run time (never copied into the project). */
export function loadCorpus(): { name: string; text: string }[] {
  let names: string[];
  try {
    names = readdirSync(CORPUS_DIR).filter((n) => n.endsWith('.conf'));
  } catch {
    return [];
  }
  return names.sort().map((name) => ({ name, text: readFileSync(path.join(CORPUS_DIR, name), 'utf8') }));
}

export interface FuzzCase {
  kind: 'string' | 'soup' | 'corpus';
  text: string;
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

/** Arbitrary strings: printable, full Unicode (surrogate pairs), and raw code units (lone surrogates). */
const stringCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    text: fc.oneof(
      fc.string({ maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.string({
        unit: fc.constantFrom('\r', '\n', '\t', '\0', ' ', '{', '}', '#', 'a', '\u00e9', '\ufffd'),
        maxLength: 300,
      }),
    ),
    positions: positionsArb,
  })
  .map(({ text, positions }) => ({ kind: 'string' as const, text, positions }));

function soupArb(keywords: string[]): fc.Arbitrary<FuzzCase> {
  const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_*.-]{0,40}$/);
  const token = fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...keywords) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(...keywords).map((k) => (k.length % 2 ? k.toLowerCase() : k.toUpperCase())),
    },
    { weight: 4, arbitrary: name },
    { weight: 4, arbitrary: fc.constantFrom('{', '}', '{', '}', '{}', '}{') },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'On',
        'Off',
        'All',
        'Inbound',
        'Outbound',
        'Server',
        'Client',
        '0',
        '443',
        '1-65535',
      ),
    },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'C02F',
        '1301',
        '0035',
        '352F0A',
        'TLS_AES_128_GCM_SHA256',
        'SSL_RSA_WITH_NULL_MD5',
        'ZZZZ',
        '13',
      ),
    },
    { weight: 2, arbitrary: fc.string({ maxLength: 30 }).map((s) => '# ' + s) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        '# zos-tls-disable-next-line',
        '# zos-tls-disable-file attls/weak-cipher',
        '# zos-tls-disable-line',
      ),
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
        '\u00ff',
        '\u0085',
        '\f',
        '\v',
      ),
    },
    { weight: 1, arbitrary: fc.integer({ min: 200, max: 20000 }).map((n) => 'x'.repeat(n)) },
    { weight: 1, arbitrary: fc.integer({ min: 50, max: 4000 }).map((n) => 'TLSv1.3 ' + 'On '.repeat(n)) },
  );
  const sep = fc.constantFrom(' ', ' ', '  ', '\t', '\n', '\n', '\n', '\r\n', '\r', '\n\n', '\n  ', '\n\t');
  return fc
    .record({ parts: fc.array(fc.tuple(token, sep), { maxLength: 120 }), positions: positionsArb })
    .map(({ parts, positions }) => ({
      kind: 'soup' as const,
      text: parts.map(([t, s]) => t + s).join(''),
      positions,
    }));
}

type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'brace'; at: number; col: number; brace: string }
  | { op: 'flip'; at: number; char: string }
  | { op: 'swap'; at: number; with: number }
  | { op: 'eol'; eol: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    op: fc.constant('brace' as const),
    at: fc.nat(),
    col: fc.nat(),
    brace: fc.constantFrom('{', '}', '{\n', '\n}'),
  }),
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.nat(),
    char: fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.constantFrom('#', '{', '}', ' ', '\n', '\r', '\0'),
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
  // whole file one "line", and duplicating it would grow the case far past a real policy's size.
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
    case 'brace': {
      const l = lines[at];
      const col = m.col % (l.length + 1);
      lines[at] = l.slice(0, col) + m.brace + l.slice(col);
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

function corpusArb(corpus: { name: string; text: string }[]): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      file: fc.nat({ max: corpus.length - 1 }),
      mutations: fc.array(mutationArb, { minLength: 1, maxLength: 12 }),
      positions: positionsArb,
    })
    .map(({ file, mutations, positions }) => ({
      kind: 'corpus' as const,
      text: mutations.reduce(mutate, corpus[file].text),
      positions,
      note: `${corpus[file].name} after ${JSON.stringify(mutations)}`,
    }));
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

function checkFinding(c: Checker, f: Finding, i: number): void {
  const w = `finding ${i} (${f.rule})`;
  c.text(f.rule, `${w} rule`);
  c.text(f.message, `${w} message`);
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

/** Runs every feature on one case and checks the results; throws on any violation. */
export function runCase(fc_: FuzzCase): void {
  const service = createLanguageService();
  // A .conf name would make detection depend on content; the languageId makes every case AT-TLS.
  const input: DocumentInput = {
    uri: 'file:///fuzz/pagent.conf',
    languageId: 'attls',
    text: fc_.text,
    version: 1,
  };
  const lens = lineLengths(fc_.text);
  const c = new Checker(lens, `${fc_.kind} case`);

  const analysis = service.analyze(input);
  if (!Array.isArray(analysis.findings)) {
    c.fail('findings is not an array');
  }
  analysis.findings.forEach((f, i) => checkFinding(c, f, i));

  const checkSymbols = (syms: ReturnType<typeof service.symbols>, depth: string): void => {
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
  checkSymbols(service.symbols(input), '');

  for (const [i, f] of service.foldingRanges(input).entries()) {
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
    const hover = service.hover(input, pos);
    if (hover !== undefined) {
      if (typeof hover.contents !== 'string') {
        c.fail(`hover ${at}: contents is not a string`);
      }
      if (hover.range) {
        c.range(hover.range, `hover ${at}`);
      }
    }
    const items = service.complete(input, pos);
    if (!Array.isArray(items)) {
      c.fail(`completion ${at}: not an array`);
    }
    for (const [i, item] of items.entries()) {
      c.text(item.label, `completion ${at} item ${i} label`);
      if (item.range) {
        c.range(item.range, `completion ${at} item ${i} (${item.label})`);
      }
    }
    for (const [i, loc] of service.definition(input, pos).entries()) {
      if (loc.uri !== input.uri) {
        c.fail(`definition ${at} ${i}: uri ${loc.uri}`);
      }
      c.range(loc.range, `definition ${at} ${i}`);
    }
  }
}

function describe(fc_: FuzzCase): string {
  const t =
    fc_.text.length > 600
      ? `${JSON.stringify(fc_.text.slice(0, 600))}… (${fc_.text.length} chars)`
      : JSON.stringify(fc_.text);
  return `${fc_.kind} case${fc_.note ? ` [${fc_.note.slice(0, 400)}]` : ''}: ${t} positions ${JSON.stringify(fc_.positions)}`;
}

// ---------------------------------------------------------------------------------------------
// Runner

export interface PropertySummary {
  seed: number;
  cases: number;
  perProperty: Record<string, number>;
  slowestMs: number;
  slowestCase: string;
  /** Cases that went over the budget once but came in under it on a re-run. */
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
 * Runs the three properties (arbitrary strings, keyword soup, mutated corpus files) with
 * `numRuns` cases each, from `seed` (random when omitted). Never throws: the summary says what
 * failed, with the seed and counterexample fast-check found, so callers decide how to report.
 */
export function runProperties(numRuns: number, seed?: number, options: RunOptions = {}): PropertySummary {
  const budget = options.budgetMs ?? CASE_BUDGET_MS;
  const baseSeed = seed ?? (Date.now() ^ (Math.random() * 0x7fffffff)) >>> 0;
  const corpus = loadCorpus();
  const keywords = [
    ...allKeywords(),
    'TTLSRule',
    'TTLSGroupAction',
    'TTLSEnvironmentAction',
    'TTLSConnectionAction',
  ];
  const summary: PropertySummary = {
    seed: baseSeed,
    cases: 0,
    perProperty: {},
    slowestMs: 0,
    slowestCase: '',
    slowThenFast: 0,
  };

  const timed = (c: FuzzCase): boolean => {
    summary.cases++;
    options.onCase?.(summary.cases);
    let best = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt <= RERUNS; attempt++) {
      if (attempt > 0) {
        collectGarbage();
      }
      const t0 = performance.now();
      runCase(c);
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
      throw new Error(`took ${best.toFixed(1)} ms (> ${budget} ms) on each of ${RERUNS + 1} runs`);
    }
    if (best > summary.slowestMs) {
      summary.slowestMs = best;
      summary.slowestCase = describe(c).slice(0, 300);
    }
    return true;
  };

  const properties: [string, fc.Arbitrary<FuzzCase>][] = [
    ['arbitrary strings', stringCase],
    ['keyword soup', soupArb(keywords)],
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
        result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
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
