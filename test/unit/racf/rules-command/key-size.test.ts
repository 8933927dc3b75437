import { test } from 'node:test';
import assert from 'node:assert/strict';
import { all, applyFix, at, findings } from './helpers';

const R = 'racf/key-size';

test('valid sizes raise nothing, including a NISTECC 256 server certificate', () => {
  const text = [
    "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('h.example.com')) NISTECC SIZE(256) KEYUSAGE(HANDSHAKE) WITHLABEL('s')",
    "RACDCERT CERTAUTH GENCERT NISTECC SIZE(521) WITHLABEL('ca')",
    "RACDCERT ID(A) GENCERT BPECC SIZE(512) WITHLABEL('b')",
    "RACDCERT ID(A) GENCERT SIZE (4096) WITHLABEL('r')",
    "RACDCERT ID(A) GENCERT RSA(PKDS) SIZE(3072) WITHLABEL('p')",
  ].join('\n');
  assert.deepEqual(findings(text, R), []);
  assert.deepEqual(
    all(text.split('\n')[0]).filter((f) => f.severity !== 'information'),
    [],
  );
});

test('NISTECC SIZE(512) teaches: not a NIST size, P-521 is 521, did you mean 521 or BPECC, TLS 1.3 ties', () => {
  const text = "RACDCERT ID(SRV) GENCERT NISTECC SIZE(512) WITHLABEL('s')";
  const [f, ...rest] = findings(text, R);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.equal(at(text, f), '512');
  assert.match(f.message, /512 is not a NIST curve size|SIZE\(512\) is not a NIST curve size/);
  assert.match(f.message, /P-521 is 521/);
  assert.match(f.message, /SIZE\(521\).*BPECC/);
  assert.match(f.message, /uncertain/);
  assert.match(f.message, /0403 \(ecdsa_secp256r1_sha256\)/);
  assert.equal(f.fixes?.[0].isPreferred, true);
  const to521 = applyFix(text, f, 0);
  assert.match(to521, /NISTECC SIZE\(521\)/);
  assert.deepEqual(findings(to521, R), []);
  const toBp = applyFix(text, f, 1);
  assert.match(toBp, /BPECC SIZE\(512\)/);
  assert.deepEqual(findings(toBp, R), []);
});

test('other curve sizes get the nearest valid sizes; a size of the other family says so', () => {
  const [f] = findings("RACDCERT ID(A) GENCERT NISTECC SIZE(320) WITHLABEL('x')", R);
  assert.match(f.message, /not a NISTECC curve size/);
  assert.match(f.message, /320 is a BPECC size/);
  assert.deepEqual(
    f.fixes?.map((x) => x.title),
    ['Change the size to 384', 'Change the size to 256', 'Change NISTECC to BPECC'],
  );
  const [g] = findings("RACDCERT ID(A) GENCERT BPECC SIZE(521) WITHLABEL('x')", R);
  assert.match(g.message, /521 is a NISTECC size/);
  assert.deepEqual(findings(applyFix("RACDCERT ID(A) GENCERT BPECC SIZE(521) WITHLABEL('x')", g), R), []);
});

test('RSA outside 512-4096, or not a multiple of 64, and DSA outside 512-2048 warn', () => {
  const text = [
    "RACDCERT ID(A) GENCERT SIZE(8192) WITHLABEL('a')",
    "RACDCERT ID(A) GENCERT SIZE(256) WITHLABEL('b')",
    "RACDCERT ID(A) GENCERT SIZE(2050) WITHLABEL('c')",
    "RACDCERT ID(A) GENCERT DSA SIZE(4096) WITHLABEL('d')",
  ].join('\n');
  const fs = findings(text, R);
  assert.deepEqual(
    fs.map((f) => at(text, f)),
    ['8192', '256', '2050', '4096'],
  );
  assert.match(fs[0].message, /PCICC \(IRRD159I\)/);
  let fixed = text;
  for (const f of [...fs].reverse()) {
    fixed = applyFix(fixed, f);
  }
  assert.deepEqual(findings(fixed, R), []);
});

test('symbolic sizes and functions that generate no key are not judged', () => {
  assert.deepEqual(findings("RACDCERT ID(A) GENCERT NISTECC SIZE(&SIZE.) WITHLABEL('x')", R), []);
  assert.deepEqual(findings("RACDCERT ID(A) GENCERT FROMICSF(LBL) SIZE(512) WITHLABEL('x')", R), []);
});
