// Fuzzes the RACF language (JCL, REXX, command files): `node --import tsx test/fuzz/racf.fuzz.ts
// [cases] [seed]` (npm run fuzz runs 100,000 after the AT-TLS fuzzer). The cases are split evenly
// over the three properties of racfProperties.ts; progress every 10,000 cases, a summary at the
// end, exit 1 on a failure, with the complete failing input in test-results/racf-fuzz-failure.json.
// Replay a failure: `... racf.fuzz.ts <cases> <seed> --only "<property>" --path "<path>"`.
import path from 'node:path';
import { runProperties } from './racfProperties';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const total = Number(process.argv[2] ?? 100_000);
const seed =
  process.argv[3] === undefined || process.argv[3].startsWith('--') ? undefined : Number(process.argv[3]);
const perProperty = Math.ceil(total / 3);

const t0 = performance.now();
const summary = runProperties(perProperty, seed, {
  only: flag('--only'),
  path: flag('--path'),
  failureFile: path.resolve(__dirname, '../../test-results/racf-fuzz-failure.json'),
  onCase: (n) => {
    if (n % 10_000 === 0) {
      console.log(`${n} cases, ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    }
  },
});
const secs = (performance.now() - t0) / 1000;
console.log(
  `seed ${summary.seed}: ${summary.cases} cases (${summary.inputs} inputs: a case is analyzed as 1-3 carriers) ` +
    `in ${secs.toFixed(1)} s (${JSON.stringify(summary.perProperty)})`,
);
console.log(`slowest input ${summary.slowestMs.toFixed(1)} ms (budget 100 ms): ${summary.slowestCase}`);
console.log(`inputs over budget once but under it on a re-run: ${summary.slowThenFast}`);
if (summary.failure) {
  console.error(`FAILED: ${summary.failure}`);
  process.exit(1);
}
console.log('no failures');
