import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings } from './helpers';

const R = 'racf/export-password';

test('certificate-only formats, and PKCS #12 with a password, raise nothing', () => {
  const text = [
    "RACDCERT CERTAUTH EXPORT(LABEL('CA')) DSN('A.CA') FORMAT(CERTB64)",
    "RACDCERT ID(A) EXPORT(LABEL('x')) DSN('A.P12') FORMAT(PKCS12DER) PASSWORD(&PW.)",
    "RACDCERT ID(A) EXPORT(LABEL('x')) DSN('A.P12')",
  ].join('\n');
  assert.deepEqual(findings(text, R), []);
});

test('PKCS #12 without PASSWORD is an error', () => {
  const text = "RACDCERT ID(A) EXPORT(LABEL('x')) DSN('A.P12') FORMAT(PKCS12B64)";
  const [f] = findings(text, R);
  assert.equal(f.severity, 'error');
  assert.equal(at(text, f), 'FORMAT(PKCS12B64)');
  assert.match(f.message, /PASSWORD/);
});

test('PKCS #12 export of a key this job put in the PKDS is an error; same label, other owner is not', () => {
  const text = [
    "RACDCERT ID(A) GENCERT NISTECC(PKDS) SIZE(256) WITHLABEL('k')",
    "RACDCERT ID(A) EXPORT(LABEL('k')) DSN('A.P12') FORMAT(PKCS12DER) PASSWORD(&PW.)",
    "RACDCERT ID(B) EXPORT(LABEL('k')) DSN('B.P12') FORMAT(PKCS12DER) PASSWORD(&PW.)",
    "RACDCERT ID(A) EXPORT(LABEL('k')) DSN('A.PEM') FORMAT(CERTB64)",
  ].join('\n');
  const fs = findings(text, R);
  assert.equal(fs.length, 1);
  assert.equal(fs[0].range.start.line, 1);
  assert.match(fs[0].message, /NISTECC\(PKDS\).*PKDS/);
  const pcicc = findings(
    "RACDCERT GENCERT PCICC SIZE(2048) WITHLABEL('p')\nRACDCERT EXPORT(LABEL('p')) DSN('X') FORMAT(PKCS12DER) PASSWORD(&P.)",
    R,
  );
  assert.equal(pcicc.length, 1);
});
