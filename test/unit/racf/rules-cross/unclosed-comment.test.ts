// racf/unclosed-comment: a TSO `/*` with no `*/` on its line (information), and the places that
// look like one but are not TSO comments: quoted values, REXX comments, JCL comment statements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { all, apply, at, findings, job } from './helpers';

const RULE = 'racf/unclosed-comment';

test('an own-line /* without */ is reported as information, with a fix that closes it', () => {
  const text = job([
    ' /* Create the ring',
    ' RACDCERT ADDRING(R1) ID(SRV)',
    ' SETROPTS RACLIST(DIGTRING) REFRESH',
  ]);
  const got = findings(text, RULE, 'jcl');
  assert.equal(got.length, 1);
  assert.equal(got[0].severity, 'information');
  assert.equal(at(text, got[0]), '/* Create the ring');
  assert.match(got[0].message, /no closing \*\/.*unverified.*Close it/s);
  const fixed = apply(text, got[0].fixes![0]);
  assert.ok(fixed.includes(' /* Create the ring */\n'), fixed);
  assert.deepEqual(findings(fixed, RULE, 'jcl'), []);
  assert.deepEqual(
    all(fixed, 'jcl').map((f) => f.rule),
    all(text, 'jcl')
      .map((f) => f.rule)
      .filter((r) => r !== RULE),
  );
});

test('a trailing /* after a command is reported; the command is still read to the /*', () => {
  const text = job([
    " RACDCERT ADDRING(R1) ID(SRV) /* the server's ring",
    ' SETROPTS RACLIST(DIGTRING) REFRESH',
  ]);
  const got = findings(text, RULE, 'jcl');
  assert.equal(got.length, 1);
  assert.equal(at(text, got[0]), "/* the server's ring");
  assert.ok(
    !all(text, 'jcl').some((f) => f.rule === 'racf/syntax'),
    'the apostrophe inside the comment is not a quote',
  );
});

test('every unclosed comment is reported, closed ones are not', () => {
  const text = job([
    ' /* one',
    ' /* two */',
    ' RACDCERT ADDRING(R1) ID(SRV) /* three */ /* four',
    ' SETROPTS RACLIST(DIGTRING) REFRESH /* five */',
  ]);
  assert.deepEqual(
    findings(text, RULE, 'jcl').map((f) => at(text, f)),
    ['/* one', '/* four'],
  );
});

test('not a TSO comment: /* inside a quoted value, a JCL //* statement, the column-1 delimiter', () => {
  const text = job([
    " RACDCERT ID(SRV) GENCERT SUBJECTSDN(CN('a/*b')) WITHLABEL('x/*y')",
    '//* a JCL comment statement /* with no end',
    ' SETROPTS RACLIST(DIGTCERT) REFRESH',
  ]);
  assert.deepEqual(findings(text, RULE, 'jcl'), []);
});

test('REXX comments are REXX, even when they span lines; a /* in a literal command is TSO', () => {
  const exec = [
    '/* REXX',
    '   builds the ring */',
    '"RACDCERT ADDRING(R1) ID(SRV)" /* a REXX comment',
    '   that goes on */',
    '"SETROPTS RACLIST(DIGTRING) REFRESH"',
    '',
  ].join('\n');
  assert.deepEqual(findings(exec, RULE, 'rexx'), []);
  const inLiteral = [
    '/* REXX */',
    '"RACDCERT ADDRING(R1) ID(SRV) /* note"',
    '"SETROPTS RACLIST(DIGTRING) REFRESH"',
    '',
  ].join('\n');
  const got = findings(inLiteral, RULE, 'rexx');
  assert.equal(got.length, 1);
  assert.equal(at(inLiteral, got[0]), '/* note');
});

test('in fixed 80-byte JCL no fix is offered when */ would pass column 72', () => {
  const long = ' /* ' + 'x'.repeat(66);
  assert.equal(long.length, 70);
  const text = job([long, ' SETROPTS RACLIST(DIGTRING) REFRESH']);
  const got = findings(text, RULE, 'jcl');
  assert.equal(got.length, 1);
  assert.equal(got[0].fixes, undefined);
  const short = job([' /* ' + 'x'.repeat(64), ' SETROPTS RACLIST(DIGTRING) REFRESH']);
  assert.equal(findings(short, RULE, 'jcl')[0].fixes?.length, 1);
});
