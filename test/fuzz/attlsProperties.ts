// Property harness for the AT-TLS language service: whatever bytes an editor hands us, every
// feature must return (never throw), return well-formed results (ranges inside the document) and
// return quickly (≤ 100 ms per case). Used by the fuzz script (many cases) and by a bounded unit
// test, so a failure found by either is reproduced the same way: the seed and the input.
import path from 'node:path';
import fc from 'fast-check';
import { createLanguageService } from '../../server/src/service';
import type { DocumentInput } from '../../server/src/service';
import { allKeywords } from '../../server/src/service/knowledge/attlsKeywords';
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
  timedCheck,
  oddTokenArbs,
} from './harness';
import type { FuzzSummary, Mutation, RunOptions } from './harness';

export { CASE_BUDGET_MS };
export type { RunOptions };

const CORPUS_DIR = process.env.ZOS_TLS_CORPUS ?? path.resolve(__dirname, '../../../shared/corpus/attls');

/** The real policies to mutate, read at run time (never copied into the project). */
export function loadCorpus(): { name: string; text: string }[] {
  return readCorpus(CORPUS_DIR, (n) => n.endsWith('.conf'));
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

/** Arbitrary strings: printable, full Unicode (surrogate pairs), and raw code units (lone surrogates). */
const stringCase: fc.Arbitrary<FuzzCase> = fc
  .record({
    text: stringTextArb(['\r', '\n', '\t', '\0', ' ', '{', '}', '#', 'a', '\u00e9', '\ufffd'], 300),
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
    ...oddTokenArbs(['\u00ff', '\u0085', '\f', '\v']),
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

const braceArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constant('brace' as const),
  at: fc.nat(),
  col: fc.nat(),
  brace: fc.constantFrom('{', '}', '{\n', '\n}'),
});

function corpusArb(corpus: { name: string; text: string }[]): fc.Arbitrary<FuzzCase> {
  return fc
    .record({
      file: fc.nat({ max: corpus.length - 1 }),
      mutations: fc.array(mutationArb(braceArb, ['#', '{', '}', ' ', '\n', '\r', '\0']), {
        minLength: 1,
        maxLength: 12,
      }),
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

  c.findings(service.analyze(input).findings);
  c.symbols(service.symbols(input));
  c.folding(service.foldingRanges(input));

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
    c.completions(service.complete(input, pos), at);
    for (const [i, loc] of service.definition(input, pos).entries()) {
      if (loc.uri !== input.uri) {
        c.fail(`definition ${at} ${i}: uri ${loc.uri}`);
      }
      c.range(loc.range, `definition ${at} ${i}`);
    }
  }
}

function describe(fc_: FuzzCase): string {
  const t = quoteText(fc_.text);
  return `${fc_.kind} case${fc_.note ? ` [${fc_.note.slice(0, 400)}]` : ''}: ${t} positions ${JSON.stringify(fc_.positions)}`;
}

// ---------------------------------------------------------------------------------------------
// Runner

export type PropertySummary = FuzzSummary;

/**
 * Runs the three properties (arbitrary strings, keyword soup, mutated corpus files) with
 * `numRuns` cases each, from `seed` (random when omitted). Never throws: the summary says what
 * failed, with the seed and counterexample fast-check found, so callers decide how to report.
 */
export function runProperties(numRuns: number, seed?: number, options: RunOptions = {}): PropertySummary {
  const { budget, summary } = startRun(seed, options);
  const corpus = loadCorpus();
  const keywords = [
    ...allKeywords(),
    'TTLSRule',
    'TTLSGroupAction',
    'TTLSEnvironmentAction',
    'TTLSConnectionAction',
  ];
  checkProperties(
    [
      ['arbitrary strings', stringCase],
      ['keyword soup', soupArb(keywords)],
      ['mutated corpus', corpus.length ? corpusArb(corpus) : undefined],
    ],
    {
      numRuns,
      options,
      summary,
      check: timedCheck(summary, budget, runCase, describe),
      describe,
      errorText: (e) => (e instanceof Error ? e.message : String(e)),
    },
  );
  return summary;
}
