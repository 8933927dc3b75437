import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings } from './helpers';

const R = 'racf/password-in-clear';

test('a literal password in a job is information that gives its length, never the value', () => {
  const text = "RACDCERT ID(A) ADD('A.P12') WITHLABEL('x') PASSWORD('s3cr3t-pw')";
  const [f] = findings(text, R, { language: 'jcl' });
  assert.equal(f.severity, 'information');
  assert.equal(at(text, f), "'s3cr3t-pw'");
  assert.match(f.message, /9 characters/);
  assert.doesNotMatch(f.message, /s3cr3t/);
  const [g] = findings(text, R, { language: 'rexx' });
  assert.match(g.message, /exec/);
});

test('symbols, empty passwords and plain command files are not reported', () => {
  assert.deepEqual(findings("RACDCERT ADD('A.P12') PASSWORD(&PW.)", R, { language: 'jcl' }), []);
  assert.deepEqual(findings("RACDCERT ADD('A.P12') PASSWORD('')", R, { language: 'jcl' }), []);
  assert.deepEqual(findings("RACDCERT ADD('A.P12') PASSWORD('x')", R, { language: 'racf' }), []);
});
