// Liberty server.xml benchmark (npm run bench, after the AT-TLS and RACF ones; issue 4). Measures,
// on a generated 10 MB server.xml (libertyGen.ts):
//   (a) full analysis through the facade (parse, merged configuration, every liberty/* rule
//       registered at run time, suppressions), phase by phase and rule by rule,
//   (b) the re-check after a one-attribute edit in the middle (the new version is analysed again),
//       and the same on 1 MB and 0.1 MB files, whose ms/MB against the big file's shows whether the
//       work grows faster than the text,
//   (c) JSON.parse of a JSON document of the same size, and vscode-json-languageservice parsing and
//       validating it, in the same process, as yardsticks (ratios of ms per MB),
//   hover, completion, definition and references in the middle and the outline, through the facade
//   (whatever Liberty features it offers when the benchmark runs), and peak memory.
// Medians after warm-up; a measurement whose first run takes longer than SLOW_MS is run once, so a
// slow build still finishes and reports. Figures also go to test-results/bench-liberty.json.
//
// Options: --mb N (default 10), --runs N (default 5).
import { createLanguageService } from '../../server/src/service';
import type {
  DocumentInput,
  LanguageService,
  Position,
  VersionedConfigFileReader,
} from '../../server/src/service';
import { runRules } from '../../server/src/service/rules';
import { parseXml } from '../../server/src/service/liberty/xml';
import { buildLibertyModel } from '../../server/src/service/liberty/model';
import { LIBERTY_RULES } from '../../server/src/service/liberty/rules';
import { generateJson } from './policyGen';
import {
  argValue,
  countByRule,
  gc,
  jsonYardstick,
  MB,
  measureHot,
  measureMedian,
  median,
  now,
  onceNote,
  report,
  runBench,
  type Timing,
} from './measure';
import { generateServerXml } from './libertyGen';

const SEED = 20240611;
const SLOW_MS = 60_000;
const URI = 'file:///bench/wlp/usr/servers/big/server.xml';
/**
 * A trusted workspace where the optional includes do not exist: the reader finds nothing. It has a
 * generation, as the LSP server's reader has, so features reuse the cached analysis.
 */
const READER: VersionedConfigFileReader = { generation: 0, read: () => undefined, list: () => undefined };

const measure = (runs: number, warmup: number, f: (i: number) => unknown): Promise<Timing> =>
  measureMedian(runs, warmup, f, SLOW_MS);

const hot = (runs: number, f: () => unknown): number => median(measureHot(runs, f));

/** The text with one attribute value changed on the first `ssl` line at or after `from`. */
function editOneAttribute(text: string, from: number): string {
  const lines = text.split('\n');
  for (let l = from; l < lines.length; l++) {
    if (/<ssl id="[^"]*" keyStoreRef="/.test(lines[l]) && /sslProtocol="[^"]*"/.test(lines[l])) {
      lines[l] = lines[l].replace(/sslProtocol="[^"]*"/, 'sslProtocol="TLSv1.3"');
      return lines.join('\n');
    }
  }
  throw new Error('no ssl element after the middle of the generated server.xml');
}

let version = 1;
function analyzeFresh(service: LanguageService, text: string): ReturnType<LanguageService['analyze']> {
  return service.analyze({ uri: URI, languageId: 'xml', text, version: version++ });
}

