// Go to definition and references for labels and rings (same owner, exact text), the outline of a
// JCL job (steps with their commands), of a REXX exec and of a command file, and folding.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  racfDefinition,
  racfFolding,
  racfReferences,
  racfSymbols,
} from '../../../../server/src/service/racf/navigation';
import type { DocumentSymbolResult } from '../../../../server/src/service/features';
import { JCL, PLAIN, REXX, analyze, range, show } from './fixtures';

const jcl = analyze(JCL, 'jcl');
const rexx = analyze(REXX, 'rexx');
const plain = analyze(PLAIN, 'racf');

const at = (line: number, character: number): { line: number; character: number } => ({ line, character });

test('JCL: a label use leads to its WITHLABEL; references list every use', () => {
  assert.deepEqual(racfDefinition(jcl, at(7, 45)), [range(5, 14, 21)]);
  assert.deepEqual(racfDefinition(jcl, at(10, 35)), [range(5, 14, 21)]);
  // On the declaration itself: itself.
  assert.deepEqual(racfDefinition(jcl, at(5, 16)), [range(5, 14, 21)]);
  assert.deepEqual(racfReferences(jcl, at(7, 45), true).map(show), ['5:14-5:21', '7:42-7:49', '10:33-10:40']);
  assert.deepEqual(racfReferences(jcl, at(5, 15), false).map(show), ['7:42-7:49', '10:33-10:40']);
});

test('JCL: a ring use (CONNECT, RDATALIB profile) leads to its ADDRING', () => {
  assert.deepEqual(racfDefinition(jcl, at(7, 58)), [range(6, 27, 32)]);
  // The ring part of SRV.Ring1.LST.
  assert.deepEqual(racfDefinition(jcl, at(9, 15)), [range(6, 27, 32)]);
  assert.deepEqual(racfReferences(jcl, at(6, 28), true).map(show), ['6:27-6:32', '7:56-7:61', '9:13-9:18']);
});

test('owners and case matter: no definition across owners or case', () => {
  const text = [
    "RACDCERT ID(A) GENCERT SUBJECTSDN(CN('a')) WITHLABEL('Cert')", // 0
    "RACDCERT ID(B) GENCERT SUBJECTSDN(CN('b')) WITHLABEL('Cert')", // 1
    'RACDCERT ID(B) ADDRING(Ring)', // 2
    "RACDCERT ID(B) CONNECT(LABEL('Cert') RING(Ring))", // 3
    "RACDCERT ID(B) CONNECT(ID(A) LABEL('Cert') RING(ring))", // 4
    "RACDCERT ID(B) CONNECT(LABEL('CERT') RING(Ring))", // 5
  ].join('\n');
  const a = analyze(text, 'racf');
  assert.deepEqual(racfDefinition(a, at(3, 31)), [range(1, 53, 59)]);
  assert.deepEqual(racfDefinition(a, at(4, 37)), [range(0, 53, 59)]);
  assert.deepEqual(racfDefinition(a, at(4, 50)), [], 'ring is not Ring');
  assert.deepEqual(racfDefinition(a, at(5, 31)), [], "'CERT' is not 'Cert'");
  assert.deepEqual(racfReferences(a, at(1, 55), true).map(show), ['1:53-1:59', '3:29-3:35']);
  assert.deepEqual(racfDefinition(a, at(0, 3)), []);
});

test('REXX and plain: definitions inside literals and across continued commands', () => {
  assert.deepEqual(racfDefinition(rexx, at(4, 34)), [range(3, 58, 63)]);
  assert.deepEqual(racfDefinition(rexx, at(4, 46)), [range(2, 26, 31)]);
  // SIGNWITH(CERTAUTH LABEL('Root')) → the CERTAUTH WITHLABEL on the first line.
  assert.deepEqual(racfDefinition(plain, at(3, 28)), [range(0, 59, 65)]);
  assert.deepEqual(racfReferences(plain, at(0, 60), true).map(show), ['0:59-0:65', '3:26-3:32', '5:40-5:46']);
});

