import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, findings } from './helpers';

const R = 'racf/fips-key';

const KEYS = [
  "RACDCERT ID(A) GENCERT BPECC SIZE(256) WITHLABEL('a')",
  "RACDCERT ID(A) GENCERT RSA(PKDS) SIZE(2048) WITHLABEL('b')",
  "RACDCERT ID(A) GENCERT PCICC SIZE(2048) WITHLABEL('c')",
  "RACDCERT ID(A) GENCERT DSA SIZE(512) WITHLABEL('d')",
  "RACDCERT ID(A) GENCERT NISTECC SIZE(192) WITHLABEL('e')",
  "RACDCERT ID(A) ADD('A.P12') PKDS WITHLABEL('f') PASSWORD(&P.)",
].join('\n');

test('nothing is reported when the FIPS setting is off', () => {
  assert.deepEqual(findings(KEYS, R), []);
});

test('in FIPS mode: Brainpool, PKDS secure keys, DSA below 1024 and P-192 (uncertain) warn', () => {
  const fs = findings(KEYS, R, { fips: true });
  assert.deepEqual(
    fs.map((f) => at(KEYS, f)),
    ['BPECC', 'RSA', 'PCICC', '512', '192', 'PKDS'],
  );
  assert.ok(fs.every((f) => f.severity === 'warning'));
  assert.match(fs[1].message, /RSA\(PKDS\).*not support/);
  assert.match(fs[4].message, /uncertain/);
  const fixed = applyFix(KEYS, fs[0]);
  assert.equal(findings(fixed, R, { fips: true }).length, 5);
});

test('FIPS-usable keys raise nothing', () => {
  const text =
    "RACDCERT ID(A) GENCERT NISTECC SIZE(256) WITHLABEL('a')\nRACDCERT ID(A) GENCERT SIZE(3072) WITHLABEL('b')";
  assert.deepEqual(findings(text, R, { fips: true }), []);
});
