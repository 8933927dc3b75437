import { test } from 'node:test';
import assert from 'node:assert/strict';
import { abbreviations, parseCommands } from '../../../../server/src/service/racf/tso';
import type { Operand, TsoCommand, Value } from '../../../../server/src/service/racf/ast';
import type { Range } from '../../../../server/src/service/types';
import { plainStream, streamOf } from './streams';

const r = (l1: number, c1: number, l2: number, c2: number): Range => ({
  start: { line: l1, character: c1 },
  end: { line: l2, character: c2 },
});

function parse(text: string) {
  return parseCommands(plainStream(text));
}

function op(cmd: TsoCommand | Operand, keyword: string): Operand {
  const list: Value[] = 'operands' in cmd ? cmd.operands : cmd.values;
  const found = list.find((v): v is Operand => v.kind === 'operand' && v.keyword.upper === keyword);
  assert.ok(found, `operand ${keyword}`);
  return found;
}

test('a command: name, canonical name, operands, nested subfields, exact ranges', () => {
  const { commands, problems } = parse(
    "racdcert id(MQSTC) connect(ring(MQ.KEYRING) label('MQ CA') certauth)",
  );
  assert.deepEqual(problems, []);
  const [c] = commands;
  assert.equal(c.name.text, 'racdcert');
  assert.equal(c.name.upper, 'RACDCERT');
  assert.equal(c.canonicalName, 'RACDCERT');
  assert.deepEqual(c.range, r(0, 0, 0, 68));
  assert.deepEqual(
    c.operands.map((o) => o.keyword.upper),
    ['ID', 'CONNECT'],
  );
  const id = op(c, 'ID');
  assert.equal(id.keyword.text, 'id');
  assert.deepEqual(id.open, r(0, 11, 0, 12));
  assert.deepEqual(id.close, r(0, 17, 0, 18));
  assert.deepEqual(id.range, r(0, 9, 0, 18));
  assert.deepEqual(id.values, [
    { kind: 'word', text: 'MQSTC', upper: 'MQSTC', symbolic: false, range: r(0, 12, 0, 17) },
  ]);
  const connect = op(c, 'CONNECT');
  assert.deepEqual(connect.range, r(0, 19, 0, 68));
  const label = op(connect, 'LABEL');
  assert.deepEqual(label.values, [
    { kind: 'quoted', raw: "'MQ CA'", value: 'MQ CA', closed: true, symbolic: false, range: r(0, 50, 0, 57) },
  ]);
  const certauth = connect.values[2];
  assert.equal(certauth.kind, 'word');
  assert.equal(certauth.kind === 'word' && certauth.upper, 'CERTAUTH');
});

test('the RACDCERT function may come after other operands; aliases resolve; other TSO commands are generic', () => {
  const { commands, problems } = parse(
    "racdcert CERTAUTH withlabel('CICS CA') add('USER1.CICSCA.PEM')\nsetr raclist(digtcert) refr\nPE IRR.DIGTCERT.LIST CLASS(FACILITY) ID(X) ACCESS(READ)\nRDEF RDATALIB A.B.LST UACC(NONE)\nRALT X Y\nRL FACILITY IRR.DIGTCERT.LIST ALL\nPROFILE\nLISTCAT ENT('A.B') ALL",
  );
  assert.deepEqual(problems, []);
  assert.deepEqual(
    commands.map((c) => c.canonicalName),
    ['RACDCERT', 'SETROPTS', 'PERMIT', 'RDEFINE', 'RALTER', 'RLIST', undefined, undefined],
  );
  assert.deepEqual(
    commands[0].operands.map((o) => o.keyword.upper),
    ['CERTAUTH', 'WITHLABEL', 'ADD'],
  );
  // Positional operands are operands whose keyword is the word as written.
  assert.equal(commands[2].operands[0].keyword.text, 'IRR.DIGTCERT.LIST');
  assert.equal(commands[6].name.text, 'PROFILE');
  assert.equal(commands[7].operands[0].values[0].kind, 'quoted');
});

