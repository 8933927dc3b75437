// Timing helpers shared by the benchmarks (attls, racf, liberty, trace .bench.ts): the command line,
// medians, measured runs with a GC before each, the JSON yardstick, the report and the entry point.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { JSON_POLICY_SCHEMA } from './policyGen';

export const root = path.resolve(__dirname, '../..');

export function argValue(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

// A full GC between runs keeps one run's garbage from being billed to the next (for both sides).
setFlagsFromString('--expose-gc');
export const gc = runInNewContext('gc') as () => void;

export const now = (): number => performance.now();
export const MB = (chars: number): number => chars / (1024 * 1024);

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The times of `runs` runs of `f` after `warmup` runs, with a GC before each; stops early, with
 * `slow` set to that run's time, when a warm-up run takes longer than `slowMs`.
 */
export async function timeRuns(
  runs: number,
  warmup: number,
  f: (i: number) => unknown,
  slowMs = Number.POSITIVE_INFINITY,
): Promise<{ times: number[]; slow?: number }> {
  const times: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    gc();
    const t0 = now();
    await f(i);
    const t = now() - t0;
    if (i >= warmup) {
      times.push(t);
    } else if (t > slowMs) {
      return { times, slow: t };
    }
  }
  return { times };
}

/** A median over runs, or the single run of a measurement too slow to repeat. */
export interface Timing {
  ms: number;
  runs: number;
}

/** Median of `runs` runs after `warmup`; once only when a warm-up run is slower than `slowMs`. */
export async function measureMedian(
  runs: number,
  warmup: number,
  f: (i: number) => unknown,
  slowMs: number,
): Promise<Timing> {
  const { times, slow } = await timeRuns(runs, warmup, f, slowMs);
  return slow !== undefined ? { ms: slow, runs: 1 } : { ms: median(times), runs: times.length };
}

/** What the report adds to a Timing of one run. */
export const onceNote = (t: Timing): string => (t.runs === 1 ? ' (1 run: too slow to repeat)' : '');

/** How many findings each rule reported. */
export function countByRule(findings: readonly { rule: string }[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of findings) {
    out[x.rule] = (out[x.rule] ?? 0) + 1;
  }
  return out;
}

/** Runs a benchmark's main; a failure is printed and exits 1. */
export function runBench(main: () => Promise<void>): void {
  main().catch((e: unknown) => {
    console.error(e);
    process.exit(1);
  });
}

/** Same measurement without a GC before each call: feature requests arrive back to back. */
export function measureHot(runs: number, f: () => unknown): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs + 3; i++) {
    const t0 = now();
    f();
    const t = now() - t0;
    if (i >= 3) {
      out.push(t);
    }
  }
  return out;
}

/**
 * The yardstick: vscode-json-languageservice parsing and validating `json` against the policy
 * schema, measured by `measure` (which runs its argument `warmup` + runs times).
 */
export async function jsonYardstick<T>(
  json: string,
  warmup: number,
  measure: (f: (i: number) => Promise<void>) => Promise<T>,
): Promise<{ jsonBoth: T; jsonParse: number[]; jsonValidate: number[]; jsonDiagnostics: number }> {
  const jsonLs = getLanguageService({});
  jsonLs.configure({ validate: true, allowComments: false });
  let jsonVersion = 1;
  const parse: number[] = [];
  const validate: number[] = [];
  let diagnostics = 0;
  const both = await measure(async (i) => {
    const ta = now();
    const td = TextDocument.create('file:///bench/policy.json', 'json', jsonVersion++, json);
    const jdoc = jsonLs.parseJSONDocument(td);
    const tb = now();
    const diags = await jsonLs.doValidation(td, jdoc, {}, JSON_POLICY_SCHEMA);
    const tc = now();
    diagnostics = diags.length;
    if (i >= warmup) {
      parse.push(tb - ta);
      validate.push(tc - tb);
    }
  });
  return { jsonBoth: both, jsonParse: parse, jsonValidate: validate, jsonDiagnostics: diagnostics };
}

/** Prints the rows under `title` and writes the figures to test-results/<file>. */
export function report(title: string, rows: [string, string][], results: unknown, file: string): void {
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log(title);
  for (const [k, v] of rows) {
    console.log(`${k.padEnd(w)}  ${v}`);
  }
  mkdirSync(path.join(root, 'test-results'), { recursive: true });
  writeFileSync(path.join(root, 'test-results', file), JSON.stringify(results, null, 2) + '\n');
  console.log(`figures written to test-results/${file}`);
}
