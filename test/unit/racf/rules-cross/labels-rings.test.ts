// racf/signwith-unknown, racf/ring-unknown, racf/label-unknown: firing, not firing, fixes re-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { all, apply, at, findings, job } from './helpers';

test('signwith-unknown: a SIGNWITH label nothing in the file created for that owner', () => {
  const text = [
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('mqwebCertauth')",
    "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('s')) WITHLABEL('srv') SIGNWITH(CERTAUTH LABEL('SYSPROG'))",
  ].join('\n');
  const [f] = findings(text, 'racf/signwith-unknown');
  // Nothing suggests a typo ('SYSPROG' is no near miss of 'mqwebCertauth'): it may exist in RACF.
  assert.equal(f.severity, 'information');
  assert.equal(at(text, f), "'SYSPROG'");
  assert.match(f.message, /may already exist in RACF/);
  assert.match(f.message, /IRRD128I/);
});

test('signwith-unknown: not for a label created before for that owner, nor a placeholder', () => {
  const ok = [
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('My CA')",
    "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('s')) SIGNWITH(CERTAUTH LABEL('My CA'))",
    "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('t')) SIGNWITH(CERTAUTH LABEL('&LOCALCA.'))",
    "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('u')) SIGNWITH(CERTAUTH LABEL('${instance-CA}'))",
  ].join('\n');
  assert.deepEqual(findings(ok, 'racf/signwith-unknown'), []);
  // Created for another owner (SITE) is not the CERTAUTH certificate.
  const site = [
    "RACDCERT SITE GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('My CA')",
    "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('s')) SIGNWITH(CERTAUTH LABEL('My CA'))",
  ].join('\n');
  assert.equal(findings(site, 'racf/signwith-unknown').length, 1);
});

test('signwith-unknown: case-only difference and created-later are explained; the fix re-checks clean', () => {
  const text = [
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('My CA')",
    "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('s')) SIGNWITH(CERTAUTH LABEL('MY CA'))",
  ].join('\n');
  const [f] = findings(text, 'racf/signwith-unknown');
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /case-sensitive/);
  const fixed = apply(text, f.fixes![0]);
  assert.match(fixed, /SIGNWITH\(CERTAUTH LABEL\('My CA'\)\)/);
  assert.deepEqual(findings(fixed, 'racf/signwith-unknown'), []);
  const later = [
    "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('s')) SIGNWITH(CERTAUTH LABEL('My CA'))",
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('My CA')",
  ].join('\n');
  const [l] = findings(later, 'racf/signwith-unknown');
  assert.match(l.message, /only later, on line 2/);
  assert.equal(l.severity, 'warning');
  const near = [
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('Local CA')",
    "RACDCERT ID(MQ) GENCERT SUBJECTSDN(CN('s')) SIGNWITH(CERTAUTH LABEL('Locl CA'))",
  ].join('\n');
  const [n] = findings(near, 'racf/signwith-unknown');
  assert.match(n.message, /Did you mean 'Local CA'/);
  assert.equal(n.severity, 'warning');
});

test('ring-unknown: CONNECT, REMOVE and LISTRING of a ring never added; one finding per ring', () => {
  const text = [
    'RACDCERT ID(SRV) ADDRING(SparkClusterRing)',
    "RACDCERT ID(SRV) CONNECT(LABEL('a') RING(SparkCluserRing))",
    "RACDCERT ID(SRV) CONNECT(LABEL('b') RING(SparkCluserRing))",
    'RACDCERT ID(SRV) LISTRING(Other)',
    "RACDCERT ID(SRV) REMOVE(RING(Gone) LABEL('a'))",
  ].join('\n');
  const fs = findings(text, 'racf/ring-unknown');
  assert.deepEqual(
    fs.map((f) => at(text, f)),
    ['SparkCluserRing', 'Other', 'Gone'],
  );
  assert.equal(fs[0].severity, 'warning');
  assert.match(fs[0].message, /Did you mean SparkClusterRing/);
  assert.equal(fs[0].related?.length, 1);
  const fixed = apply(text, fs[0].fixes![0]);
  // The fix corrects this use; the second CONNECT with the same typo is then the first one reported.
  assert.deepEqual(
    findings(fixed, 'racf/ring-unknown').map((f) => f.range.start.line),
    [2, 3, 4],
  );
  assert.match(fs[1].message, /may already exist in RACF/);
  assert.deepEqual(
    fs.map((f) => f.severity),
    ['warning', 'information', 'information'],
  );
});

