import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, at, findings } from './helpers';

const R = 'racf/unknown-keyword';

test('valid commands, lower case, function after the owner, quoted USAGE raise nothing', () => {
  const text = [
    "racdcert id(SRV) gencert subjectsdn(cn('h.example.com') ou('A','B')) size(2048) withlabel('srv')",
    "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('CA') RING(R1) USAGE('CERTAUTH'))",
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('CA')) NISTECC(PKDS(*)) SIZE(256) WITHLABEL('CA') TRUST",
    'SETR RACLIST(DIGTCERT DIGTRING) REFR',
    'PERMIT IRR.DIGTCERT.LISTRING CLASS(FACILITY) ID(SRV) ACCESS(READ) WHEN(PROGRAM(X))',
    'RDEFINE RDATALIB SRV.R1.LST UACC(NONE) OWNER(SYS1)',
  ].join('\n');
  assert.deepEqual(findings(text, R), []);
});

test('SUBJECTDSN is reported with SUBJECTSDN as the preferred fix, and the fix is clean', () => {
  const text = "RACDCERT CERTAUTH GENCERT SUBJECTDSN(CN('CA')) WITHLABEL('CA')";
  const [f, ...rest] = findings(text, R);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  assert.equal(at(text, f), 'SUBJECTDSN');
  assert.match(f.message, /not a keyword of RACDCERT GENCERT.*Did you mean SUBJECTSDN/);
  assert.equal(f.fixes?.[0].isPreferred, true);
  assert.deepEqual(findings(applyFix(text, f), R), []);
});

test('a keyword of another function says where it belongs', () => {
  const [f] = findings("RACDCERT ADDRING(R) ID(A) WITHLABEL('x')", R);
  assert.match(f.message, /not a keyword of RACDCERT ADDRING/);
  assert.match(f.message, /GENCERT/);
});

test('a misspelt nested keyword and an unknown flag inside CONNECT are reported', () => {
  const text = "RACDCERT ID(A) CONNECT(LABLE('x') RING(R) DEFALT)";
  const fs = findings(text, R);
  assert.deepEqual(
    fs.map((f) => at(text, f)),
    ['LABLE', 'DEFALT'],
  );
  assert.match(fs[0].message, /inside CONNECT/);
  const fixed = applyFix(applyFix(text, fs[1]), fs[0]);
  assert.equal(fixed, "RACDCERT ID(A) CONNECT(LABEL('x') RING(R) DEFAULT)");
  assert.deepEqual(findings(fixed, R), []);
});

test('a unique abbreviation is information with a write-in-full fix; an ambiguous one is an error', () => {
  const text = "RACDCERT GENC SUBJ(CN('x')) WITHL('x')";
  const fs = findings(text, R);
  assert.deepEqual(
    fs.map((f) => [at(text, f), f.severity]),
    [
      ['GENC', 'information'],
      ['SUBJ', 'information'],
      ['WITHL', 'information'],
    ],
  );
  let fixed = text;
  for (const f of [...fs].reverse()) {
    fixed = applyFix(fixed, f);
  }
  assert.equal(fixed, "RACDCERT GENCERT SUBJECTSDN(CN('x')) WITHLABEL('x')");
  assert.deepEqual(findings(fixed, R), []);
  const [amb] = findings("RACDCERT GENCERT N('x')", R);
  assert.equal(amb.severity, 'error');
  assert.match(amb.message, /ambiguous.*NOTBEFORE.*NOTAFTER|ambiguous/);
});

test('an unknown function is reported against LIST, the default, with the nearest function', () => {
  const text = "RACDCERT GENCERTT WITHLABEL('x')";
  const fs = findings(text, R);
  assert.equal(at(text, fs[0]), 'GENCERTT');
  assert.match(fs[0].message, /neither a RACDCERT function/);
  assert.match(fs[0].message, /GENCERT/);
});

test('two functions in one command are reported', () => {
  const [f] = findings("RACDCERT ID(A) ADDRING(R) CONNECT(LABEL('x') RING(R))", R);
  assert.match(f.message, /one function per command/);
});

test('companion commands: unlisted keywords are skipped, an ambiguous abbreviation is an error', () => {
  assert.deepEqual(findings('SETROPTS RACLIST(DIGTCERT) REFRESH GENERIC(FACILITY) NOSUCH', R), []);
  const [f] = findings('SETROPTS R(DIGTCERT)', R);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /RACLIST.*REFRESH/);
});

test('placeholders, AT/ONLYAT, ring owners and unclosed subfields are left to their own rules', () => {
  assert.deepEqual(findings("RACDCERT ID(A) ${instance-fn} WITHLABEL('x')", R), []);
  assert.deepEqual(findings('RACDCERT ADDRING(R) ID(A) AT(N.U)', R), []);
  assert.deepEqual(findings('RACDCERT ADDRING(R) CERTAUTH', R), []);
  assert.deepEqual(findings("RACDCERT ID(A) CONNECT(RING((R) LABEL('x'))", R), []);
});

test("an edit-me choice 'SITE | ID(userid)' left in a sample is reported", () => {
  const text = "RACDCERT CONNECT(SITE | ID(userid) LABEL('l') RING(R)) ID(A)";
  const [f] = findings(text, R);
  assert.equal(at(text, f), '|');
  assert.match(f.message, /choice/);
});
