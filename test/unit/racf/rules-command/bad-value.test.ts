import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, findings } from './helpers';

const R = 'racf/bad-value';

test('well-formed values raise nothing', () => {
  const text = [
    "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('h')) WITHLABEL('12345678901234567890123456789012') -",
    '  NOTBEFORE(DATE(2026-12-01) TIME(00:00:00)) NOTAFTER(DATE(2028-02-29)) -',
    "  ALTNAME(IP(10.1.2.3) DOMAIN('h.example.com')) KEYUSAGE(HANDSHAKE) SIZE(2048)",
    "RACDCERT ID(A) GENCERT ALTNAME(IP(2001:db8::1)) WITHLABEL('v6')",
    "RACDCERT ID(A) CONNECT(LABEL('x') RING(R) USAGE('PERSONAL') DEFAULT)",
    "RACDCERT EXPORT(LABEL('x')) DSN('A.B') FORMAT(CERTB64)",
  ].join('\n');
  assert.deepEqual(findings(text, R), []);
});

test('a label longer than 32 is an error that says the limit is uncertain', () => {
  const text = "RACDCERT ID(A) GENCERT WITHLABEL('123456789012345678901234567890123')";
  const [f] = findings(text, R);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /33 characters.*32.*uncertain/);
});

test('slash dates warn with a fix to the documented form; impossible dates are errors', () => {
  const text = 'RACDCERT ID(A) GENCERT NOTAFTER(DATE(2030/01/31))';
  const [f] = findings(text, R);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /ccyy-mm-dd.*uncertain/);
  const fixed = applyFix(text, f);
  assert.match(fixed, /DATE\(2030-01-31\)/);
  assert.deepEqual(findings(fixed, R), []);
  const bad = findings('RACDCERT ID(A) GENCERT NOTAFTER(DATE(2030-02-30)) NOTBEFORE(DATE(30-01-01))', R);
  assert.deepEqual(
    bad.map((x) => x.severity),
    ['error', 'error'],
  );
  assert.match(bad[0].message, /not a calendar date/);
  assert.match(bad[1].message, /ccyy-mm-dd/);
  const [t] = findings('RACDCERT ID(A) GENCERT NOTAFTER(DATE(2030-01-01) TIME(24:00:00))', R);
  assert.match(t.message, /hh:mm:ss/);
});

test('placeholder dates and labels are never reported', () => {
  assert.deepEqual(
    findings(
      "RACDCERT ID(A) GENCERT NOTAFTER(DATE(&DATE.)) WITHLABEL('${instance-label-that-is-very-long-indeed}')",
      R,
    ),
    [],
  );
});

test('a bad or empty ALTNAME IP is an error', () => {
  const text =
    "RACDCERT ID(A) GENCERT ALTNAME(IP(10.1.2.300) DOMAIN('x'))\nRACDCERT ID(A) GENCERT ALTNAME(IP())";
  const fs = findings(text, R);
  assert.equal(fs.length, 2);
  assert.equal(at(text, fs[0]), '10.1.2.300');
  assert.match(fs[1].message, /empty/);
  assert.deepEqual(findings('RACDCERT ID(A) GENCERT ALTNAME(IP(&IPADDRES))', R), []);
});

test('AT/ONLYAT on RACDCERT is an error with a removal fix', () => {
  const text = 'RACDCERT ID(A) LISTRING(*) AT(NODE2.ADMIN)';
  const [f] = findings(text, R);
  assert.match(f.message, /AT or ONLYAT/);
  const fixed = applyFix(text, f);
  assert.equal(fixed, 'RACDCERT ID(A) LISTRING(*)');
  assert.deepEqual(findings(fixed, R), []);
});

test('CERTAUTH or SITE as a ring owner is IRRD120I; inside CONNECT it is the certificate owner', () => {
  const fs = findings('RACDCERT ADDRING(R) CERTAUTH\nRACDCERT SITE LISTRING(*)', R);
  assert.equal(fs.length, 2);
  assert.match(fs[0].message, /IRRD120I/);
  assert.deepEqual(findings("RACDCERT ID(A) CONNECT(CERTAUTH LABEL('CA') RING(R))", R), []);
  assert.deepEqual(findings("RACDCERT CERTAUTH EXPORT(LABEL('CA')) DSN('A.B')", R), []);
});

test('CONNECT or REMOVE without RING or LABEL is IRRD121I', () => {
  const fs = findings("RACDCERT ID(A) CONNECT(LABEL('x'))\nRACDCERT ID(A) REMOVE(RING(R))", R);
  assert.equal(fs.length, 2);
  assert.match(fs[0].message, /no RING.*IRRD121I/);
  assert.match(fs[1].message, /no LABEL/);
  // Recovered from an early ')' (racf/syntax reports that): both are there.
  assert.deepEqual(findings("RACDCERT ID(A) CONNECT(ID(B)) LABEL('x') RING(R)", R), []);
});

test('a value outside a keyword list is an error; a prefix is left alone', () => {
  const text =
    "RACDCERT EXPORT(LABEL('x')) DSN('A.B') FORMAT(PKCS12)\nRACDCERT ID(A) CONNECT(LABEL('x') RING(R) USAGE(PERS))";
  const fs = findings(text, R);
  assert.equal(fs.length, 0, 'PKCS12 and PERS are prefixes of valid values');
  const [f] = findings("RACDCERT EXPORT(LABEL('x')) DSN('A.B') FORMAT(PEM)", R);
  assert.match(f.message, /CERTB64/);
});