test('blanks before ( bind the subfield; commas delimit', () => {
  const { commands, problems } = parse(
    "RACDCERT ID( IZUSVR ) GENCERT SIZE (1024) SIGNWITH (CERTAUTH LABEL('certifier'))\nSETROPTS RACLIST(DIGTCERT, DIGTRING) REFRESH\nRACDCERT ADDRING(R) ID(X),",
  );
  assert.deepEqual(problems, []);
  const size = op(commands[0], 'SIZE');
  assert.deepEqual(size.open, r(0, 35, 0, 36));
  assert.deepEqual(size.range, r(0, 30, 0, 41));
  assert.deepEqual(
    op(commands[0], 'ID').values.map((v) => v.kind === 'word' && v.text),
    ['IZUSVR'],
  );
  assert.equal(op(op(commands[0], 'SIGNWITH'), 'LABEL').values[0].kind, 'quoted');
  assert.deepEqual(
    op(commands[1], 'RACLIST').values.map((v) => v.kind === 'word' && v.upper),
    ['DIGTCERT', 'DIGTRING'],
  );
  assert.deepEqual(
    op(commands[1], 'RACLIST').values.map((v) => v.range),
    [r(1, 17, 1, 25), r(1, 27, 1, 35)],
  );
});

test("'-' keeps the next line's leading blanks, '+' removes them (and leading commas and comments)", () => {
  const minus = parse('RACDCERT ID(X) -\n   GENCERT');
  assert.equal(minus.commands.length, 1);
  assert.equal(minus.commands[0].text, 'RACDCERT ID(X)    GENCERT');
  assert.deepEqual(minus.commands[0].range, r(0, 0, 1, 10));
  assert.deepEqual(op(minus.commands[0], 'GENCERT').range, r(1, 3, 1, 10));
  assert.deepEqual(minus.commands[0].segments, [0, 1]);

  const plus = parse('RACDCERT ID(X) +\n   , /* why */ GENCERT');
  assert.equal(plus.commands[0].text, 'RACDCERT ID(X) GENCERT');
  assert.deepEqual(op(plus.commands[0], 'GENCERT').range, r(1, 15, 1, 22));
  assert.equal(plus.problems.length, 0);

  // The continuation character counts after trailing blanks and a trailing comment.
  const trailing = parse('RACDCERT ID(X) -   /* note */  \n GENCERT');
  assert.equal(trailing.commands.length, 1);
  assert.equal(trailing.commands[0].text, 'RACDCERT ID(X)  GENCERT');
  assert.equal(trailing.commands[0].comments.length, 1);
});

test('a quoted label continued across lines keeps blanks with - and loses them with +', () => {
  const minus = parse("RACDCERT WITHLABEL('My long -\n   label') ID(X)");
  const q = op(minus.commands[0], 'WITHLABEL').values[0];
  assert.equal(q.kind, 'quoted');
  assert.ok(q.kind === 'quoted');
  assert.equal(q.value, 'My long    label');
  assert.deepEqual(q.range, r(0, 19, 1, 9));
  assert.equal(minus.commands[0].text, "RACDCERT WITHLABEL('My long    label') ID(X)");
  assert.deepEqual(minus.problems, []);

  const plus = parse("RACDCERT WITHLABEL('My long +\n   label') ID(X)");
  const p = op(plus.commands[0], 'WITHLABEL').values[0];
  assert.ok(p.kind === 'quoted');
  assert.equal(p.value, 'My long label');
  assert.deepEqual(p.range, r(0, 19, 1, 9));
});

test('doubled apostrophes are one literal quote', () => {
  const { commands, problems } = parse("RACDCERT GENCERT SUBJECTSDN(T ('username''s certificate'))");
  assert.deepEqual(problems, []);
  const t = op(op(commands[0], 'SUBJECTSDN'), 'T').values[0];
  assert.ok(t.kind === 'quoted');
  assert.equal(t.value, "username's certificate");
  assert.equal(t.raw, "'username''s certificate'");
  assert.deepEqual(t.range, r(0, 31, 0, 56));
});