type Sym = { name: string; detail?: string; kind: string; range: string; sel: string; children: Sym[] };
const shape = (s: DocumentSymbolResult): Sym => ({
  name: s.name,
  ...(s.detail ? { detail: s.detail } : {}),
  kind: s.kind,
  range: show(s.range),
  sel: show(s.selectionRange),
  children: s.children.map(shape),
});

test('JCL outline: steps (name, program) with their commands', () => {
  assert.deepEqual(racfSymbols(jcl).map(shape), [
    {
      name: 'STEP1',
      detail: 'PGM=IKJEFT01',
      kind: 'namespace',
      range: '1:0-12:2',
      sel: '1:2-1:7',
      children: [
        {
          name: "RACDCERT GENCERT 'My CA'",
          detail: 'CERTAUTH · NISTECC 512',
          kind: 'object',
          range: '4:2-5:67',
          sel: '4:2-4:10',
          children: [],
        },
        {
          name: 'RACDCERT ADDRING Ring1',
          detail: 'ID(SRV)',
          kind: 'object',
          range: '6:2-6:33',
          sel: '6:2-6:10',
          children: [],
        },
        {
          name: "RACDCERT CONNECT 'My CA'",
          detail: 'ID(SRV) · to ring Ring1',
          kind: 'object',
          range: '7:2-7:63',
          sel: '7:2-7:10',
          children: [],
        },
        {
          name: 'SETROPTS REFRESH',
          detail: 'RACLIST(DIGTRING)',
          kind: 'key',
          range: '8:2-8:36',
          sel: '8:2-8:10',
          children: [],
        },
        {
          name: 'PERMIT SRV.Ring1.LST',
          detail: 'CLASS(RDATALIB) ID(SRV) ACCESS(READ)',
          kind: 'key',
          range: '9:2-9:59',
          sel: '9:2-9:8',
          children: [],
        },
        {
          name: "RACDCERT EXPORT 'My CA'",
          detail: 'CERTAUTH',
          kind: 'object',
          range: '10:2-10:53',
          sel: '10:2-10:10',
          children: [],
        },
      ],
    },
    {
      name: 'STEP2',
      detail: 'PGM=IEFBR14',
      kind: 'namespace',
      range: '14:0-14:27',
      sel: '14:2-14:7',
      children: [],
    },
  ]);
  assert.deepEqual(racfFolding(jcl), [
    { startLine: 1, endLine: 12 },
    { startLine: 4, endLine: 5 },
  ]);
});

test('REXX and plain outlines: the commands', () => {
  assert.deepEqual(
    racfSymbols(rexx).map((s) => `${s.name} | ${s.detail ?? ''} | ${show(s.range)}`),
    [
      'RACDCERT ADDRING Ring1 | ID(SRV) | 2:1-2:32',
      "RACDCERT GENCERT 'Srv' | ID(SRV) · RSA 2048 | 3:1-3:79",
      "RACDCERT CONNECT 'Srv' | ID(SRV) · to ring Ring1 | 4:1-4:59",
    ],
  );
  assert.deepEqual(
    racfSymbols(plain).map((s) => `${s.name} | ${show(s.range)}`),
    [
      "RACDCERT GENCERT 'Root' | 0:0-1:38",
      "RACDCERT GENCERT 'Web' | 2:0-3:61",
      'RACDCERT ADDRING WebRing | 4:0-4:33',
      "RACDCERT CONNECT 'Root' | 5:0-5:78",
      "RACDCERT CONNECT 'Web' | 6:0-6:60",
      'PERMIT IRR.DIGTCERT.LISTRING | 7:0-7:65',
      'SETROPTS REFRESH | 8:0-8:52',
    ],
  );
  assert.deepEqual(racfFolding(plain), [
    { startLine: 0, endLine: 1 },
    { startLine: 2, endLine: 3 },
  ]);
  assert.deepEqual(racfFolding(rexx), []);
});

test("LISTRING(*) is no ring called '*'", () => {
  const a = analyze('RACDCERT ID(A) ADDRING(*)\nRACDCERT ID(A) LISTRING(*)', 'racf');
  assert.deepEqual(racfDefinition(a, at(1, 24)), []);
  assert.deepEqual(racfReferences(a, at(1, 24), true), []);
});
