// Completion in RACF commands: command names at the start of a command line, RACDCERT functions,
// the keywords of the function at the cursor, nested keywords, enumerated values, key sizes for
// the key type, and labels and rings the document creates for the right owner.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { racfComplete } from '../../../../server/src/service/racf/complete';
import type { CompletionEntry } from '../../../../server/src/service/features';
import type { RacfAnalysis } from '../../../../server/src/service/racf/analyze';
import { RACDCERT_FUNCTIONS, RACF_COMMANDS } from '../../../../server/src/service/knowledge/racfKeywords';
import { JCL, analyze, range, show } from './fixtures';

const complete = (a: RacfAnalysis, line: number, character: number): CompletionEntry[] =>
  racfComplete(a, { line, character });
const labels = (es: CompletionEntry[]): string[] => es.map((e) => e.label);
const ranges = (es: CompletionEntry[]): string[] => [
  ...new Set(es.map((e) => (e.range ? show(e.range) : '-'))),
];

const jcl = analyze(JCL, 'jcl');

test('start of a command line: RACF commands and RACDCERT functions', () => {
  const es = complete(jcl, 11, 0);
  const want = [...RACF_COMMANDS.keys(), ...[...RACDCERT_FUNCTIONS.keys()].map((f) => `RACDCERT ${f}`)];
  assert.deepEqual(labels(es).sort(), want.sort());
  assert.deepEqual(ranges(es), ['11:0-11:0']);
  const connect = es.find((e) => e.label === 'RACDCERT CONNECT');
  assert.deepEqual(connect && { insertText: connect.insertText, snippet: connect.snippet }, {
    insertText: 'RACDCERT CONNECT($1)',
    snippet: true,
  });
  // On the command name: the name is replaced.
  assert.deepEqual(ranges(complete(jcl, 6, 5)), ['6:2-6:10']);
  // JCL statements, comments and the delimiter: nothing.
  assert.deepEqual(complete(jcl, 1, 5), []);
  assert.deepEqual(complete(jcl, 12, 1), []);
  assert.deepEqual(complete(jcl, 13, 6), []);
});

test('RACDCERT without a function: the functions and the owner keywords', () => {
  const a = analyze('RACDCERT ID(X) \nRACDCERT GEN', 'racf');
  const es = complete(a, 0, 15);
  assert.ok(labels(es).includes('GENCERT'));
  assert.ok(labels(es).includes('SITE'));
  assert.ok(!labels(es).includes('ID'), 'ID is written already');
  const typed = complete(a, 1, 12);
  assert.deepEqual(ranges(typed), ['1:9-1:12']);
  assert.ok(labels(typed).includes('GENREQ'));
});

test('keywords valid for the function, minus those written and their exclusive alternatives', () => {
  const a = analyze("RACDCERT ID(X) GENCERT NISTECC WITHLABEL('a') ", 'racf');
  const es = complete(a, 0, 46);
  const ls = labels(es);
  for (const k of ['SUBJECTSDN', 'SIZE', 'NOTAFTER', 'SIGNWITH', 'KEYUSAGE', 'ALTNAME']) {
    assert.ok(ls.includes(k), k);
  }
  for (const k of [
    'ID',
    'SITE',
    'CERTAUTH',
    'NISTECC',
    'RSA',
    'BPECC',
    'DSA',
    'WITHLABEL',
    'DSN',
    'FORMAT',
  ]) {
    assert.ok(!ls.includes(k), k);
  }
  const notafter = es.find((e) => e.label === 'NOTAFTER');
  assert.equal(notafter?.insertText, 'NOTAFTER($1)');
  assert.deepEqual(ranges(es), ['0:46-0:46']);
  // EXPORT offers its own keywords.
  const ex = labels(complete(analyze("RACDCERT EXPORT(LABEL('a')) ", 'racf'), 0, 28));
  assert.ok(ex.includes('FORMAT') && ex.includes('DSN') && !ex.includes('SIZE'));
});

test('nested keywords inside SIGNWITH, CONNECT, NOTAFTER, ALTNAME, SUBJECTSDN', () => {
  const text = [
    "RACDCERT GENCERT SIGNWITH() NOTAFTER() ALTNAME() SUBJECTSDN(CN('x') )", // 0
    'RACDCERT ID(A) CONNECT(RING(R) )', // 1
  ].join('\n');
  const a = analyze(text, 'racf');
  assert.deepEqual(labels(complete(a, 0, 26)).sort(), ['CERTAUTH', 'LABEL', 'SITE']);
  assert.deepEqual(labels(complete(a, 0, 37)).sort(), ['DATE', 'TIME']);
  assert.deepEqual(labels(complete(a, 0, 47)).sort(), ['DOMAIN', 'EMAIL', 'IP', 'URI']);
  assert.deepEqual(labels(complete(a, 0, 68)).sort(), ['C', 'L', 'O', 'OU', 'SP', 'T']);
  const conn = complete(a, 1, 31);
  assert.deepEqual(labels(conn).sort(), ['CERTAUTH', 'DEFAULT', 'ID', 'LABEL', 'SITE', 'USAGE']);
  assert.equal(conn.find((e) => e.label === 'LABEL')?.insertText, "LABEL('$1')");
});