test('comments: anywhere a blank may be, on lines of their own, unclosed to the end of the line', () => {
  const { commands, problems, comments } = parse(
    ' /* Delete previous efforts\nRACDCERT ID(X) /* owner */ ADDRING(R) +\n /* a comment */ +\n ID(Y)\n/* RACDCERT ADDRING(Z) */',
  );
  assert.deepEqual(problems, []);
  assert.equal(commands.length, 1);
  assert.equal(commands[0].text, 'RACDCERT ID(X)   ADDRING(R) ID(Y)');
  assert.deepEqual(op(commands[0], 'ID').range, r(1, 9, 1, 14));
  assert.deepEqual(
    comments.map((c) => [c.range, c.closed]),
    [
      [r(0, 1, 0, 27), false],
      [r(1, 15, 1, 26), true],
      [r(2, 1, 2, 16), true],
      [r(4, 0, 4, 25), true],
    ],
  );
  assert.equal(commands[0].comments.length, 2);
});

test('JCL symbols and template placeholders are values, never errors', () => {
  const { commands, problems } = parse(
    [
      "RACDCERT ID (${instance-WLP_USER}) GENCERT WITHLABEL('&LABEL.') ALTNAME(IP(&IPADDRES) DOMAIN('{{ host }}'))",
      'PERMIT &USERNAME..{zowe.setup.certificate.keyring.name}.LST CLASS(RDATALIB) ID(<user id>)',
      "RACDCERT ADD('<data set name>') ID(DB2USR1)",
    ].join('\n'),
  );
  assert.deepEqual(problems, []);
  const id = op(commands[0], 'ID').values[0];
  assert.ok(id.kind === 'word');
  assert.equal(id.text, '${instance-WLP_USER}');
  assert.equal(id.symbolic, true);
  const label = op(commands[0], 'WITHLABEL').values[0];
  assert.ok(label.kind === 'quoted' && label.symbolic);
  assert.equal(commands[1].operands[0].keyword.text, '&USERNAME..{zowe.setup.certificate.keyring.name}.LST');
  const user = op(commands[1], 'ID').values[0];
  assert.ok(user.kind === 'word');
  assert.equal(user.text, '<user id>');
  assert.deepEqual(user.range, r(1, 79, 1, 88));
});

test('an unclosed ( at the end of the command: reported at the ( with a fix appending )', () => {
  const { problems } = parse(
    "racdcert id(MQSTC) gencert signwith(certauth +\nlabel('MQ CA')) notafter(date(2022/12/31)\n\nsetropts raclist(digtring) refresh",
  );
  assert.equal(problems.length, 1);
  const [p] = problems;
  assert.equal(p.rule, 'racf/syntax');
  assert.deepEqual(p.range, r(1, 16, 1, 25));
  assert.match(p.message, /'notafter\(' is never closed/);
  assert.deepEqual(p.fixes?.[0].edits, [{ range: r(1, 41, 1, 41), newText: ')' }]);
});

test('a doubled ( is blamed on the ( with no keyword, fixed by removing it', () => {
  const { problems } = parse(
    "RACDCERT ID(IBMUSER) CONNECT(CERTAUTH LABEL('IBMSHOPZ') RING((SHOPZ) USAGE(CERTAUTH) DEFAULT)",
  );
  assert.equal(problems.length, 1);
  assert.deepEqual(problems[0].range, r(0, 61, 0, 62));
  assert.deepEqual(problems[0].fixes?.[0].edits, [{ range: r(0, 61, 0, 62), newText: '' }]);
});

test('a ) with no ( after a subfield closed too early moves the early )', () => {
  const { commands, problems } = parse("RACDCERT CONNECT(ID(X) LABEL('a')) RING(r))");
  assert.equal(problems.length, 1);
  const [p] = problems;
  assert.equal(p.rule, 'racf/syntax');
  assert.deepEqual(p.range, r(0, 42, 0, 43));
  assert.match(p.message, /'CONNECT\(' is closed too early: RING belongs inside it/);
  assert.deepEqual(p.fixes?.[0].edits, [{ range: r(0, 33, 0, 34), newText: '' }]);
  // The model reflects the intent: RING is inside CONNECT.
  const connect = op(commands[0], 'CONNECT');
  assert.deepEqual(
    commands[0].operands.map((o) => o.keyword.upper),
    ['CONNECT'],
  );
  assert.equal(op(connect, 'RING').keyword.text, 'RING');
  assert.equal(connect.recovered?.length, 1);
});

