// Bounded run of the fuzz properties (test/fuzz/attlsProperties.ts): a fixed seed, so a
// regression shows up the same way every time, and a fresh seed, printed, so CI keeps exploring.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runProperties } from '../../fuzz/attlsProperties';

const RUNS_PER_PROPERTY = 300;

function check(seed: number | undefined): void {
  const s = runProperties(RUNS_PER_PROPERTY, seed);
  console.log(
    `# attls properties seed ${s.seed}: ${s.cases} cases, slowest ${s.slowestMs.toFixed(1)} ms` +
      ` (reproduce: node --import tsx test/fuzz/attls.fuzz.ts ${RUNS_PER_PROPERTY * 3} ${s.seed})`,
  );
  assert.equal(s.failure, undefined, s.failure);
  assert.ok(s.cases >= RUNS_PER_PROPERTY * 2, `only ${s.cases} cases ran`);
}

test(
  'analyze and every feature survive random and mutated policies (fixed seed)',
  { timeout: 180_000 },
  () => {
    check(424242);
  },
);

test(
  'analyze and every feature survive random and mutated policies (fresh seed)',
  { timeout: 180_000 },
  () => {
    check(undefined);
  },
);
