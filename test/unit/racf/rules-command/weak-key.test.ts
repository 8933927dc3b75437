import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, findings } from './helpers';

const R = 'racf/weak-key';

test('strong keys, and RSA without SIZE (2048 since z/OS V2R3), raise nothing', () => {
  const text = [
    "RACDCERT ID(A) GENCERT SIZE(2048) WITHLABEL('a')",
    "RACDCERT ID(A) GENCERT WITHLABEL('b')",
    "RACDCERT ID(A) GENCERT NISTECC SIZE(224) WITHLABEL('c')",
    "RACDCERT ID(A) GENCERT BPECC SIZE(256) WITHLABEL('d')",
  ].join('\n');
  assert.deepEqual(findings(text, R), []);
});

test('RSA below 2048 warns with a 2048 fix', () => {
  const text = "RACDCERT ID(A) GENCERT SIZE (1024) WITHLABEL('a')";
  const [f] = findings(text, R);
  assert.equal(f.severity, 'warning');
  assert.equal(at(text, f), '1024');
  assert.match(f.message, /2048/);
  assert.deepEqual(findings(applyFix(text, f), R), []);
});

test('ECC below 224 and ECC without SIZE (default 192, uncertain) warn', () => {
  const text =
    "RACDCERT ID(A) GENCERT NISTECC SIZE(192) WITHLABEL('a')\nRACDCERT ID(A) GENCERT NISTECC WITHLABEL('b')";
  const fs = findings(text, R);
  assert.equal(fs.length, 2);
  assert.match(fs[0].message, /P-192/);
  assert.match(fs[1].message, /default.*uncertain/);
  let fixed = applyFix(text, fs[1]);
  fixed = applyFix(fixed, fs[0]);
  assert.deepEqual(findings(fixed, R), []);
  assert.match(fixed, /NISTECC SIZE\(256\) WITHLABEL\('b'\)/);
});

test('DSA keys warn; sizes the key type does not have are left to racf/key-size', () => {
  const [f] = findings("RACDCERT ID(A) GENCERT DSA SIZE(2048) WITHLABEL('a')", R);
  assert.match(f.message, /DSA/);
  assert.deepEqual(findings("RACDCERT ID(A) GENCERT NISTECC SIZE(160) WITHLABEL('a')", R), []);
  assert.deepEqual(findings("RACDCERT ID(A) GENCERT SIZE(256) WITHLABEL('a')", R), []);
});