test('a balanced subfield closed too early (cheat sheet CONNECT(ID(DB2USR1)) - LABEL - RING)', () => {
  const { commands, problems } = parse(
    "RACDCERT ID(DBC1STC) CONNECT(ID(DB2USR1)) -\n    LABEL('DB2CLIENTCERT') -\n    RING(DBC1KEYRING) ",
  );
  assert.equal(problems.length, 1);
  const [p] = problems;
  assert.deepEqual(p.range, r(0, 40, 0, 41));
  assert.match(p.message, /IRRD121I/);
  assert.deepEqual(p.fixes?.[0].edits, [
    { range: r(0, 40, 0, 41), newText: '' },
    { range: r(2, 21, 2, 21), newText: ')' },
  ]);
  assert.deepEqual(
    op(commands[0], 'CONNECT').values.map((v) => v.kind === 'operand' && v.keyword.upper),
    ['ID', 'LABEL', 'RING'],
  );
});

test('a stray ) right after another ) is removed', () => {
  const { problems } = parse('SETROPTS RACLIST(DIGTCERT)) REFRESH');
  assert.equal(problems.length, 1);
  assert.deepEqual(problems[0].range, r(0, 26, 0, 27));
  assert.deepEqual(problems[0].fixes?.[0].edits, [{ range: r(0, 26, 0, 27), newText: '' }]);
});

test('an unclosed quote is reported at its opening apostrophe', () => {
  const { problems } = parse(
    "RACDCERT DELMAP(LABEL('IBMUSER1Label))ID(IBMUSER) \nRACDCERT LISTMAP ID(IBMUSER)",
  );
  assert.equal(problems.length, 1);
  assert.deepEqual(problems[0].range, r(0, 22, 0, 23));
  assert.match(problems[0].message, /never closed/);
  assert.deepEqual(problems[0].fixes?.[0].edits, [{ range: r(0, 36, 0, 36), newText: "'" }]);
});

test('an en dash used as continuation: racf/syntax with a fix, and the command is read as continued', () => {
  const { commands, problems } = parse(
    'PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) \u2013\n    ID(DBC1STC) ACCESS(READ)',
  );
  assert.equal(commands.length, 1);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].rule, 'racf/syntax');
  assert.deepEqual(problems[0].range, r(0, 41, 0, 42));
  assert.deepEqual(problems[0].fixes?.[0].edits, [{ range: r(0, 41, 0, 42), newText: '-' }]);
  assert.deepEqual(
    commands[0].operands.map((o) => o.keyword.upper),
    ['IRR.DIGTCERT.LIST', 'CLASS', 'ID', 'ACCESS'],
  );
});

test('typographic quotes: racf/syntax with a fix, read as apostrophes', () => {
  const { commands, problems } = parse("RACDCERT CERTAUTH WITHLABEL(\u2019Cloud Root CA') ADD('A.B')");
  assert.equal(problems.length, 1);
  assert.deepEqual(problems[0].range, r(0, 28, 0, 29));
  assert.deepEqual(problems[0].fixes?.[0].edits, [{ range: r(0, 28, 0, 29), newText: "'" }]);
  const q = op(commands[0], 'WITHLABEL').values[0];
  assert.ok(q.kind === 'quoted');
  assert.equal(q.value, 'Cloud Root CA');

  // A typographic closing quote inside an apostrophe string is the reason it never closes.
  const inner = parse("RACDCERT CERTAUTH WITHLABEL('Cloud Root CA\u2019) ADD('A.B')");
  assert.equal(inner.problems.length, 1);
  assert.deepEqual(inner.problems[0].range, r(0, 42, 0, 43));
  assert.match(inner.problems[0].message, /typographic quote/);
});