test('enumerated values: USAGE, KEYUSAGE, FORMAT, RACLIST, ACCESS', () => {
  const text = [
    "RACDCERT ID(A) CONNECT(LABEL('x') RING(R) USAGE())", // 0
    'RACDCERT GENCERT KEYUSAGE(HANDSHAKE )', // 1
    "RACDCERT EXPORT(LABEL('x')) FORMAT()", // 2
    'SETROPTS RACLIST(DIGTRING ) REFRESH', // 3
    'PERMIT X CLASS(FACILITY) ACCESS()', // 4
  ].join('\n');
  const a = analyze(text, 'racf');
  assert.deepEqual(labels(complete(a, 0, 48)), ['PERSONAL', 'SITE', 'CERTAUTH']);
  assert.deepEqual(labels(complete(a, 1, 36)), ['CERTSIGN', 'DATAENCRYPT', 'DOCSIGN', 'KEYAGREE']);
  assert.deepEqual(labels(complete(a, 2, 35)), [
    'CERTB64',
    'CERTDER',
    'PKCS7B64',
    'PKCS7DER',
    'PKCS12B64',
    'PKCS12DER',
  ]);
  assert.deepEqual(labels(complete(a, 3, 26)), ['DIGTCERT', 'DIGTNMAP', 'DIGTCRIT', 'FACILITY', 'RDATALIB']);
  assert.deepEqual(labels(complete(a, 4, 32)), ['READ', 'UPDATE', 'CONTROL']);
});

test('SIZE values follow the key type in the same command', () => {
  const text = [
    'RACDCERT GENCERT NISTECC SIZE()',
    'RACDCERT GENCERT BPECC SIZE()',
    'RACDCERT GENCERT SIZE()',
  ].join('\n');
  const a = analyze(text, 'racf');
  const nist = complete(a, 0, 30);
  assert.deepEqual(labels(nist), ['192', '224', '256', '384', '521']);
  assert.match(nist[4].detail ?? '', /P-521/);
  assert.match(nist[0].detail ?? '', /weak/);
  assert.deepEqual(ranges(nist), ['0:30-0:30']);
  assert.deepEqual(labels(complete(a, 1, 28)), ['160', '192', '224', '256', '320', '384', '512']);
  // No key keyword: an RSA key.
  assert.deepEqual(labels(complete(a, 2, 22)), ['2048', '3072', '4096']);
});

test('labels and rings created in the document, for the right owner', () => {
  const text = [
    "RACDCERT CERTAUTH GENCERT SUBJECTSDN(CN('ca')) WITHLABEL('Local CA')", // 0
    "RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('s')) WITHLABEL('Srv''s cert') SIGNWITH(CERTAUTH LABEL())", // 1
    "RACDCERT ID(OTHER) GENCERT SUBJECTSDN(CN('o')) WITHLABEL('Other')", // 2
    'RACDCERT ID(SRV) ADDRING(SrvRing)', // 3
    'RACDCERT ID(OTHER) ADDRING(OtherRing)', // 4
    'RACDCERT ID(SRV) CONNECT(LABEL() RING())', // 5
    "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('Lo", // 6
    'RACDCERT ID(SRV) LISTRING()', // 7
  ].join('\n');
  const a = analyze(text, 'racf');
  const sign = complete(a, 1, 94);
  assert.deepEqual(labels(sign), ["'Local CA'"]);
  assert.deepEqual(ranges(sign), ['1:94-1:94']);
  const label = complete(a, 5, 31);
  assert.deepEqual(labels(label), ["'Srv''s cert'"]);
  assert.equal(label[0].insertText, "'Srv''s cert'");
  assert.equal(label[0].kind, 'reference');
  assert.match(label[0].detail ?? '', /line 2/);
  assert.deepEqual(labels(complete(a, 5, 38)), ['SrvRing']);
  // Inside an unclosed quote only what was typed is replaced.
  const typed = complete(a, 6, 43);
  assert.deepEqual(labels(typed), ["'Local CA'"]);
  assert.deepEqual(typed[0].range, range(6, 40, 43));
  assert.deepEqual(labels(complete(a, 7, 26)), ['SrvRing', '*']);
});

test('REXX: inside literals, and a new literal host command', () => {
  const text = [
    '/* REXX */',
    '"RACDCERT ID(SRV) ADDRING(R1)"',
    '"RACDCERT ID(SRV) CONNECT(LABEL(\'x\') RING())"',
    '"RAC',
  ].join('\n');
  const a = analyze(text, 'rexx');
  assert.deepEqual(labels(complete(a, 2, 42)), ['R1']);
  const fresh = complete(a, 3, 4);
  assert.ok(labels(fresh).includes('RACDCERT'));
  assert.deepEqual(ranges(fresh), ['3:1-3:4']);
  assert.deepEqual(complete(a, 0, 4), []);
});

test('PERMIT and RDEFINE: profiles, classes, keywords', () => {
  const text = [
    'RACDCERT ID(SRV) ADDRING(Ring1)',
    'PERMIT ',
    'RDEFINE RDATALIB ',
    'RDEFINE ',
    'PERMIT X ',
  ].join('\n');
  const a = analyze(text, 'racf');
  const p = labels(complete(a, 1, 7));
  assert.ok(p.includes('IRR.DIGTCERT.LISTRING'));
  assert.ok(p.includes('SRV.Ring1.LST'));
  const r = labels(complete(a, 2, 17));
  assert.ok(r.includes('SRV.Ring1.LST') && !r.includes('IRR.DIGTCERT.LISTRING'));
  assert.deepEqual(labels(complete(a, 3, 8)), ['FACILITY', 'RDATALIB']);
  assert.deepEqual(labels(complete(a, 4, 9)).sort(), ['ACCESS', 'CLASS', 'ID']);
});
