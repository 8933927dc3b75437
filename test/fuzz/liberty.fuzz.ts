// Fuzzes Liberty server.xml: `node --import tsx test/fuzz/liberty.fuzz.ts [cases] [seed]` (npm run
// fuzz runs 100,000 after the AT-TLS and RACF fuzzers). The cases are split evenly over the four
// properties of libertyProperties.ts; progress every 10,000 cases, a summary at the end, exit 1 on
// a failure, with the complete failing input in test-results/liberty-fuzz-failure.json.
// Replay a failure: `... liberty.fuzz.ts <cases> <seed> --only "<property>" --path "<path>"`.
import path from 'node:path';
import { fuzzMain, printSummary } from './harness';
import { IN_LINE_POSITIONS, runProperties } from './libertyProperties';

const PROPERTIES = 4;

fuzzMain(
  // fuzzMain splits the cases over three properties; Liberty has four.
  (perThree, seed, options) => runProperties(Math.ceil((perThree * 3) / PROPERTIES), seed, options),
  path.resolve(__dirname, '../../test-results/liberty-fuzz-failure.json'),
  (summary, secs) => {
    printSummary(summary, secs, 'input');
    if (IN_LINE_POSITIONS) {
      console.log('NOTE: ZOS_TLS_LIBERTY_FUZZ_IN_LINE=1: positions past a line end were not tried');
    }
  },
);