test('a command left open at the end of a line without - or +: racf/continuation, read as continued', () => {
  const { commands, problems } = parse(
    "racdcert connect(ring(zOSMFRing2) id(izusvr) label('zOSMFServer2')\ndefault) id(izusvr)\n\nracdcert listring(zOSMFRing2) id(izusvr)",
  );
  assert.equal(problems.length, 1);
  assert.equal(problems[0].rule, 'racf/continuation');
  assert.deepEqual(problems[0].range, r(0, 65, 0, 66));
  assert.deepEqual(problems[0].fixes?.[0].edits, [{ range: r(0, 66, 0, 66), newText: ' -' }]);
  assert.equal(commands.length, 2);
  assert.equal(
    commands[0].text,
    "racdcert connect(ring(zOSMFRing2) id(izusvr) label('zOSMFServer2') default) id(izusvr)",
  );
});

test('a line starting with a keyword glued to ( continues a RACF command that forgot its continuation', () => {
  const { commands, problems } = parse(
    "racdcert certauth gencert subjectsdn(cn('zOSMF CA 2') o('IBM') c('AU')) \nsize(2048) withlabel('zOSMFCA2')",
  );
  assert.equal(commands.length, 1);
  assert.equal(problems.length, 1);
  assert.equal(problems[0].rule, 'racf/continuation');
  assert.match(problems[0].message, /'size\('/);
});

test('a continuation into the end of the stream: racf/continuation', () => {
  const { problems } = parse('SETROPTS RACLIST(DIGTRING) REFRESH -\n\n');
  assert.equal(problems.length, 1);
  assert.equal(problems[0].rule, 'racf/continuation');
  assert.deepEqual(problems[0].range, r(0, 35, 0, 36));
  assert.deepEqual(problems[0].fixes?.[0].edits, [{ range: r(0, 35, 0, 36), newText: '' }]);
});

test('a continuation glued to a word joins two words: racf/continuation', () => {
  const { problems } = parse("RACDCERT ID(X) SIGNWITH(CERTAUTH+\n   LABEL('CA'))");
  assert.equal(problems.length, 1);
  assert.equal(problems[0].rule, 'racf/continuation');
  assert.match(problems[0].message, /'CERTAUTHLABEL'/);
  assert.deepEqual(problems[0].fixes?.[0].edits, [{ range: r(0, 32, 0, 32), newText: ' ' }]);
});

test('non-RACF commands are parsed but never reported (ACF2 comment lines, prose)', () => {
  const { commands, problems } = parse(
    "ACF\n* Create Zowe's local CA authority ............ */\n  SET PROFILE(USER) DIVISION(KEYRING)\nCert#1\n",
  );
  assert.deepEqual(problems, []);
  assert.ok(commands.every((c) => c.canonicalName === undefined));
});

test('segments map columns: a JCL-like stream whose text starts at column 0 of a later line', () => {
  const s = streamOf(
    [
      { line: 5, start: 0, end: 20, text: ' RACDCERT ID(A) +' },
      { line: 6, start: 0, end: 14, text: '   ADDRING(R)' },
    ],
    'jcl-systsin',
    true,
  );
  const { commands } = parseCommands(s);
  assert.deepEqual(commands[0].range, r(5, 1, 6, 13));
  assert.equal(commands[0].stream, s);
});

test('abbreviations: exact, unique prefix, ambiguous, unknown', () => {
  const kw = ['REFRESH', 'RACLIST', 'RACLISTX', 'ID', 'IDNFILTER'];
  assert.deepEqual(abbreviations('refr', kw), { kind: 'unique', keyword: 'REFRESH' });
  assert.deepEqual(abbreviations('ID', kw), { kind: 'exact', keyword: 'ID' });
  assert.deepEqual(abbreviations('RAC', kw), { kind: 'ambiguous', candidates: ['RACLIST', 'RACLISTX'] });
  assert.deepEqual(abbreviations('XYZ', kw), { kind: 'unknown' });
  assert.deepEqual(abbreviations('', kw), { kind: 'unknown' });
});

test('never throws on odd input', () => {
  for (const text of [
    '',
    ')',
    '(',
    "'",
    '-',
    '+',
    "RACDCERT '",
    'RACDCERT (((',
    'RACDCERT )))',
    '/*',
    '\u2013',
    '{',
    '<',
  ]) {
    assert.doesNotThrow(() => parse(text));
    assert.doesNotThrow(() => parse(`RACDCERT ${text}`));
  }
  assert.doesNotThrow(() => parseCommands(streamOf([], 'plain', false)));
});
