import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, findings } from './helpers';

const R = 'racf/keyusage';

test('usages that fit the algorithm raise nothing', () => {
  const text = [
    "RACDCERT ID(A) GENCERT KEYUSAGE(HANDSHAKE DATAENCRYPT) WITHLABEL('a')",
    "RACDCERT ID(A) GENCERT NISTECC SIZE(256) KEYUSAGE(HANDSHAKE KEYAGREE) WITHLABEL('b')",
    "RACDCERT CERTAUTH GENCERT DSA KEYUSAGE(CERTSIGN DOCSIGN) WITHLABEL('c')",
  ].join('\n');
  assert.deepEqual(findings(text, R), []);
});

test('KEYAGREE with RSA and DATAENCRYPT with ECC or DSA are IRRD156I errors, with a removal fix', () => {
  const text = [
    "RACDCERT ID(A) GENCERT KEYUSAGE(HANDSHAKE KEYAGREE) WITHLABEL('a')",
    "RACDCERT ID(A) GENCERT NISTECC SIZE(256) KEYUSAGE(HANDSHAKE DATAENCRYPT) WITHLABEL('b')",
    "RACDCERT ID(A) GENCERT DSA KEYUSAGE(DATAENCRYPT) WITHLABEL('c')",
  ].join('\n');
  const fs = findings(text, R);
  assert.deepEqual(
    fs.map((f) => at(text, f)),
    ['KEYAGREE', 'DATAENCRYPT', 'DATAENCRYPT'],
  );
  assert.ok(fs.every((f) => f.severity === 'error' && /IRRD156I/.test(f.message)));
  assert.match(fs[0].message, /RSA key \(the default key type\)/);
  const fixed = applyFix(applyFix(text, fs[1]), fs[0]);
  assert.deepEqual(
    findings(fixed, R).map((f) => at(fixed, f)),
    ['DATAENCRYPT'],
  );
});

test('a server certificate (connected as DEFAULT, or with a host ALTNAME) without HANDSHAKE is information', () => {
  const text = [
    "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('h')) KEYUSAGE(DOCSIGN) WITHLABEL('srv')",
    'RACDCERT ID(SRV) ADDRING(R)',
    "RACDCERT ID(SRV) CONNECT(LABEL('srv') RING(R) DEFAULT)",
    "RACDCERT ID(B) GENCERT ALTNAME(DOMAIN('b.example.com')) KEYUSAGE(DOCSIGN) WITHLABEL('b')",
  ].join('\n');
  const fs = findings(text, R);
  assert.equal(fs.length, 2);
  assert.ok(fs.every((f) => f.severity === 'information'));
  assert.match(fs[0].message, /connects it to a key ring/);
  assert.match(fs[1].message, /ALTNAME names a host/);
  let fixed = applyFix(text, fs[1]);
  fixed = applyFix(fixed, fs[0]);
  assert.deepEqual(findings(fixed, R), []);
});

test('not a server certificate: no KEYUSAGE, a CA usage, a CERTAUTH owner, or not connected as one', () => {
  const text = [
    "RACDCERT ID(SRV) GENCERT WITHLABEL('srv')",
    "RACDCERT ID(SRV) CONNECT(LABEL('srv') RING(R) DEFAULT)",
    "RACDCERT CERTAUTH GENCERT KEYUSAGE(DOCSIGN) ALTNAME(DOMAIN('x')) WITHLABEL('ca')",
    "RACDCERT ID(C) GENCERT KEYUSAGE(DOCSIGN) WITHLABEL('c')",
    "RACDCERT ID(C) CONNECT(LABEL('c') RING(R) USAGE(CERTAUTH))",
  ].join('\n');
  assert.deepEqual(findings(text, R), []);
});
