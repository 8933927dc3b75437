// Plain command files as a carrier, and which carrier a document is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCommandStreams } from '../../../../server/src/service/racf/carriers';
import { detectRacfLanguage } from '../../../../server/src/service/racf/detect';

test('a plain command file is one stream of every line, continuations left to the TSO parser', () => {
  const r = findCommandStreams('RACDCERT ID(X) -\n  ADDRING(R)\n\nsetr raclist(digtring) refr\n\n', 'plain');
  assert.equal(r.streams.length, 1);
  const s = r.streams[0];
  assert.equal(s.kind, 'plain');
  assert.equal(s.fixedRecords, false);
  assert.deepEqual(s.segments, [
    { line: 0, start: 0, end: 16, text: 'RACDCERT ID(X) -' },
    { line: 1, start: 0, end: 12, text: '  ADDRING(R)' },
    { line: 2, start: 0, end: 0, text: '' },
    { line: 3, start: 0, end: 27, text: 'setr raclist(digtring) refr' },
  ]);
  assert.deepEqual(s.range, { start: { line: 0, character: 0 }, end: { line: 3, character: 27 } });
  assert.deepEqual(r.problems, []);
});

test("'racf' is accepted for plain; a blank file has no stream; long lines are not cut", () => {
  const long = 'RACDCERT LIST ' + 'X'.repeat(100);
  assert.equal(findCommandStreams(long, 'racf').streams[0].segments[0].end, long.length);
  assert.deepEqual(findCommandStreams('  \n\n', 'plain').streams, []);
});

test('detectRacfLanguage: extensions decide', () => {
  assert.equal(detectRacfLanguage('/a/b/JOB.jcl', ''), 'jcl');
  assert.equal(detectRacfLanguage('x.REXX', 'say hi'), 'rexx');
  assert.equal(detectRacfLanguage('file:///w/x.rex', ''), 'rexx');
  assert.equal(detectRacfLanguage('ring.racf', ''), 'racf');
});

test('detectRacfLanguage: content decides for other names', () => {
  assert.equal(detectRacfLanguage('MEMBER', '/* REXX */\nsay "hi"\n'), 'rexx');
  assert.equal(detectRacfLanguage('MEMBER', '  /* rexx exec */\n'), 'rexx');
  assert.equal(detectRacfLanguage('MEMBER', '/* not a program */\nsay "hi"\n'), undefined);
  assert.equal(
    detectRacfLanguage('ZWEKRING', '//ZWEKRING JOB\n//RUN EXEC PGM=IKJEFT01,REGION=0M\n//SYSTSIN DD *\n'),
    'jcl',
  );
  assert.equal(detectRacfLanguage('J', '//J JOB\n//S EXEC REGION=0M,PGM=IKJEFT1B\n'), 'jcl');
  assert.equal(detectRacfLanguage('J', '//J JOB\n//S EXEC PGM=IEFBR14\n'), undefined);
  assert.equal(detectRacfLanguage('J', '//J JOB\n//S EXEC PGM=IKJEFT01X\n'), undefined);
  assert.equal(detectRacfLanguage('notes.txt', '\nracdcert id(x) addring(r)\n'), 'racf');
  assert.equal(detectRacfLanguage('notes.txt', '/* ring */\nSETR RACLIST(DIGTRING) REFRESH\n'), 'racf');
  assert.equal(detectRacfLanguage('notes.txt', 'RACDCERTS are fun\n'), undefined);
  assert.equal(detectRacfLanguage('notes.txt', 'Some prose\nRACDCERT LIST\n'), undefined);
  assert.equal(detectRacfLanguage('empty', ''), undefined);
});
