import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeActionsFor } from '../../server/src/service/codeActions';
import { createLanguageService } from '../../server/src/service';
import type { Finding, Range } from '../../server/src/service';

const URI = 'file:///policy.attls';

function range(line: number, start: number, end: number, endLine = line): Range {
  return { start: { line, character: start }, end: { line: endLine, character: end } };
}

const hashComment = (rule: string, line: number): { line: number; text: string } => ({
  line,
  text: `# zos-tls-disable-next-line ${rule}\n`,
});

const stray: Finding = {
  rule: 'attls/syntax',
  severity: 'error',
  message: "'}' closes nothing",
  range: range(27, 0, 1),
  fixes: [
    { title: "Remove the extra '}'", edits: [{ range: range(27, 0, 1), newText: '' }], isPreferred: true },
  ],
};
const unresolved: Finding = {
  rule: 'attls/unresolved-ref',
  severity: 'error',
  message: "TTLSGroupActionRef names 'grpMissing'",
  range: range(12, 21, 31),
  fixes: [
    {
      title: 'Create grpMissing',
      edits: [{ range: range(28, 0, 0), newText: '\nTTLSGroupAction grpMissing\n{\n}' }],
    },
    { title: "Change to 'grp'", edits: [{ range: range(12, 21, 31), newText: 'grp' }], isPreferred: false },
  ],
};

test('a finding under the cursor gives its fixes, then one "disable for this line" action', () => {
  const actions = codeActionsFor(URI, [unresolved, stray], range(27, 1, 1), hashComment);
  assert.deepEqual(actions, [
    {
      title: "Remove the extra '}'",
      kind: 'quickfix',
      rule: 'attls/syntax',
      isPreferred: true,
      edit: { changes: { [URI]: [{ range: range(27, 0, 1), newText: '' }] } },
      findingIndex: 1,
    },
    {
      title: 'Disable attls/syntax for this line',
      kind: 'quickfix',
      rule: 'attls/syntax',
      edit: {
        changes: {
          [URI]: [{ range: range(27, 0, 0), newText: '# zos-tls-disable-next-line attls/syntax\n' }],
        },
      },
      findingIndex: 1,
    },
  ]);
});

test('isPreferred is passed on only when the fix states it', () => {
  const actions = codeActionsFor(URI, [unresolved], range(12, 25, 25), hashComment);
  assert.deepEqual(
    actions.map((a) => [a.title, a.isPreferred, a.findingIndex]),
    [
      ['Create grpMissing', undefined, 0],
      ["Change to 'grp'", false, 0],
      ['Disable attls/unresolved-ref for this line', undefined, 0],
    ],
  );
  assert.ok(!('isPreferred' in actions[0]), 'no isPreferred key when the fix gives none');
});

test('findings outside the range give nothing; touching the end of a finding counts', () => {
  assert.deepEqual(codeActionsFor(URI, [unresolved, stray], range(3, 0, 5), hashComment), []);
  assert.equal(codeActionsFor(URI, [unresolved], range(12, 31, 31), hashComment).length, 3);
  assert.equal(codeActionsFor(URI, [unresolved], range(12, 32, 32), hashComment).length, 0);
  // A selection over several lines takes in every finding it overlaps.
  assert.equal(codeActionsFor(URI, [unresolved, stray], range(10, 0, 0, 30), hashComment).length, 5);
});

test('one disable action per rule; findings of one rule on two lines share it, one line gets one directive', () => {
  const a: Finding = { rule: 'attls/bad-value', severity: 'error', message: 'a', range: range(4, 2, 5) };
  const b: Finding = { ...a, message: 'b', range: range(4, 8, 9) };
  const c: Finding = { ...a, message: 'c', range: range(6, 2, 5) };
  const other: Finding = {
    rule: 'attls/unknown-keyword',
    severity: 'error',
    message: 'd',
    range: range(6, 0, 1),
  };
  const actions = codeActionsFor(URI, [a, b, c, other], range(0, 0, 0, 10), hashComment);
  assert.deepEqual(
    actions.map((x) => [x.title, x.findingIndex, x.edit.changes[URI].map((e) => e.range.start.line)]),
    [
      ['Disable attls/bad-value for these 2 lines', 0, [4, 6]],
      ['Disable attls/unknown-keyword for this line', 3, [6]],
    ],
  );
});

test('no disable action when the language has no comment directive, nor for file/… findings', () => {
  assert.deepEqual(
    codeActionsFor(URI, [unresolved], range(12, 25, 25), () => undefined).map((a) => a.title),
    ['Create grpMissing', "Change to 'grp'"],
  );
  const unreadable: Finding = {
    rule: 'file/unreadable',
    severity: 'error',
    message: 'binary',
    range: range(0, 0, 0),
  };
  assert.deepEqual(codeActionsFor(URI, [unreadable], range(0, 0, 0), hashComment), []);
});

test('through the facade: the directive keeps the line indentation and really silences the finding', () => {
  const service = createLanguageService();
  const text = 'TTLSRule r\n{\n  Direction Inbound\n  LocalPortRange 443\n  TTLSGroupActionRef nowhere\n}\n';
  const input = { uri: URI, text, version: 1 };
  const findings = service.analyze(input).findings;
  const f = findings.find((x) => x.rule === 'attls/unresolved-ref');
  assert.ok(f, `attls/unresolved-ref expected, got ${findings.map((x) => x.rule).join(', ')}`);
  const disable = service
    .codeActions(input, f.range, findings)
    .find((x) => x.title === 'Disable attls/unresolved-ref for this line');
  assert.ok(disable);
  const [edit] = disable.edit.changes[URI];
  assert.deepEqual(edit, {
    range: range(4, 0, 0),
    newText: '  # zos-tls-disable-next-line attls/unresolved-ref\n',
  });
  const lines = text.split('\n');
  lines.splice(4, 0, edit.newText.replace(/\n$/, ''));
  const after = service.analyze({ uri: URI, text: lines.join('\n'), version: 2 }).findings;
  assert.ok(!after.some((x) => x.rule === 'attls/unresolved-ref'), 'the directive switches the rule off');
});
