// Fuzzes the RACF language (JCL, REXX, command files): `node --import tsx test/fuzz/racf.fuzz.ts
// [cases] [seed]` (npm run fuzz runs 100,000 after the AT-TLS fuzzer). The cases are split evenly
// over the three properties of racfProperties.ts; progress every 10,000 cases, a summary at the
// end, exit 1 on a failure, with the complete failing input in test-results/racf-fuzz-failure.json.
// Replay a failure: `... racf.fuzz.ts <cases> <seed> --only "<property>" --path "<path>"`.
import path from 'node:path';
import { fuzzMain, printSummary } from './harness';
import { runProperties } from './racfProperties';

fuzzMain(
  runProperties,
  path.resolve(__dirname, '../../test-results/racf-fuzz-failure.json'),
  (summary, secs) =>
    printSummary(
      summary,
      secs,
      'input',
      `${summary.cases} cases (${summary.inputs} inputs: a case is analyzed as 1-3 carriers)`,
    ),
);
