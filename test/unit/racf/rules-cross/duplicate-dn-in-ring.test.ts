// racf/duplicate-dn-in-ring: two different certificates with the same SUBJECTSDN connected to one
// ring (IBM CICS documentation: not supported), modelled on the SQLDI job of the corpus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { at, findings } from './helpers';

const RULE = 'racf/duplicate-dn-in-ring';

/** A command file (not fixed 80-byte JCL, so long commands need no continuation). */
function job(lines: string[]): string {
  return [...lines, ''].join('\n');
}

function gencert(owner: string, label: string, dn: string, extra = ''): string {
  return ` RACDCERT GENCERT ${owner} SUBJECTSDN(${dn}) WITHLABEL('${label}') ${extra}`.trimEnd();
}

const CA_DN = "CN('STLAB41') O('IBM') OU('WMLZ') C('US')";

function ring(lines: string[]): string {
  return job([
    ' RACDCERT ADDRING(WMLZRING) ID(AIDBADM)',
    gencert('CERTAUTH', 'WMLZCA', CA_DN),
    ...lines,
    " RACDCERT ID(AIDBADM) CONNECT(CERTAUTH LABEL('WMLZCA') RING(WMLZRING))",
    " RACDCERT ID(AIDBADM) CONNECT(ID(AIDBADM) LABEL('WMLZSRV') RING(WMLZRING) USAGE(PERSONAL))",
    ' SETROPTS RACLIST(DIGTCERT DIGTRING) REFRESH',
  ]);
}

test('CA and server certificate with the same subject DN in one ring: a warning at the second CONNECT', () => {
  // Same attributes in another order, another case and with extra blanks: still the same name.
  const text = ring([
    gencert(
      'ID(AIDBADM)',
      'WMLZSRV',
      "c('US') ou('wmlz') O('IBM') CN('stlab41 ')",
      "SIGNWITH(CERTAUTH LABEL('WMLZCA'))",
    ),
  ]);
  const got = findings(text, RULE);
  assert.equal(got.length, 1);
  assert.equal(got[0].severity, 'warning');
  assert.equal(at(text, got[0]), "'WMLZSRV'");
  assert.equal(got[0].range.start.line, 4);
  assert.match(got[0].message, /same subject DN as 'WMLZCA'.*WMLZRING.*not supported.*different SUBJECTSDN/s);
  const related = got[0].related!.map((r) => at(text, r));
  assert.deepEqual(related, [
    "SUBJECTSDN(c('US') ou('wmlz') O('IBM') CN('stlab41 '))",
    `SUBJECTSDN(${CA_DN})`,
    "CONNECT(CERTAUTH LABEL('WMLZCA') RING(WMLZRING))",
  ]);
});

test('not reported: different DNs, another ring, the same certificate twice, an ADDed certificate', () => {
  const other = ring([
    gencert('ID(AIDBADM)', 'WMLZSRV', "CN('wmlz.example.com') O('IBM') OU('WMLZ') C('US')"),
  ]);
  assert.deepEqual(findings(other, RULE), []);
  // One attribute more is another name.
  const more = ring([gencert('ID(AIDBADM)', 'WMLZSRV', `${CA_DN} L('SAN JOSE')`)]);
  assert.deepEqual(findings(more, RULE), []);
  const twoRings = job([
    ' RACDCERT ADDRING(R1) ID(AIDBADM)',
    ' RACDCERT ADDRING(R2) ID(AIDBADM)',
    gencert('CERTAUTH', 'CA', CA_DN),
    gencert('ID(AIDBADM)', 'SRV', CA_DN),
    " RACDCERT ID(AIDBADM) CONNECT(CERTAUTH LABEL('CA') RING(R1))",
    " RACDCERT ID(AIDBADM) CONNECT(ID(AIDBADM) LABEL('SRV') RING(R2))",
    " RACDCERT ID(AIDBADM) CONNECT(CERTAUTH LABEL('CA') RING(R1))",
  ]);
  assert.deepEqual(findings(twoRings, RULE), []);
  const added = job([
    ' RACDCERT ADDRING(R1) ID(AIDBADM)',
    gencert('CERTAUTH', 'CA', CA_DN),
    " RACDCERT ID(AIDBADM) ADD('AIDBADM.SRV.P12') WITHLABEL('SRV') TRUST PASSWORD('x')",
    " RACDCERT ID(AIDBADM) CONNECT(CERTAUTH LABEL('CA') RING(R1))",
    " RACDCERT ID(AIDBADM) CONNECT(ID(AIDBADM) LABEL('SRV') RING(R1))",
  ]);
  assert.deepEqual(findings(added, RULE), []);
});

test('not reported once the first certificate left the ring: REMOVE, DELRING, ADDRING again', () => {
  const connectCa = " RACDCERT ID(AIDBADM) CONNECT(CERTAUTH LABEL('CA') RING(R1))";
  const connectSrv = " RACDCERT ID(AIDBADM) CONNECT(ID(AIDBADM) LABEL('SRV') RING(R1))";
  const base = [
    ' RACDCERT ADDRING(R1) ID(AIDBADM)',
    gencert('CERTAUTH', 'CA', CA_DN),
    gencert('ID(AIDBADM)', 'SRV', CA_DN),
  ];
  assert.equal(findings(job([...base, connectCa, connectSrv]), RULE).length, 1, 'the control case fires');
  for (const between of [
    " RACDCERT ID(AIDBADM) REMOVE(CERTAUTH LABEL('CA') RING(R1))",
    ' RACDCERT ID(AIDBADM) DELRING(R1)',
    ' RACDCERT ADDRING(R1) ID(AIDBADM)',
  ]) {
    assert.deepEqual(findings(job([...base, connectCa, between, connectSrv]), RULE), [], between);
  }
});

test('the certificate a CONNECT means is the latest one of that owner and label (DELETE, new GENCERT)', () => {
  const text = job([
    ' RACDCERT ADDRING(R1) ID(AIDBADM)',
    gencert('CERTAUTH', 'CA', CA_DN),
    gencert('ID(AIDBADM)', 'SRV', CA_DN),
    " RACDCERT ID(AIDBADM) DELETE(LABEL('SRV'))",
    gencert('ID(AIDBADM)', 'SRV', "CN('srv.example.com')"),
    " RACDCERT ID(AIDBADM) CONNECT(CERTAUTH LABEL('CA') RING(R1))",
    " RACDCERT ID(AIDBADM) CONNECT(ID(AIDBADM) LABEL('SRV') RING(R1))",
  ]);
  assert.deepEqual(findings(text, RULE), []);
});

test("many certificates and connects: one finding per clash (speed is the benchmark's business)", () => {
  const lines = [' RACDCERT ADDRING(R1) ID(U)'];
  const n = 3000;
  for (let i = 0; i < n; i++) {
    lines.push(gencert('ID(U)', `L${i}`, `CN('host${i % (n - 1)}')`));
    lines.push(` RACDCERT ID(U) CONNECT(LABEL('L${i}') RING(R1))`);
  }
  const got = findings(lines.join('\n'), RULE);
  assert.equal(got.length, 1, 'host0 is the only DN written twice');
});
