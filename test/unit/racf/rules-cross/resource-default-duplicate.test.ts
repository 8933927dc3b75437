// racf/unknown-resource, racf/default-on-ca, racf/duplicate: firing, not firing, fixes re-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apply, at, findings, job } from './helpers';

test('unknown-resource: IRR.DIGTRING.* and IRR.DIGTCERT.<no function> in FACILITY', () => {
  const text = [
    'PERMIT IRR.DIGTRING.LIST CLASS(FACILITY) ID(A) ACCESS(READ)',
    'PERMIT IRR.DIGTCERT.LISTRINGS CLASS(FACILITY) ID(A) ACCESS(READ)',
    'RDEFINE FACILITY irr.digtring.add UACC(NONE)',
  ].join('\n');
  const fs = findings(text, 'racf/unknown-resource');
  assert.deepEqual(
    fs.map((f) => at(text, f)),
    ['IRR.DIGTRING.LIST', 'IRR.DIGTCERT.LISTRINGS', 'irr.digtring.add'],
  );
  assert.equal(fs[0].severity, 'error');
  assert.match(fs[0].message, /Change it to IRR\.DIGTCERT\.LISTRING/);
  assert.equal(fs[0].fixes![0].edits[0].newText, 'IRR.DIGTCERT.LISTRING');
  assert.equal(fs[2].fixes![0].edits[0].newText, 'IRR.DIGTCERT.ADDRING');
  let fixed = text;
  for (let i = 0; i < 3; i++) {
    fixed = apply(fixed, findings(fixed, 'racf/unknown-resource')[0].fixes![0]);
  }
  assert.deepEqual(findings(fixed, 'racf/unknown-resource'), []);
});

test('unknown-resource: known, pattern-only and generic names, other classes and symbols pass', () => {
  const ok = [
    'PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(A) ACCESS(READ)',
    'PERMIT IRR.DIGTCERT.GENCERT CLASS(FACILITY) ID(A) ACCESS(CONTROL)',
    'PERMIT IRR.DIGTCERT.EXPORTKEY CLASS(FACILITY) ID(A) ACCESS(READ)',
    'PERMIT IRR.DIGTCERT.LISTCHAIN CLASS(FACILITY) ID(A) ACCESS(READ)',
    'PERMIT IRR.DIGTCERT.* CLASS(FACILITY) ID(A) ACCESS(READ)',
    'PERMIT IRR.DIGTRING.LIST CLASS(RDATALIB) ID(A) ACCESS(READ)',
    'PERMIT &P. CLASS(FACILITY) ID(A)',
    'RLIST FACILITY IRR.DIGTCERT.LISTRING ALL',
    'PERMIT BPX.SERVER CLASS(FACILITY) ID(A) ACCESS(READ)',
  ].join('\n');
  assert.deepEqual(findings(ok, 'racf/unknown-resource'), []);
});

test('default-on-ca: DEFAULT on a CERTAUTH connection; the fix removes it', () => {
  const text = [
    'RACDCERT ID(A) ADDRING(R)',
    "RACDCERT ID(A) CONNECT(CERTAUTH LABEL('CA') RING(R) DEFAULT USAGE(CERTAUTH))",
    "RACDCERT ID(A) CONNECT(CERTAUTH LABEL('CA2') RING(R) USAGE(CERTAUTH) DEFAULT)",
  ].join('\n');
  const fs = findings(text, 'racf/default-on-ca');
  assert.equal(fs.length, 2);
  assert.equal(at(text, fs[0]), 'DEFAULT');
  assert.equal(fs[0].severity, 'warning');
  assert.match(fs[0].message, /PERSONAL certificate with its private key/);
  assert.match(fs[1].message, /already got a DEFAULT certificate on line 2/);
  assert.match(fs[1].message, /unverified/);
  const fixed = apply(text, fs[0].fixes![0]);
  assert.match(fixed, /RING\(R\) USAGE\(CERTAUTH\)\)\n/);
  assert.equal(findings(fixed, 'racf/default-on-ca').length, 1);
});

