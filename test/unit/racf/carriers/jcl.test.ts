// JCL as a carrier: batch TSO steps, SYSTSIN in-stream data, DDNAME selection, delimiters and the
// 80-byte record columns (racdcert-reference §1.1).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCommandStreams } from '../../../../server/src/service/racf/carriers';
import type { CarrierResult } from '../../../../server/src/service/racf/carriers';

const jcl = (lines: string[]): CarrierResult => findCommandStreams(lines.join('\n') + '\n', 'jcl');
const problems = (r: CarrierResult): string[] =>
  r.problems.map(
    (p) => `${p.range.start.line}:${p.range.start.character}-${p.range.end.character} ${p.rule}`,
  );
const seq = (text: string, n: string): string => text.padEnd(72) + n;

test('DD * stream of an IKJEFT01 step: one segment per data line with exact positions', () => {
  const r = jcl([
    '//MYJOB    JOB (0),CLASS=A',
    '//STEP1    EXEC PGM=IKJEFT01,REGION=0M',
    '//SYSTSPRT DD SYSOUT=*',
    '//SYSTSIN  DD *',
    '  RACDCERT ID(X) ADDRING(R1)',
    '',
    'SETROPTS RACLIST(DIGTRING) REFRESH',
    '/*',
  ]);
  assert.equal(r.streams.length, 1);
  const s = r.streams[0];
  assert.equal(s.kind, 'jcl-systsin');
  assert.equal(s.fixedRecords, true);
  assert.deepEqual(s.step && { name: s.step.name, program: s.step.program, dd: s.step.ddName }, {
    name: 'STEP1',
    program: 'IKJEFT01',
    dd: 'SYSTSIN',
  });
  assert.deepEqual(s.step?.range.start, { line: 1, character: 0 });
  assert.deepEqual(s.segments, [
    { line: 4, start: 0, end: 28, text: '  RACDCERT ID(X) ADDRING(R1)' },
    { line: 5, start: 0, end: 0, text: '' },
    { line: 6, start: 0, end: 34, text: 'SETROPTS RACLIST(DIGTRING) REFRESH' },
  ]);
  assert.deepEqual(s.range, { start: { line: 4, character: 0 }, end: { line: 6, character: 34 } });
  assert.deepEqual(problems(r), []);
  const dd = r.jcl?.steps[0].commandInput[0];
  assert.equal(dd?.instream?.delimiterLine, 7);
});

test('IKJEFT1A and IKJEFT1B, PGM= after other operands and on a continuation line', () => {
  const r = jcl([
    '//A EXEC REGION=0M,PGM=IKJEFT1B',
    '//SYSTSIN DD *',
    'RACDCERT LIST',
    '/*',
    '//B EXEC REGION=0M,',
    '//          PGM=IKJEFT1A',
    '//SYSTSIN DD *',
    'RACDCERT LISTRING(*)',
    '//C EXEC PGM=IEFBR14',
    '//SYSTSIN DD *',
    'RACDCERT LIST',
  ]);
  assert.deepEqual(
    r.streams.map((s) => `${s.step?.name} ${s.step?.program} ${s.segments.map((g) => g.line).join(',')}`),
    ['A IKJEFT1B 2', 'B IKJEFT1A 7'],
  );
  assert.deepEqual(r.jcl?.steps[1].statement.range, {
    start: { line: 4, character: 0 },
    end: { line: 5, character: 24 },
  });
});

test('PGM= given by a SET symbol', () => {
  const r = jcl(['//  SET TMP=IKJEFT01', '//S1 EXEC PGM=&TMP', '//SYSTSIN DD *', 'RACDCERT LIST', '/*']);
  assert.equal(r.streams.length, 1);
  assert.equal(r.streams[0].step?.program, 'IKJEFT01');
});

test('comments, JES2 statements and the end of the job around the stream', () => {
  const r = jcl([
    '//J JOB 1',
    '/*JOBPARM S=SYS1',
    '//* a comment',
    '//S1 EXEC PGM=IKJEFT01 run TSO',
    '//*',
    '//SYSTSIN DD *',
    ' /* indented comment: stays in the stream */',
    ' RACDCERT LIST',
    '//',
  ]);
  assert.equal(r.streams.length, 1);
  assert.deepEqual(
    r.streams[0].segments.map((s) => s.line),
    [6, 7],
  );
  assert.deepEqual(problems(r), []);
});

