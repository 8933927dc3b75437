// racf/missing-refresh and racf/ring-access: firing, not firing, fixes in JCL, plain and REXX re-checked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apply, at, findings, job } from './helpers';

test('missing-refresh: each class the changes need, once per stream, at the first unrefreshed change', () => {
  const text = [
    'RACDCERT ID(A) ADDRING(R)',
    "RACDCERT ID(A) CONNECT(LABEL('x') RING(R))",
    "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('x')",
    'SETROPTS RACLIST(DIGTCERT) REFRESH',
    'PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(A) ACCESS(READ)',
  ].join('\n');
  const fs = findings(text, 'racf/missing-refresh');
  assert.deepEqual(
    fs.map((f) => [f.range.start.line, /class (\w+)/.exec(f.message)![1]]),
    [
      [0, 'DIGTRING'],
      [4, 'FACILITY'],
    ],
  );
  assert.equal(fs[0].severity, 'warning');
  assert.match(fs[0].message, /RACDCERT ADDRING and 1 later change/);
  assert.match(fs[0].message, /harmless if it is not RACLISTed/);
  assert.equal(fs[0].related?.length, 1);
  // Each fix appends its refresh; both together leave nothing to report.
  let fixed = apply(text, fs[0].fixes![0]);
  assert.ok(fixed.endsWith('\nSETROPTS RACLIST(DIGTRING) REFRESH'));
  fixed = apply(fixed, findings(fixed, 'racf/missing-refresh')[0].fixes![0]);
  assert.deepEqual(findings(fixed, 'racf/missing-refresh'), []);
  // The combined fix alone does the same.
  const combined = fs[0].fixes!.find((f) => f.title.includes('DIGTRING FACILITY'))!;
  assert.deepEqual(findings(apply(text, combined), 'racf/missing-refresh'), []);
});

test('missing-refresh: a refresh before the change does not count; abbreviations and commas do', () => {
  const early = ['SETROPTS RACLIST(DIGTCERT) REFRESH', "RACDCERT ADD('A.B') WITHLABEL('x')"].join('\n');
  assert.match(findings(early, 'racf/missing-refresh')[0].message, /on line 1 comes before this change/);
  const ok = [
    "RACDCERT ADD('A.B') WITHLABEL('x')",
    'RACDCERT ID(A) ADDRING(R)',
    "RACDCERT MAP ID(X) SDNFILTER('CN=A') CRITERIA(SDN)",
    'RDEFINE RDATALIB A.R.LST UACC(NONE)',
    'setr raclist(digtcert, digtring digtnmap) refr',
    'SETR RACLIST(DIGTCRIT RDATALIB) REFRESH',
    'RACDCERT LIST',
    'RACDCERT ID(A) LISTRING(R)',
  ].join('\n');
  assert.deepEqual(findings(ok, 'racf/missing-refresh'), []);
  // RACLIST without REFRESH activates a class; it does not refresh it.
  const noRefresh = [
    'RDEFINE RDATALIB A.R.LST UACC(NONE)',
    'SETROPTS CLASSACT(RDATALIB) RACLIST(RDATALIB)',
  ].join('\n');
  assert.equal(findings(noRefresh, 'racf/missing-refresh').length, 1);
});

test('missing-refresh: in JCL the fix goes inside the stream, within column 72, continued with "-"', () => {
  const text = job([
    ' RACDCERT ID(A) ADDRING(R)',
    " RACDCERT MAP ID(X) SDNFILTER('CN=A') CRITERIA(SDN)",
    ' RDEFINE RDATALIB A.R.LST UACC(NONE)',
    ' PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(A) ACCESS(READ)',
    " RACDCERT ADD('A.B') WITHLABEL('x')",
  ]);
  const fs = findings(text, 'racf/missing-refresh', 'jcl');
  assert.equal(fs.length, 6);
  const combined = fs[0].fixes!.find((f) => !f.isPreferred)!;
  const fixed = apply(text, combined);
  const lines = fixed.split('\n');
  const at0 = lines.findIndex((l) => l.startsWith(' SETROPTS'));
  assert.equal(lines[at0], ' SETROPTS RACLIST(DIGTCERT DIGTRING DIGTNMAP DIGTCRIT FACILITY -');
  assert.equal(lines[at0 + 1], ' RDATALIB) REFRESH');
  assert.equal(lines[at0 + 2], '/*');
  assert.ok(lines.every((l) => l.length <= 72 || l.startsWith('//')));
  assert.deepEqual(findings(fixed, 'racf/missing-refresh', 'jcl'), []);
});

test('missing-refresh: CRLF files get CRLF; a later TSO step of the job refreshes too', () => {
  const text = job([' RACDCERT ID(A) ADDRING(R)']).replace(/\n/g, '\r\n');
  const [f] = findings(text, 'racf/missing-refresh', 'jcl');
  assert.equal(f.fixes![0].edits[0].newText, '\r\n SETROPTS RACLIST(DIGTRING) REFRESH');
  const twoSteps = [
    '//J        JOB (0)',
    '//S1       EXEC PGM=IKJEFT01',
    '//SYSTSIN  DD *',
    ' RACDCERT ID(A) ADDRING(R)',
    '/*',
    '//S2       EXEC PGM=IKJEFT1B',
    '//SYSTSIN  DD *',
    ' SETROPTS RACLIST(DIGTRING) REFRESH',
    '/*',
    '',
  ].join('\n');
  assert.deepEqual(findings(twoSteps, 'racf/missing-refresh', 'jcl'), []);
});