test('default-on-ca: one DEFAULT per ring on a PERSONAL certificate is fine; other rings and runs are apart', () => {
  const ok = [
    'RACDCERT ID(A) ADDRING(R)',
    'RACDCERT ID(A) ADDRING(S)',
    "RACDCERT ID(A) CONNECT(CERTAUTH LABEL('CA') RING(R) USAGE(CERTAUTH))",
    "RACDCERT ID(A) CONNECT(LABEL('srv') RING(R) DEFAULT)",
    "RACDCERT ID(A) CONNECT(LABEL('srv') RING(S) USAGE(PERSONAL) DEFAULT)",
    "RACDCERT ID(A) CONNECT(CERTAUTH LABEL('x') RING(S) USAGE(PERSONAL) DEFAULT)",
  ].join('\n');
  assert.deepEqual(
    findings(ok, 'racf/default-on-ca').map((f) => f.range.start.line),
    [5],
    'only the second DEFAULT of ring S (a CERTAUTH certificate used as PERSONAL is no CA use)',
  );
  // Alternative JCL steps (Zowe ZWEKRING options) each connect their own DEFAULT.
  const steps = [
    '//J        JOB (0)',
    '//S1       EXEC PGM=IKJEFT01',
    '//SYSTSIN  DD *',
    " RACDCERT ID(A) CONNECT(LABEL('one') RING(R) DEFAULT)",
    '/*',
    '//S2       EXEC PGM=IKJEFT01',
    '//SYSTSIN  DD *',
    " RACDCERT ID(A) CONNECT(LABEL('two') RING(R) DEFAULT)",
    '/*',
    '',
  ].join('\n');
  assert.deepEqual(findings(steps, 'racf/default-on-ca', 'jcl'), []);
});

test('duplicate: the same label connected twice to a ring; the fix removes the second CONNECT', () => {
  const text = job([
    ' RACDCERT ID(A) ADDRING(R)',
    " RACDCERT ID(A) CONNECT(RING(R) LABEL('CICS CA') CERTAUTH)",
    " RACDCERT ID(A) CONNECT(RING(R) LABEL('CICS CA') CERTAUTH)",
    ' SETROPTS RACLIST(DIGTRING) REFRESH',
  ]);
  const [f] = findings(text, 'racf/duplicate', 'jcl');
  assert.equal(f.severity, 'information');
  assert.equal(f.range.start.line, 6);
  assert.equal(f.related?.[0].range.start.line, 5);
  const fixed = apply(text, f.fixes![0]);
  assert.equal(fixed.split('\n').filter((l) => l.includes("'CICS CA'")).length, 1);
  assert.deepEqual(findings(fixed, 'racf/duplicate', 'jcl'), []);
});

test('duplicate: ADDRING of a ring already added; not after DELRING, nor for other owners or labels', () => {
  const text = ['RACDCERT ID(A) ADDRING(R)', 'RACDCERT ID(A) ADDRING(R)'].join('\n');
  const [f] = findings(text, 'racf/duplicate');
  assert.match(f.message, /already added on line 1/);
  assert.match(f.message, /unverified/);
  assert.deepEqual(findings(apply(text, f.fixes![0]), 'racf/duplicate'), []);
  const ok = [
    'RACDCERT ID(A) ADDRING(R)',
    'RACDCERT ID(B) ADDRING(R)',
    'RACDCERT ID(A) ADDRING(r)',
    'RACDCERT ID(A) DELRING(R)',
    'RACDCERT ID(A) ADDRING(R)',
    "RACDCERT ID(A) CONNECT(RING(R) LABEL('x'))",
    "RACDCERT ID(A) CONNECT(RING(R) LABEL('X'))",
    "RACDCERT ID(A) CONNECT(RING(R) LABEL('x') CERTAUTH)",
    "RACDCERT ID(A) REMOVE(RING(R) LABEL('x'))",
    "RACDCERT ID(A) CONNECT(RING(R) LABEL('x'))",
  ].join('\n');
  assert.deepEqual(findings(ok, 'racf/duplicate'), []);
});