test('columns 73-80: cut at 72, sequence numbers accepted, other text reported', () => {
  const r = jcl([
    '//S EXEC PGM=IKJEFT01',
    '//SYSTSIN DD *',
    seq('RACDCERT ID(X) GENCERT -', '00010000'),
    seq("  SUBJECTSDN(CN('A'))", '        '),
    seq("  WITHLABEL('A')", '-'),
    seq('RACDCERT LIST', '0001  02'),
    seq('RACDCERT LIST', 'AB000100') + 'XYZ',
    '/*',
  ]);
  const segs = r.streams[0].segments;
  assert.ok(segs.every((s) => s.end <= 72 && s.text.length <= 72));
  assert.deepEqual(segs[0], { line: 2, start: 0, end: 72, text: 'RACDCERT ID(X) GENCERT -'.padEnd(72) });
  assert.deepEqual(problems(r), ['4:72-73 racf/columns', '6:72-83 racf/columns']);
  const p = r.problems[0];
  assert.equal(p.rule, 'racf/columns');
  assert.match(p.message, /'-' never reaches the command/);
  assert.match(p.message, /columns 1–72/);
  assert.match(r.problems[1].message, /beyond column 80/);
});

test('DD DATA,DLM=$$: /* comments and // lines in column 1 are data; $$ ends it', () => {
  const r = jcl([
    '//S EXEC PGM=IKJEFT01',
    '//SYSTSIN DD DATA,DLM=$$,SYMBOLS=JCLONLY',
    '/* Create the keyring */',
    '   RACDCERT ADDRING(&RING.) ID(&USER.)',
    '//',
    '/*',
    '$$',
    '//NEXT EXEC PGM=IEFBR14',
  ]);
  assert.deepEqual(
    r.streams[0].segments.map((s) => s.line),
    [2, 3, 4, 5],
  );
  assert.deepEqual(problems(r), []);
  const data = r.jcl?.steps[0].dds[0].instream;
  assert.deepEqual(
    data && { type: data.type, dlm: data.dlm, symbols: data.symbols, end: data.delimiterLine },
    {
      type: 'DATA',
      dlm: '$$',
      symbols: 'JCLONLY',
      end: 6,
    },
  );
});

test("quoted DLM='$$' and DLM on DD * (where a JCL statement still ends the data under JES2)", () => {
  const r = jcl([
    '//S EXEC PGM=IKJEFT01',
    "//SYSTSIN DD *,DLM='@@'",
    '/* comment */',
    'RACDCERT LIST',
    '//T EXEC PGM=IKJEFT01',
    "//SYSTSIN DD DATA,DLM='$$'",
    'RACDCERT LIST',
    '$$',
  ]);
  assert.deepEqual(
    r.streams.map((s) => s.segments.map((g) => g.line)),
    [[2, 3], [6]],
  );
  assert.equal(r.jcl?.steps[0].dds[0].instream?.dlm, '@@');
  assert.deepEqual(problems(r), []);
});

test('SYSTSIN DD DDNAME= selects the in-stream DD of the same step', () => {
  const r = jcl([
    '//S EXEC PGM=IKJEFT01',
    '//SYSTSPRT DD SYSOUT=*',
    '//SYSTSIN DD DDNAME=CMDS',
    '//OTHER DD *',
    'not commands',
    '/*',
    '//CMDS DD *',
    'RACDCERT LIST',
    '/*',
  ]);
  assert.equal(r.streams.length, 1);
  assert.equal(r.streams[0].step?.ddName, 'CMDS');
  assert.deepEqual(
    r.streams[0].segments.map((s) => s.text),
    ['RACDCERT LIST'],
  );
});