test('missing-refresh: a REXX exec is one scope; the fix is a new literal command after the last one', () => {
  const text = [
    '/* REXX */',
    'address tso',
    '  "RACDCERT ID(A) ADDRING(R)"',
    '  if rc <> 0 then exit 8',
    '  "SETROPTS RACLIST(FACILITY) REFRESH"',
    'exit 0',
  ].join('\n');
  const [f] = findings(text, 'racf/missing-refresh', 'rexx');
  assert.match(f.message, /by the end of the exec/);
  const fixed = apply(text, f.fixes![0]);
  assert.match(
    fixed,
    /"SETROPTS RACLIST\(FACILITY\) REFRESH"\n {2}"SETROPTS RACLIST\(DIGTRING\) REFRESH"\nexit 0/,
  );
  assert.deepEqual(findings(fixed, 'racf/missing-refresh', 'rexx'), []);
  const ok = [
    '/* REXX */',
    '"RACDCERT ID(A) ADDRING(R)"',
    'say "done"',
    '"SETROPTS RACLIST(DIGTRING) REFRESH"',
  ].join('\n');
  assert.deepEqual(findings(ok, 'racf/missing-refresh', 'rexx'), []);
});

const ring = (extra: string[]): string =>
  [
    'RACDCERT ID(SRV) ADDRING(Srv.Ring)',
    "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('s')) WITHLABEL('Srv')",
    "RACDCERT ID(SRV) CONNECT(LABEL('Srv') RING(Srv.Ring) DEFAULT)",
    ...extra,
    'SETROPTS RACLIST(DIGTCERT DIGTRING FACILITY RDATALIB) REFRESH',
  ].join('\n');

test('ring-access: a server ring with a PERSONAL certificate and no access for its owner', () => {
  const text = ring([]);
  const [f] = findings(text, 'racf/ring-access');
  assert.equal(f.severity, 'information');
  assert.equal(at(text, f), 'Srv.Ring');
  assert.match(f.message, /no cipher suites in common/);
  assert.match(f.message, /SRV\.SRV\.RING\.LST/);
  const fixed = apply(text, f.fixes![0]);
  assert.match(
    fixed,
    /\nPERMIT IRR\.DIGTCERT\.LISTRING CLASS\(FACILITY\) ID\(SRV\) ACCESS\(READ\)\nSETROPTS RACLIST\(FACILITY\) REFRESH$/,
  );
  assert.deepEqual(findings(fixed, 'racf/ring-access'), []);
  assert.deepEqual(findings(fixed, 'racf/missing-refresh'), []);
});

test('ring-access: FACILITY LISTRING (also generic), RDATALIB owner.ring.LST (case-folded) grant it', () => {
  for (const permit of [
    'PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(srv) ACCESS(READ)',
    'PERMIT IRR.DIGTCERT.* CLASS(FACILITY) ID(SRV) ACCESS(READ)',
    'PERMIT SRV.SRV.RING.LST CLASS(RDATALIB) ID(SRV) ACCESS(CONTROL)',
    'PERMIT SRV.srv.ring.LST CLASS(RDATALIB) ID(SRV) ACCESS(READ)',
    'PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(&SRVUSER.) ACCESS(READ)',
  ]) {
    assert.deepEqual(findings(ring([permit]), 'racf/ring-access'), [], permit);
  }
  for (const permit of [
    'PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(OTHER) ACCESS(READ)',
    'PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) DELETE ID(SRV)',
    'PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(SRV) ACCESS(READ)',
    'PERMIT SRV.OTHER.LST CLASS(RDATALIB) ID(SRV) ACCESS(READ)',
    'PERMIT SRV.SRV.RING.UPD CLASS(RDATALIB) ID(SRV) ACCESS(READ)',
  ]) {
    assert.equal(findings(ring([permit]), 'racf/ring-access').length, 1, permit);
  }
});

test('ring-access: CA-only rings and rings of the issuing user are not judged', () => {
  const ca = [
    'RACDCERT ID(SRV) ADDRING(Trust)',
    "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('CA') RING(Trust) USAGE(CERTAUTH))",
    'RACDCERT ADDRING(Mine)',
    "RACDCERT CONNECT(LABEL('Mine') RING(Mine))",
  ].join('\n');
  assert.deepEqual(findings(ca, 'racf/ring-access'), []);
  const sitePersonal = [
    'RACDCERT ID(SRV) ADDRING(R)',
    "RACDCERT ID(SRV) CONNECT(SITE LABEL('S') RING(R) USAGE(PERSONAL))",
  ].join('\n');
  assert.equal(findings(sitePersonal, 'racf/ring-access').length, 1);
});