test('ring-unknown: owner and case matter; LISTRING(*), symbols and the issuer are not judged', () => {
  const ok = [
    'RACDCERT ID(SRV) ADDRING(Ring.A)',
    "RACDCERT ID(srv) CONNECT(LABEL('a') RING(Ring.A))",
    'RACDCERT ID(SRV) LISTRING(*)',
    "RACDCERT ID(SRV) CONNECT(LABEL('a') RING(&RING.))",
    'RACDCERT LISTRING(Ring.A)',
  ].join('\n');
  assert.deepEqual(findings(ok, 'racf/ring-unknown'), []);
  const bad = [
    'RACDCERT ID(user1) ADDRING(Ring.A)',
    "RACDCERT ID(SYSPROG) CONNECT(LABEL('a') RING(Ring.A))",
  ].join('\n');
  const [o] = findings(bad, 'racf/ring-unknown');
  assert.match(o.message, /added for ID\(user1\)/);
  assert.equal(o.severity, 'warning');
  const cased = [
    'RACDCERT ID(SRV) ADDRING(Ring.A)',
    "RACDCERT ID(SRV) CONNECT(LABEL('a') RING(RING.A))",
  ].join('\n');
  const [f] = findings(cased, 'racf/ring-unknown');
  assert.match(f.message, /case-sensitive/);
  assert.equal(f.severity, 'warning');
  assert.deepEqual(findings(apply(cased, f.fixes![0]), 'racf/ring-unknown'), []);
});

test('ring-unknown: the fix adds the ADDRING before the CONNECT, in JCL inside the stream', () => {
  const text = job([" RACDCERT ID(SRV) CONNECT(LABEL('a') RING(NewRing))"]);
  const [f] = findings(text, 'racf/ring-unknown', 'jcl');
  const add = f.fixes!.find((x) => x.title.includes('ADDRING'))!;
  const fixed = apply(text, add);
  assert.match(
    fixed,
    /\/\/SYSTSIN {2}DD \*\n RACDCERT ADDRING\(NewRing\) ID\(SRV\)\n RACDCERT ID\(SRV\) CONNECT/,
  );
  assert.deepEqual(findings(fixed, 'racf/ring-unknown', 'jcl'), []);
});

test('label-unknown: a CONNECT label not created for the certificate owner', () => {
  const text = [
    'RACDCERT ID(MQSTC) ADDRING(MQ.KEYRING)',
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('MQ CA')",
    "RACDCERT ID(MQSTC) CONNECT(RING(MQ.KEYRING) LABEL('MQ CA') CERTAUTH)",
    "RACDCERT ID(MQSTC) CONNECT(RING(MQ.KEYRING) LABEL('Liberty CA') CERTAUTH)",
    "RACDCERT ID(MQSTC) CONNECT(RING(MQ.KEYRING) LABEL('MQ CA'))",
  ].join('\n');
  const fs = findings(text, 'racf/label-unknown');
  assert.deepEqual(
    fs.map((f) => at(text, f)),
    ["'Liberty CA'", "'MQ CA'"],
  );
  assert.match(fs[0].message, /may already exist in RACF/);
  assert.equal(fs[0].severity, 'information');
  // The last CONNECT has no owner inside: the certificate is the ring owner's, not CERTAUTH's.
  assert.match(fs[1].message, /ID\(MQSTC\) \(no owner inside CONNECT\(\.\.\.\): the ring owner\)/);
});

test('label-unknown: ADD, IMPORT, REKEY and ALTER NEWLABEL create labels; the typo fix re-checks clean', () => {
  const ok = [
    "RACDCERT ID(A) ADD('X.P12') WITHLABEL('one') PASSWORD('p')",
    "RACDCERT ID(A) REKEY(LABEL('one')) WITHLABEL('two')",
    "RACDCERT ID(A) ALTER(LABEL('two')) NEWLABEL('three')",
    'RACDCERT ID(A) ADDRING(R)',
    "RACDCERT ID(A) CONNECT(LABEL('one') RING(R))",
    "RACDCERT ID(A) CONNECT(LABEL('three') RING(R))",
    "RACDCERT ID(A) CONNECT(LABEL('&L.') RING(R))",
  ].join('\n');
  assert.deepEqual(findings(ok, 'racf/label-unknown'), []);
  const typo = [
    "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('Server Cert')",
    'RACDCERT ID(A) ADDRING(R)',
    "RACDCERT ID(A) CONNECT(LABEL('Sever Cert') RING(R))",
  ].join('\n');
  const [f] = findings(typo, 'racf/label-unknown');
  assert.match(f.message, /Did you mean 'Server Cert'/);
  assert.equal(f.severity, 'warning');
  assert.deepEqual(findings(apply(typo, f.fixes![0]), 'racf/label-unknown'), []);
});

test('cross-command rules stay quiet on a complete, correct job', () => {
  const text = job([
    " RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) WITHLABEL('CA') -",
    '   KEYUSAGE(CERTSIGN) NOTAFTER(DATE(2030-01-01)) SIZE(2048)',
    " RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('srv')) WITHLABEL('Srv') -",
    "   SIZE(2048) SIGNWITH(CERTAUTH LABEL('CA')) KEYUSAGE(HANDSHAKE) -",
    '   NOTAFTER(DATE(2027-01-01))',
    ' RACDCERT ID(SRV) ADDRING(SrvRing)',
    " RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('CA') RING(SrvRing) -",
    '   USAGE(CERTAUTH))',
    " RACDCERT ID(SRV) CONNECT(LABEL('Srv') RING(SrvRing) -",
    '   USAGE(PERSONAL) DEFAULT)',
    ' PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ)',
    ' SETROPTS RACLIST(DIGTCERT DIGTRING FACILITY) REFRESH',
  ]);
  assert.deepEqual(
    all(text, 'jcl').map((f) => `${f.rule} ${f.message}`),
    [],
  );
});
