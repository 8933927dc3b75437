import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, findings } from './helpers';

const R = 'racf/validity';

test('future NOTAFTER, NOTAFTER today, and placeholders raise nothing', () => {
  const text = [
    "RACDCERT ID(A) GENCERT NOTAFTER(DATE(2027-06-30)) WITHLABEL('a')",
    "RACDCERT ID(A) GENCERT NOTAFTER(DATE(2026-11-23)) WITHLABEL('b')",
    "RACDCERT ID(A) GENCERT NOTAFTER(DATE(&EXPIRY.)) WITHLABEL('c')",
    "RACDCERT ID(A) GENCERT NOTBEFORE(DATE(2026-12-01)) NOTAFTER(DATE(2026-12-01)) WITHLABEL('d')",
  ].join('\n');
  assert.deepEqual(findings(text, R), []);
});

test('NOTAFTER in the past is IRRD133I (NOTBEFORE defaults to today), slash form included; the fix re-checks clean', () => {
  const text = "racdcert id(A) gencert notafter(date(2022/12/31)) withlabel('a')";
  const [f] = findings(text, R);
  assert.equal(f.severity, 'error');
  assert.equal(at(text, f), '2022/12/31');
  assert.match(f.message, /in the past \(today is 2026-11-23\).*IRRD133I/);
  const fixed = applyFix(text, f);
  assert.match(fixed, /date\(2027-11-23\)/);
  assert.deepEqual(findings(fixed, R), []);
});

test('NOTBEFORE not earlier than NOTAFTER is IRRD133I', () => {
  const text = "RACDCERT ID(A) GENCERT NOTBEFORE(DATE(2028-01-02)) NOTAFTER(DATE(2028-01-01)) WITHLABEL('a')";
  const [f] = findings(text, R);
  assert.match(f.message, /not earlier than NOTAFTER.*IRRD133I/);
  const sameTime =
    "RACDCERT ID(A) GENCERT NOTBEFORE(DATE(2028-01-01) TIME(12:00:00)) NOTAFTER(DATE(2028-01-01) TIME(12:00:00)) WITHLABEL('a')";
  assert.equal(findings(sameTime, R).length, 1);
});

test('an explicit past NOTBEFORE before a past NOTAFTER creates an expired certificate', () => {
  const [f] = findings(
    "RACDCERT ID(A) GENCERT NOTBEFORE(DATE(2020-01-01)) NOTAFTER(DATE(2021-01-01)) WITHLABEL('a')",
    R,
  );
  assert.match(f.message, /already expired/);
});
