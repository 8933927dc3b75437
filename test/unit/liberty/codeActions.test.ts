// "Disable <rule> for this line" in Liberty XML (issue 4): an XML comment line, indented like the
// line it stands before, never inside a start tag written over several lines (it goes before the
// tag, and covers the whole tag), never before the XML declaration. Every case applies the edit and
// analyses again: the finding must be gone, and only it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from '../../../server/src/service';
import type { CodeActionResult, Finding } from '../../../server/src/service';

const URI = 'file:///wlp/usr/servers/s1/server.xml';
const RULE = 'liberty/unresolved-ref';

const service = createLanguageService();

function refs(text: string, version = 1): Finding[] {
  return service.analyze({ uri: URI, text, version }).findings.filter((f) => f.rule === RULE);
}

function actionsAt(text: string, f: Finding): CodeActionResult[] {
  const input = { uri: URI, text, version: 1 };
  return service.codeActions(input, f.range, service.analyze(input).findings);
}

function disableOf(actions: CodeActionResult[]): CodeActionResult | undefined {
  return actions.find((a) => a.title.startsWith(`Disable ${RULE} for`));
}

function apply(text: string, action: CodeActionResult): string {
  const doc = TextDocument.create(URI, 'xml', 1, text);
  return TextDocument.applyEdits(doc, action.edit.changes[URI]);
}

/** The values the remaining unresolved-ref findings point at, in order. */
function refValues(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  return refs(text, 2).map((f) =>
    lines[f.range.start.line].slice(f.range.start.character, f.range.end.character),
  );
}

test('one-line element: the comment goes on the line above, indented like it, and silences only it', () => {
  const text = [
    '<server>',
    '    <ssl id="a" keyStoreRef="noSuchA"/>',
    '\t<ssl id="b" keyStoreRef="noSuchB"/>',
    '</server>',
    '',
  ].join('\n');
  assert.deepEqual(refValues(text), ['noSuchA', 'noSuchB']);
  const [a, b] = refs(text);
  const disableA = disableOf(actionsAt(text, a));
  assert.ok(disableA, 'a disable action for liberty/unresolved-ref');
  assert.equal(disableA.kind, 'quickfix');
  assert.deepEqual(disableA.edit.changes[URI], [
    {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      newText: '    <!-- zos-tls-disable-next-line liberty/unresolved-ref -->\n',
    },
  ]);
  assert.deepEqual(refValues(apply(text, disableA)), ['noSuchB']);
  const disableB = disableOf(actionsAt(text, b));
  assert.ok(disableB);
  assert.equal(
    disableB.edit.changes[URI][0].newText,
    '\t<!-- zos-tls-disable-next-line liberty/unresolved-ref -->\n',
  );
  assert.deepEqual(refValues(apply(text, disableB)), ['noSuchA']);
});

test('the fix of the finding comes first, the disable comment after it', () => {
  const text =
    '<server>\n  <ssl id="s" keyStoreRef="myKeyStor"/>\n  <keyStore id="myKeyStore" location="k.p12"/>\n</server>\n';
  const [f] = refs(text);
  assert.ok(f);
  const titles = actionsAt(text, f)
    .filter((a) => a.rule === RULE)
    .map((a) => a.title);
  assert.deepEqual(titles, ["Use 'myKeyStore'", `Disable ${RULE} for this line`]);
});

test('an attribute inside a start tag written over several lines: the comment goes before the tag', () => {
  const text = [
    '<server>',
    '  <ssl id="s"',
    '       keyStoreRef="noSuchKeys"',
    '       trustStoreRef="noSuchTrust"',
    '       sslProtocol="TLSv1.2"/>',
    '  <ssl id="t" keyStoreRef="stillMissing"/>',
    '</server>',
    '',
  ].join('\n');
  const found = refs(text);
  assert.deepEqual(
    found.map((f) => f.range.start.line),
    [2, 3, 5],
  );
  const disable = disableOf(actionsAt(text, found[0]));
  assert.ok(disable);
  assert.deepEqual(disable.edit.changes[URI], [
    {
      range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
      newText: '  <!-- zos-tls-disable-next-line liberty/unresolved-ref -->\n',
    },
  ]);
  // The comment before the tag covers every line of that tag, and not the next element.
  assert.deepEqual(refValues(apply(text, disable)), ['stillMissing']);
});

test('two findings of the rule in one multi-line tag share one comment', () => {
  const text = [
    '<server>',
    '  <ssl id="s"',
    '       keyStoreRef="noSuchKeys"',
    '       trustStoreRef="noSuchTrust"/>',
    '</server>',
    '',
  ].join('\n');
  const found = refs(text);
  assert.equal(found.length, 2);
  const whole = { start: found[0].range.start, end: found[1].range.end };
  const input = { uri: URI, text, version: 1 };
  const disable = disableOf(service.codeActions(input, whole, service.analyze(input).findings));
  assert.ok(disable);
  assert.equal(disable.title, `Disable ${RULE} for this line`);
  assert.equal(disable.edit.changes[URI].length, 1);
  assert.deepEqual(refValues(apply(text, disable)), []);
});

test('a finding on the first line of a multi-line tag gets the comment on that line, and it covers the tag', () => {
  const text = [
    '<server>',
    '  <ssl id="s" keyStoreRef="noSuchKeys"',
    '       trustStoreRef="noSuchTrust"/>',
    '</server>',
    '',
  ].join('\n');
  const [first] = refs(text);
  const disable = disableOf(actionsAt(text, first));
  assert.ok(disable);
  assert.equal(disable.edit.changes[URI][0].range.start.line, 1);
  assert.deepEqual(refValues(apply(text, disable)), []);
});

test('CRLF and CR-only files get a comment ended the same way', () => {
  for (const eol of ['\r\n', '\r']) {
    const text = ['<server>', '  <ssl id="a" keyStoreRef="noSuchA"/>', '</server>', ''].join(eol);
    const [f] = refs(text);
    assert.ok(f, JSON.stringify(eol));
    const disable = disableOf(actionsAt(text, f));
    assert.ok(disable);
    assert.equal(disable.edit.changes[URI][0].newText, `  <!-- zos-tls-disable-next-line ${RULE} -->${eol}`);
    const after = apply(text, disable);
    assert.equal(after.split(eol).length, text.split(eol).length + 1, 'one line more, same line ends');
    assert.deepEqual(refValues(after), []);
  }
});

test('no comment before the XML declaration: a finding on its line gets no disable action', () => {
  const text = '<?xml version="1.0" encoding="UTF-8"?><server><ssl id="s" keyStoreRef="nope"/></server>\n';
  const [f] = refs(text);
  assert.ok(f);
  assert.equal(disableOf(actionsAt(text, f)), undefined);
  // The line after the declaration is fine.
  const text2 = '<?xml version="1.0" encoding="UTF-8"?>\n<server><ssl id="s" keyStoreRef="nope"/></server>\n';
  const [g] = refs(text2);
  const disable = disableOf(actionsAt(text2, g));
  assert.ok(disable);
  assert.equal(disable.edit.changes[URI][0].range.start.line, 1);
  assert.deepEqual(refValues(apply(text2, disable)), []);
});

test('a directive written by hand before a multi-line tag with another rule id leaves the finding', () => {
  const text = [
    '<server>',
    '  <!-- zos-tls-disable-next-line liberty/password -->',
    '  <ssl id="s"',
    '       keyStoreRef="noSuchKeys"/>',
    '</server>',
    '',
  ].join('\n');
  assert.deepEqual(refValues(text), ['noSuchKeys']);
});
