// Fuzzes the RACF language (JCL, REXX, command files): `node --import tsx test/fuzz/racf.fuzz.ts
// [cases] [seed]` (npm run fuzz runs 100,000 after the AT-TLS fuzzer). The cases are split evenly
// over the three properties of racfProperties.ts; progress every 10,000 cases, a summary at the
// end, exit 1 on a failure, with the complete failing input in test-results/racf-fuzz-failure.json.
// Replay a failure: `... racf.fuzz.ts <cases> <seed> --only "<property>" --path "<path>"`.
import path from 'node:path';
import { fuzzMain } from './harness';
import { runProperties } from './racfProperties';

fuzzMain(
  runProperties,
  path.resolve(__dirname, '../../test-results/racf-fuzz-failure.json'),
  (summary, secs) => {
    console.log(
      `seed ${summary.seed}: ${summary.cases} cases (${summary.inputs} inputs: a case is analyzed as 1-3 carriers) ` +
        `in ${secs.toFixed(1)} s (${JSON.stringify(summary.perProperty)})`,
    );
    console.log(`slowest input ${summary.slowestMs.toFixed(1)} ms (budget 100 ms): ${summary.slowestCase}`);
    console.log(`inputs over budget once but under it on a re-run: ${summary.slowThenFast}`);
  },
);