async function main(): Promise<void> {
  const mb = argValue('--mb', 10);
  const runs = argValue('--runs', 5);
  const warmup = 1;
  const f = (x: number, d = 1): string => x.toFixed(d);
  const progress = (what: string): void => {
    process.stderr.write(`… ${what}\n`);
  };
  const service = createLanguageService();
  // As the LSP server does: definition, references and the outline take no options.
  service.setConfigFiles(READER);

  let t0 = now();
  const gen = generateServerXml(SEED, Math.round(mb * 1024 * 1024));
  const generateMs = now() - t0;
  const text = gen.text;
  const json = generateJson(SEED, text.length);

  // (a) Full analysis through the facade. The first run is timed too: when it is slow, it is the figure.
  progress(`full analysis of ${f(MB(text.length), 2)} MB, ${gen.lineCount} lines`);
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  t0 = now();
  const first = analyzeFresh(service, text);
  const firstMs = now() - t0;
  const heapAfterMb = (process.memoryUsage().heapUsed - heapBefore) / (1024 * 1024);
  const full =
    firstMs > SLOW_MS
      ? { ms: firstMs, runs: 1 }
      : await measure(runs, warmup, () => analyzeFresh(service, text));

  progress('phases and per-rule times');
  const phaseRuns: { parse: number; model: number; rules: number }[] = [];
  const perRule = new Map<string, number[]>();
  for (let i = 0; i < (full.runs === 1 ? 1 : 3); i++) {
    gc();
    const a = now();
    parseXml(text, URI);
    const b = now();
    const model = buildLibertyModel(text, URI, READER); // parses again: model = its time minus parse
    const c = now();
    runRules(LIBERTY_RULES, model, undefined);
    const d = now();
    phaseRuns.push({ parse: b - a, model: c - b - (b - a), rules: d - c });
    for (const rule of LIBERTY_RULES) {
      const r0 = now();
      runRules([rule], model, undefined);
      perRule.set(rule.id, [...(perRule.get(rule.id) ?? []), now() - r0]);
    }
  }
  const phases = {
    parse: median(phaseRuns.map((p) => p.parse)),
    model: median(phaseRuns.map((p) => p.model)),
    rules: median(phaseRuns.map((p) => p.rules)),
  };
  const ruleTimes = [...perRule].map(([id, ts]) => [id, median(ts)] as const).sort((a, b) => b[1] - a[1]);

  // (b) One-attribute edit in the middle, then smaller files with the same edit.
  progress('re-check after a one-attribute edit');
  const edited = editOneAttribute(text, gen.lineCount >> 1);
  const recheck =
    full.runs === 1
      ? { ms: ((t) => (analyzeFresh(service, edited), now() - t))(now()), runs: 1 }
      : await measure(runs, warmup, (i) => analyzeFresh(service, i % 2 ? text : edited));
  const bySize: Record<string, { recheckMs: number; msPerMb: number }> = {};
  for (const size of [0.1, 1]) {
    const small = generateServerXml(SEED, Math.round(size * 1024 * 1024));
    const smallEdited = editOneAttribute(small.text, small.lineCount >> 1);
    const ms = (
      await measure(runs * 3, warmup + 1, (i) => analyzeFresh(service, i % 2 ? small.text : smallEdited))
    ).ms;
    bySize[`${size} MB`] = { recheckMs: ms, msPerMb: ms / MB(small.text.length) };
  }

  // Features in the middle, on the analysis the server already holds (same version: cached).
  progress('features');
  const input: DocumentInput = { uri: URI, languageId: 'xml', text, version: 1_000_000 };
  service.analyze(input);
  const line = gen.middleRefLine;
  const lineText = text.split('\n', line + 1)[line];
  const refPos: Position = {
    line,
    character: lineText.indexOf('keyStoreRef="') + 'keyStoreRef="'.length + 1,
  };
  const attrPos: Position = { line, character: lineText.indexOf('keyStoreRef') + 2 };
  const hotRuns = Math.max(runs * 3, 15);
  const features = {
    line,
    hoverMs: hot(hotRuns, () => service.hover(input, attrPos)),
    completeMs: hot(hotRuns, () => service.complete(input, refPos)),
    definitionMs: hot(hotRuns, () => service.definition(input, refPos)),
    referencesMs: hot(hotRuns, () => service.references(input, refPos, true)),
    symbolsMs: hot(Math.min(hotRuns, 5), () => service.symbols(input)),
    foldingMs: hot(Math.min(hotRuns, 5), () => service.foldingRanges(input)),
  };
  const answers = {
    hover: service.hover(input, attrPos) !== undefined,
    completions: service.complete(input, refPos).length,
    definitions: service.definition(input, refPos).length,
    references: service.references(input, refPos, true).length,
    symbols: service.symbols(input).length,
  };

  // (c) The yardsticks.
  progress('JSON yardsticks');
  const jsonParse = await measure(runs, warmup, () => JSON.parse(json));
  const { jsonBoth, jsonDiagnostics } = await jsonYardstick(json, warmup, (g) => measure(runs, warmup, g));

  const oursMsPerMb = full.ms / MB(text.length);
  const parseMsPerMb = jsonParse.ms / MB(json.length);
  const lsMsPerMb = jsonBoth.ms / MB(json.length);
  const findingsByRule = countByRule(first.findings);
  const results = {
    date: new Date().toISOString(),
    node: process.version,
    runs,
    server: {
      mb: MB(text.length),
      lines: gen.lineCount,
      units: gen.units,
      elements: first.liberty?.model.elements().length ?? 0,
      rules: LIBERTY_RULES.length,
      findings: first.findings.length,
      findingsByRule,
      generateMs,
      firstMs,
      fullMs: full.ms,
      fullRuns: full.runs,
      msPerMb: oursMsPerMb,
      phasesMs: phases,
      perRuleMs: Object.fromEntries(ruleTimes),
      recheckMs: recheck.ms,
      recheckRuns: recheck.runs,
      bySize,
      features,
      answers,
      heapRetainedMb: heapAfterMb,
    },
    json: {
      mb: MB(json.length),
      parseMs: jsonParse.ms,
      parseMsPerMb,
      languageServiceMs: jsonBoth.ms,
      languageServiceMsPerMb: lsMsPerMb,
      diagnostics: jsonDiagnostics,
    },
    ratioToJsonParse: oursMsPerMb / parseMsPerMb,
    ratioToJsonLanguageService: oursMsPerMb / lsMsPerMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };

  const rows: [string, string][] = [
    [
      'Liberty server.xml',
      `${f(MB(text.length), 2)} MB, ${gen.lineCount} lines, ${gen.units} TLS units, ${results.server.elements} merged elements, ${first.findings.length} findings`,
    ],
    ['  full analysis (facade)', `${f(full.ms)} ms = ${f(oursMsPerMb)} ms/MB${onceNote(full)}`],
    [
      '  phases: parse/model/rules',
      [phases.parse, phases.model, phases.rules].map((x) => f(x)).join(' / ') + ' ms',
    ],
    [
      `  ${LIBERTY_RULES.length} rules, slowest`,
      ruleTimes
        .slice(0, 5)
        .map(([id, ms]) => `${id} ${f(ms)}`)
        .join(', ') + ' ms',
    ],
    ['  re-check after 1-attribute edit', `${f(recheck.ms)} ms${onceNote(recheck)}`],
    [
      '  re-check, smaller files',
      Object.entries(bySize)
        .map(([k, v]) => `${k} ${f(v.recheckMs)} ms (${f(v.msPerMb)} ms/MB)`)
        .join(' · '),
    ],
    ['JSON.parse, same size', `${f(jsonParse.ms)} ms = ${f(parseMsPerMb)} ms/MB`],
    [
      'vscode-json-languageservice, same size',
      `${f(jsonBoth.ms)} ms = ${f(lsMsPerMb)} ms/MB (parse + validate)`,
    ],
    [
      'ratio ours/JSON (ms per MB)',
      `${f(results.ratioToJsonParse)} × JSON.parse · ${f(results.ratioToJsonLanguageService, 2)} × json-languageservice`,
    ],
    [
      `features at line ${line}`,
      `hover ${f(features.hoverMs, 2)} · complete ${f(features.completeMs, 2)} · definition ${f(features.definitionMs, 2)} · ` +
        `references ${f(features.referencesMs, 2)} · outline ${f(features.symbolsMs)} · folding ${f(features.foldingMs)} ms`,
    ],
    ['  feature answers', JSON.stringify(answers)],
    ['memory', `peak RSS ${f(results.peakRssMb, 0)} MB; one analysis holds ~${f(heapAfterMb, 0)} MB of heap`],
  ];
  report(
    `zos-tls Liberty benchmark (median of ${runs} runs after ${warmup} warm-up, ${process.version})`,
    rows,
    results,
    'bench-liberty.json',
  );
}

runBench(main);
