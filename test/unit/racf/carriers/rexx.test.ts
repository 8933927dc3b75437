// REXX as a carrier: literal host commands only (racdcert-reference §1.3).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCommandStreams } from '../../../../server/src/service/racf/carriers';
import type { CarrierResult } from '../../../../server/src/service/racf/carriers';
import type { CommandStream } from '../../../../server/src/service/racf/source';

const rexx = (lines: string[]): CarrierResult => findCommandStreams(lines.join('\n'), 'rexx');
const command = (s: CommandStream): string => s.segments.map((g) => g.text).join('');

test('a double-quoted command: one stream, one segment inside the quotes', () => {
  const r = rexx(['/* REXX */', '"RACDCERT LIST(LABEL(\'A\'))"']);
  assert.equal(r.streams.length, 1);
  const s = r.streams[0];
  assert.equal(s.kind, 'rexx-literal');
  assert.equal(s.fixedRecords, false);
  assert.equal(s.step, undefined);
  assert.deepEqual(s.segments, [{ line: 1, start: 1, end: 26, text: "RACDCERT LIST(LABEL('A'))" }]);
  assert.deepEqual(s.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 27 } });
  assert.deepEqual(r.problems, []);
});

test('doubled quotes become one quote and the pieces keep exact columns', () => {
  const r = rexx(["'RACDCERT LIST(LABEL(''My cert''))'"]);
  const segs = r.streams[0].segments;
  assert.equal(command(r.streams[0]), "RACDCERT LIST(LABEL('My cert'))");
  assert.deepEqual(segs, [
    { line: 0, start: 1, end: 23, text: "RACDCERT LIST(LABEL('" },
    { line: 0, start: 23, end: 32, text: "My cert'" },
    { line: 0, start: 32, end: 34, text: '))' },
  ]);
  // Every character of each piece but the escaped quote sits at start + i.
  assert.equal("'RACDCERT LIST(LABEL(''My cert''))'".slice(23, 30), 'My cert');
});

test('comma continuation across lines counts as one blank', () => {
  const r = rexx([
    '"RACDCERT ID(SRV)",',
    '   "CONNECT(CERTAUTH LABEL(\'CA\')",   /* note */',
    '   " RING(R1))"',
  ]);
  assert.equal(r.streams.length, 1);
  assert.equal(command(r.streams[0]), "RACDCERT ID(SRV) CONNECT(CERTAUTH LABEL('CA')  RING(R1))");
  assert.deepEqual(r.streams[0].segments, [
    { line: 0, start: 1, end: 17, text: 'RACDCERT ID(SRV)' },
    { line: 0, start: 18, end: 19, text: ' ' },
    { line: 1, start: 4, end: 32, text: "CONNECT(CERTAUTH LABEL('CA')" },
    { line: 1, start: 33, end: 34, text: ' ' },
    { line: 2, start: 4, end: 14, text: ' RING(R1))' },
  ]);
  assert.deepEqual(r.streams[0].range, { start: { line: 0, character: 0 }, end: { line: 2, character: 15 } });
});

test('|| joins without a blank, blank abuttal with one blank, direct abuttal with none', () => {
  const r = rexx([
    '"RACDCERT" || " LIST"',
    '"RACDCERT"   "LIST"',
    `"RACDCERT "'LIST'`,
    '"SETR RACLIST(DIGTCERT)" ||,',
    ' " REFRESH"',
  ]);
  assert.deepEqual(r.streams.map(command), [
    'RACDCERT LIST',
    'RACDCERT LIST',
    'RACDCERT LIST',
    'SETR RACLIST(DIGTCERT) REFRESH',
  ]);
  assert.deepEqual(r.streams[1].segments[1], { line: 1, start: 10, end: 13, text: ' ' });
});

test('a command built from variables is no stream; it is listed as skipped', () => {
  const r = rexx([
    'user = "IBMUSER"',
    '"RACDCERT ID("||user||") LIST"',
    '"RACDCERT ID(X)",',
    '  " LISTRING("ring")"',
    'address tso cmd',
    '"RACDCERT" label',
  ]);
  assert.deepEqual(r.streams, []);
  assert.deepEqual(
    r.skipped?.map((s) => [s.range.start.line, s.range.end.line]),
    [
      [1, 1],
      [2, 3],
      [5, 5],
    ],
  );
  assert.match(r.skipped?.[0].reason ?? '', /not checked/);
});

test('ADDRESS TSO with a literal; other environments and SAY are not TSO commands', () => {
  const r = rexx([
    'ADDRESS TSO "RACDCERT LIST"',
    'address tso',
    "Address 'TSO' 'SETROPTS RACLIST(DIGTRING) REFRESH'",
    'ADDRESS ISPEXEC "RACDCERT LIST"',
    'say "RACDCERT LIST"',
    'x = "RACDCERT LIST"',
    '"ALLOC FI(X) DA(\'A.B\') SHR"',
  ]);
  assert.deepEqual(r.streams.map(command), ['RACDCERT LIST', 'SETROPTS RACLIST(DIGTRING) REFRESH']);
  assert.deepEqual(r.streams[0].segments, [{ line: 0, start: 13, end: 26, text: 'RACDCERT LIST' }]);
});

test('comments nest and may span lines; RACDCERT text in them is not a command', () => {
  const r = rexx([
    '/* REXX',
    ' "RACDCERT LIST" /* nested */ still a comment',
    ' RACDCERT ADDRING(X)',
    '*/',
    '"RACDCERT LISTRING(*)" /* trailing */',
  ]);
  assert.deepEqual(r.streams.map(command), ['RACDCERT LISTRING(*)']);
  assert.equal(r.streams[0].segments[0].line, 4);
});

test('THEN, ELSE, OTHERWISE, labels and semicolons start clauses', () => {
  const r = rexx([
    'if rc = 0 then "RACDCERT LIST"; else "RLIST FACILITY IRR.DIGTCERT.LIST"',
    'select; when x then nop; otherwise "PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(U) ACCESS(READ)"; end',
    'doit: "SETR RACLIST(FACILITY) REFRESH"',
  ]);
  assert.deepEqual(r.streams.map(command), [
    'RACDCERT LIST',
    'RLIST FACILITY IRR.DIGTCERT.LIST',
    'PERMIT IRR.DIGTCERT.LIST CLASS(FACILITY) ID(U) ACCESS(READ)',
    'SETR RACLIST(FACILITY) REFRESH',
  ]);
});

test('an unterminated string, a hex string and a function call are not literal commands', () => {
  const r = rexx(['"RACDCERT LIST', "'RACDCERT'x", '"RACDCERT"(1)']);
  assert.deepEqual(r.streams, []);
});

test('Velocity template lines do not disturb the commands', () => {
  const r = rexx([
    '#if(${instance-SIGN} != "" && ${instance-SIGN})',
    '\t#set($sign = "TRUE")',
    '#end',
    '"RACDCERT ID(${instance-USER}) LIST"',
  ]);
  assert.deepEqual(r.streams.map(command), ['RACDCERT ID(${instance-USER}) LIST']);
});
