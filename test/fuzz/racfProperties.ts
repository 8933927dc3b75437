// Property harness for the RACF language (JCL, REXX and plain command files): whatever bytes an
// editor hands us, analyzeRacf and every RACF feature must return (never throw, and no rule may
// fail internally either: the registry would turn that into a "failed on this file" finding),
// return well-formed results (ranges inside the document, start ≤ end) and return quickly
// (≤ 100 ms per input). Used by the fuzz script (many cases) and by a bounded unit test, so a
// failure found by either is reproduced the same way: the seed and the input.
//
// analyzeRacf is called directly, not through the facade: the facade declines text with NUL or
// control bytes (file/unreadable), and those are exactly the bytes the parsers must survive.
import path from 'node:path';
import fc from 'fast-check';
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
import {
  CASE_BUDGET_MS,
  Checker,
  checkProperties,
  lineLengths,
  mutate,
  mutationArb,
  placePosition,
  positionsArb,
  quoteText,
  startRun,
  readCorpus,
  stringTextArb,
  timeWithReruns,
  cpuTimed,
  oddTokenArbs,
  stackErrorText,
} from './harness';
import type { FuzzSummary, Mutation, RunOptions } from './harness';

export { CASE_BUDGET_MS };
export type { RunOptions };

export const LANGUAGES: readonly RacfLanguage[] = ['jcl', 'rexx', 'racf'];
/** A fixed "today" keeps the date rules (and so a replayed failure) independent of the calendar. */
const TODAY = new Date('2025-06-01T00:00:00Z');

const CORPUS_DIR =
  process.env.ZOS_TLS_RACF_CORPUS ?? path.resolve(__dirname, '../../../shared/corpus/racdcert');

/** The carrier a corpus file is written for, from its name (the .txt files are command listings). */
function languageOfName(name: string): RacfLanguage {
  return name.endsWith('.jcl') ? 'jcl' : /\.rexx?$/.test(name) ? 'rexx' : 'racf';
}

/** The real jobs and execs to mutate, read at run time (never copied into the project). */
export function loadCorpus(): { name: string; text: string; language: RacfLanguage }[] {
  return readCorpus(CORPUS_DIR, (n) => /\.(jcl|rexx?|txt)$/.test(n)).map((f) => ({
    ...f,
    language: languageOfName(f.name),
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

/** Arbitrary strings: printable, full Unicode (surrogate pairs), raw code units, and RACF's punctuation. */
const stringCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    text: stringTextArb(
      [
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
      ],
      400,
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

export function soupArb(words: string[]): fc.Arbitrary<FuzzCase> {
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
    ...oddTokenArbs(['\u00a2', '\u0085', '\f', '\v', '\t']),
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

const insertArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constant('insert' as const),
  at: fc.nat(),
  col: fc.nat(),
  text: fc.constantFrom('(', ')', '(', ')', "'", ' -', ' +', '/*', '*/', '\n/*\n', '\n//\n', '\u2019', '  '),
});

function corpusArb(corpus: { name: string; text: string; language: RacfLanguage }[]): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      file: fc.nat({ max: corpus.length - 1 }),
      mutations: fc.array(
        mutationArb(insertArb, ['(', ')', "'", '-', '+', '/', '*', ' ', '\n', '\r', '\0', '\u2013']),
        { minLength: 1, maxLength: 12 },
      ),
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

/** What runRules reports in place of a rule that threw (server/src/service/rules.ts). */
const RULE_CRASH = /^zos-tls: the check \S+ failed on this file/;

/** Analyzes the case's text as one carrier, runs every feature and checks the results; throws on any violation. */
/** Runs one input; returns the CPU ms of our own calls (the checks are not timed). */
export function runInput(fc_: FuzzCase, language: RacfLanguage, lens = lineLengths(fc_.text)): number {
  const c = new Checker(lens, `${fc_.kind} case as ${language}`);
  const t = { ms: 0 };
  const analysis = cpuTimed(t, () => analyzeRacf(fc_.text, language, { today: TODAY }));
  c.findings(analysis.findings, RULE_CRASH);
  c.symbols(cpuTimed(t, () => racfSymbols(analysis)));
  c.folding(cpuTimed(t, () => racfFolding(analysis)));

  for (const raw of fc_.positions) {
    const pos = placePosition(lens, raw);
    const at = `at ${pos.line}:${pos.character}`;
    const hover = cpuTimed(t, () => racfHover(analysis, pos));
    if (hover !== undefined) {
      c.text(hover.contents, `hover ${at} contents`);
      if (hover.range) {
        c.range(hover.range, `hover ${at}`);
      }
    }
    c.completions(
      cpuTimed(t, () => racfComplete(analysis, pos)),
      at,
    );
    for (const [i, r] of cpuTimed(t, () => racfDefinition(analysis, pos)).entries()) {
      c.range(r, `definition ${at} ${i}`);
    }
    for (const [i, r] of cpuTimed(t, () => racfReferences(analysis, pos, true)).entries()) {
      c.range(r, `references ${at} ${i}`);
    }
  }
  return t.ms;
}

function describe(fc_: FuzzCase): string {
  const t = quoteText(fc_.text);
  return (
    `${fc_.kind} case as ${fc_.languages.join('/')}${fc_.note ? ` [${fc_.note.slice(0, 400)}]` : ''}: ${t} ` +
    `positions ${JSON.stringify(fc_.positions)}`
  );
}

// ---------------------------------------------------------------------------------------------
// Runner

export interface PropertySummary extends FuzzSummary {
  /** Inputs analyzed: a case is analyzed as one to three carriers. */
  inputs: number;
}

/**
 * Runs the three properties (arbitrary strings, RACF/JCL token soup, mutated corpus files) with
 * `numRuns` cases each, from `seed` (random when omitted). Never throws: the summary says what
 * failed, with the seed and counterexample fast-check found, so callers decide how to report.
 * The budget applies to each input, i.e. to one carrier's analysis of the case plus its features.
 */
export function runProperties(numRuns: number, seed?: number, options: RunOptions = {}): PropertySummary {
  const run = startRun(seed, options);
  const summary: PropertySummary = { ...run.summary, inputs: 0 };
  const corpus = loadCorpus();
  checkProperties(
    [
      ['arbitrary strings', stringCase],
      ['token soup', soupArb(racfWords())],
      ['mutated corpus', corpus.length ? corpusArb(corpus) : undefined],
    ],
    {
      numRuns,
      options,
      summary,
      check: (c) => {
        const lens = lineLengths(c.text);
        for (const language of c.languages) {
          summary.inputs++;
          timeWithReruns(
            summary,
            run.budget,
            () => runInput(c, language, lens),
            () => `as ${language}: ${describe(c)}`,
            `as ${language}: `,
          );
        }
        return true;
      },
      describe,
      errorText: stackErrorText(5),
    },
  );
  return summary;
}