test('DDNAME=&SYM is chosen at run time: every in-stream DD of the step is a command input', () => {
  const r = jcl([
    '//  SET PRODUCT=RACF',
    '//S EXEC PGM=IKJEFT01',
    '//SYSTSIN DD DDNAME=&PRODUCT',
    '//RACF DD DATA,DLM=$$',
    'RACDCERT LIST',
    '$$',
    '//TSS DD DATA,DLM=$$',
    'TSS LIST(X)',
    '$$',
    '//T EXEC PGM=IKJEFT01',
    '//SYSTSIN DD DDNAME=MISSING',
    '//RACF DD *',
    'RACDCERT LIST',
  ]);
  assert.deepEqual(
    r.streams.map((s) => `${s.step?.name}/${s.step?.ddName}`),
    ['S/RACF', 'S/TSS'],
  );
  assert.equal(r.jcl?.symbols.PRODUCT, 'RACF');
});

test('racf/stream-delimiter: a column-1 comment in DD * ends the data early', () => {
  const r = jcl([
    '//S EXEC PGM=IKJEFT01',
    '//SYSTSIN DD *',
    'RACDCERT ID(X) ADDRING(R1)',
    '/* connect the CA */',
    "RACDCERT ID(X) CONNECT(CERTAUTH LABEL('CA') RING(R1))",
    '/*',
    '//S2 EXEC PGM=IKJEFT01',
    '//SYSTSIN DD *',
    'RACDCERT LIST',
    '/* the end */',
    '//',
  ]);
  assert.deepEqual(problems(r), ['3:0-20 racf/stream-delimiter']);
  const p = r.problems[0];
  assert.match(p.message, /ends the DD \* data here/);
  assert.match(p.message, /Indent the comment/);
  assert.deepEqual(p.fixes?.[0].edits, [
    { range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, newText: ' ' },
  ]);
  // The stream is kept as the author meant it, so the commands after the comment are still checked.
  assert.deepEqual(
    r.streams[0].segments.map((s) => s.line),
    [2, 3, 4],
  );
  assert.deepEqual(
    r.streams[1].segments.map((s) => s.line),
    [8],
  );
});

test('racf/stream-delimiter: a stray // line inside DD *, but not a JCL statement', () => {
  const r = jcl([
    '//S EXEC PGM=IKJEFT01',
    '//SYSTSIN DD *',
    'RACDCERT LIST',
    '// create the ring',
    'RACDCERT ID(X) ADDRING(R1)',
    '//SYSIN DD *',
    'data for another program',
  ]);
  assert.deepEqual(problems(r), ['3:0-18 racf/stream-delimiter']);
  assert.match(r.problems[0].message, /'\/\/' is read as a JCL statement/);
  assert.deepEqual(
    r.streams[0].segments.map((s) => s.line),
    [2, 3, 4],
  );
});

test('DD DATA without DLM still ends at a column-1 /*; // lines are its data', () => {
  const r = jcl([
    '//S EXEC PGM=IKJEFT01',
    '//SYSTSIN DD DATA',
    '// not JCL here',
    '/* comment',
    'RACDCERT LIST',
    '/*',
  ]);
  assert.deepEqual(problems(r), ['3:0-10 racf/stream-delimiter']);
  assert.match(r.problems[0].message, /DD DATA data here/);
});

test('stream delimiters in a DD * that is not command input are not reported', () => {
  const r = jcl(['//S EXEC PGM=SORT', '//SYSIN DD *', '/* comment', ' SORT FIELDS=COPY', '/*']);
  assert.deepEqual(r.streams, []);
  assert.deepEqual(problems(r), []);
});

test('CRLF line ends, an empty stream, and a stream running to the end of the file', () => {
  const r = findCommandStreams(
    '//S EXEC PGM=IKJEFT01\r\n//SYSTSIN DD *\r\n/*\r\n//T EXEC PGM=IKJEFT01\r\n//SYSTSIN DD *\r\nRACDCERT LIST\r\n',
    'jcl',
  );
  assert.equal(r.streams.length, 2);
  assert.deepEqual(r.streams[0].segments, []);
  assert.deepEqual(r.streams[0].range, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
  assert.deepEqual(r.streams[1].segments, [{ line: 5, start: 0, end: 13, text: 'RACDCERT LIST' }]);
});

test('a JCL document without batch TSO steps has no streams', () => {
  assert.deepEqual(jcl(['//S EXEC PGM=IEFBR14', '//DD1 DD DSN=A.B,DISP=SHR']).streams, []);
  assert.deepEqual(findCommandStreams('', 'jcl').streams, []);
});
