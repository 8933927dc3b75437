// The facade routes JCL, REXX and RACF command files to the RACF checks, and its "disable for this
// line" action writes a comment those carriers accept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import type { TextEdit } from '../../server/src/service';

const JOB = [
  '//CERTJOB  JOB (ACCT),CLASS=A',
  '//STEP1    EXEC PGM=IKJEFT01',
  '//SYSTSPRT DD SYSOUT=*',
  '//SYSTSIN  DD *',
  " RACDCERT ID(TCPIP) GENCERT SUBJECTSDN(CN('web.example.com')) -",
  "   NISTECC SIZE(512) WITHLABEL('Web')",
  ' RACDCERT ID(TCPIP) ADDRING(TTLSRing)',
  '/*',
  '',
].join('\n');

function apply(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  for (const e of [...edits].sort((a, b) => b.range.start.line - a.range.start.line)) {
    const l = e.range.start.line;
    lines[l] = lines[l].slice(0, e.range.start.character) + e.newText + lines[l].slice(e.range.end.character);
  }
  return lines.join('\n');
}

test('a JCL job is checked by the RACF rules, found by content without an extension', () => {
  const s = createLanguageService();
  const a = s.analyze({ uri: 'zowe-ds:/prof/MY.JCL/CERTJOB', text: JOB, version: 1 });
  assert.equal(a.language, 'jcl');
  const ids = a.findings.map((f) => f.rule);
  assert.ok(ids.includes('racf/key-size'), ids.join(' '));
  assert.ok(ids.includes('racf/missing-refresh'), ids.join(' '));
  assert.ok(ids.every((id) => id.startsWith('racf/')));
});

test('REXX execs and RACF command files are recognised and checked', () => {
  const s = createLanguageService();
  const rexx = s.analyze({
    uri: 'file:///u/me/mkcert.rexx',
    text: "/* REXX */\n\"RACDCERT ID(TCPIP) GENCERT SUBJECTSDN(CN('a')) NISTECC SIZE(512) WITHLABEL('A')\"\n",
    version: 1,
  });
  assert.equal(rexx.language, 'rexx');
  assert.ok(rexx.findings.some((f) => f.rule === 'racf/key-size'));
  const plain = s.analyze({
    uri: 'file:///x/ring.racf',
    text: "RACDCERT ID(X) CONNECT(LABEL('A') RING(R))\n",
    version: 1,
  });
  assert.equal(plain.language, 'racf');
  assert.ok(plain.findings.some((f) => f.rule === 'racf/ring-unknown'));
});

test('disable-for-this-line in JCL writes an indented TSO comment that switches the finding off', () => {
  const s = createLanguageService();
  const doc = { uri: 'file:///j/certjob.jcl', text: JOB, version: 1 };
  const finding = s
    .analyze(doc)
    .findings.find((f) => f.rule === 'racf/missing-refresh' && f.range.start.line === 6);
  assert.ok(finding, 'missing-refresh on the ADDRING line');
  const actions = s.codeActions(doc, finding.range, [finding]);
  const disable = actions.find((a) => /Disable racf\/missing-refresh/.test(a.title));
  assert.ok(disable, actions.map((a) => a.title).join(' | '));
  const edits = disable.edit.changes[doc.uri];
  assert.match(edits[0].newText, /^ \/\* zos-tls-disable-next-line racf\/missing-refresh \*\/\n$/);
  const after = apply(JOB, edits);
  const again = s.analyze({ ...doc, text: after, version: 2 });
  assert.ok(!again.findings.some((f) => f.rule === 'racf/missing-refresh' && f.range.start.line === 7));
  assert.ok(
    !again.findings.some((f) => f.rule === 'racf/stream-delimiter'),
    'the comment does not end the data',
  );
});

test('no disable comment is offered on a continuation line, where it would end the command', () => {
  const s = createLanguageService();
  const doc = { uri: 'file:///j/certjob.jcl', text: JOB, version: 1 };
  const keySize = s.analyze(doc).findings.find((f) => f.rule === 'racf/key-size');
  assert.ok(keySize && keySize.range.start.line === 5);
  const actions = s.codeActions(doc, keySize.range, [keySize]);
  assert.ok(!actions.some((a) => /^Disable/.test(a.title)));
  assert.ok(
    actions.some((a) => /521/.test(a.title)),
    'the size fix is still offered',
  );
});

test('hover, completion, definition and outline reach the RACF features through the facade', () => {
  const s = createLanguageService();
  const text = [
    "RACDCERT ID(TCPIP) GENCERT SUBJECTSDN(CN('web')) NISTECC SIZE(512) WITHLABEL('Web')",
    'RACDCERT ID(TCPIP) ADDRING(TTLSRing)',
    "RACDCERT ID(TCPIP) CONNECT(LABEL('Web') RING(TTLSRing) DEFAULT)",
    '',
  ].join('\n');
  const doc = { uri: 'file:///x/ring.racf', text, version: 1 };
  const size = s.hover(doc, { line: 0, character: text.indexOf('512') + 1 });
  assert.match(size?.contents ?? '', /521/);
  const def = s.definition(doc, { line: 2, character: text.split('\n')[2].indexOf("'Web'") + 2 });
  assert.equal(def.length, 1);
  assert.equal(def[0].range.start.line, 0);
  const symbols = s.symbols(doc);
  assert.equal(symbols.length, 3);
  assert.ok(s.complete(doc, { line: 1, character: 0 }).some((c) => c.label.startsWith('RACDCERT')));
  assert.ok('error' in s.rename(doc, { line: 2, character: 40 }, 'Other'));
});
