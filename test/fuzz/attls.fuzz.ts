// Fuzzes the AT-TLS language service: `node --import tsx test/fuzz/attls.fuzz.ts [cases] [seed]`
// (npm run fuzz runs 100,000). The cases are split evenly over the three properties of
// attlsProperties.ts; progress every 10,000 cases, a summary at the end, exit 1 on a failure,
// with the complete failing input in test-results/attls-fuzz-failure.json.
// Replay a failure: `... attls.fuzz.ts <cases> <seed> --only "<property>" --path "<path>"`.
import path from 'node:path';
import { fuzzMain, printSummary } from './harness';
import { runProperties } from './attlsProperties';

fuzzMain(
  runProperties,
  path.resolve(__dirname, '../../test-results/attls-fuzz-failure.json'),
  (summary, secs) => printSummary(summary, secs, 'case'),
);
