// Bounded run of the Liberty fuzz properties (test/fuzz/libertyProperties.ts): arbitrary strings,
// Liberty XML token soup, mutated corpus files and multi-file include graphs, each through the
// facade's analyze, hover, completion, definition, references, outline and code actions. A fixed
// seed, so a regression shows up the same way every time, and a fresh seed, printed, so CI keeps
// exploring. Both keep the 100 ms CPU budget per input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCorpus, runProperties } from '../../fuzz/libertyProperties';

const RUNS_PER_PROPERTY = 300;
const PROPERTIES = 4;

function check(seed: number | undefined): void {
  const s = runProperties(RUNS_PER_PROPERTY, seed);
  console.log(
    `# liberty properties seed ${s.seed}: ${s.cases} cases ${JSON.stringify(s.perProperty)}, slowest ${s.slowestMs.toFixed(1)} ms` +
      ` (reproduce: node --import tsx test/fuzz/liberty.fuzz.ts ${RUNS_PER_PROPERTY * PROPERTIES} ${s.seed})`,
  );
  assert.equal(s.failure, undefined, s.failure);
  // Every property ran (the corpus one needs ../shared/corpus/liberty: without it, say so by failing).
  assert.ok(loadCorpus().length > 0, 'no Liberty corpus files were found to mutate');
  assert.equal(
    Object.keys(s.perProperty).length,
    PROPERTIES,
    `properties run: ${JSON.stringify(s.perProperty)}`,
  );
  assert.equal(s.cases, RUNS_PER_PROPERTY * PROPERTIES, `only ${s.cases} cases ran`);
}

test(
  'Liberty server.xml: analyze and every feature survive random, soup, mutated and multi-file input (fixed seed)',
  { timeout: 600_000 },
  () => {
    check(424242);
  },
);

test(
  'Liberty server.xml: analyze and every feature survive random, soup, mutated and multi-file input (fresh seed)',
  { timeout: 600_000 },
  () => {
    check(undefined);
  },
);
