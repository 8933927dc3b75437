// The adapter's pure parts: finding → Diagnostic, and the validation of whatever settings arrive.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DiagnosticSeverity, DiagnosticTag, InsertTextFormat } from 'vscode-languageserver';
import { toCompletionItem, toDiagnostic } from '../../server/src/lsp/convert';
import { defaultSettings, parseSettings } from '../../server/src/lsp/settings';
import type { Finding } from '../../server/src/service';
import { DOCUMENT_SELECTOR, SETTING_NAMES, detectLanguage } from '../../server/src/protocol';

const r = (line: number, a: number, b: number) => ({
  start: { line, character: a },
  end: { line, character: b },
});

test('a finding becomes a Diagnostic with rule id, link, source, tags, related information and data', () => {
  const finding: Finding = {
    rule: 'attls/unused-definition',
    severity: 'hint',
    message: 'never used',
    range: r(3, 16, 19),
    tags: ['unnecessary', 'deprecated'],
    related: [{ range: r(9, 0, 4), message: 'declared here' }],
    href: 'https://www.ibm.com/docs/x',
  };
  assert.deepEqual(toDiagnostic('file:///p.attls', finding, 4, 7), {
    range: r(3, 16, 19),
    severity: DiagnosticSeverity.Hint,
    code: 'attls/unused-definition',
    codeDescription: { href: 'https://www.ibm.com/docs/x' },
    source: 'zos-tls',
    message: 'never used',
    data: { index: 4, version: 7 },
    tags: [DiagnosticTag.Unnecessary, DiagnosticTag.Deprecated],
    relatedInformation: [
      { location: { uri: 'file:///p.attls', range: r(9, 0, 4) }, message: 'declared here' },
    ],
  });
});

test('a finding without a reference page gets no codeDescription (no made-up link)', () => {
  const d = toDiagnostic(
    'file:///p',
    { rule: 'file/unreadable', severity: 'error', message: 'x', range: r(0, 0, 0) },
    0,
    1,
  );
  assert.equal(d.codeDescription, undefined);
  assert.equal(d.tags, undefined);
  assert.equal(d.relatedInformation, undefined);
});

test('snippets are sent as snippets only to clients that take them', () => {
  const entry = {
    label: 'TTLSRule',
    kind: 'keyword' as const,
    insertText: 'TTLSRule ${1:name}\n{\n\t$0\n}',
    snippet: true,
    range: r(0, 0, 2),
  };
  assert.deepEqual(toCompletionItem(entry, true).textEdit, { range: r(0, 0, 2), newText: entry.insertText });
  assert.equal(toCompletionItem(entry, true).insertTextFormat, InsertTextFormat.Snippet);
  const plain = toCompletionItem(entry, false);
  assert.equal(plain.insertTextFormat, InsertTextFormat.PlainText);
  assert.deepEqual(plain.textEdit, { range: r(0, 0, 2), newText: 'TTLSRule name\n{\n\t\n}' });
});

test('settings: good values are taken, junk is dropped value by value and reported', () => {
  assert.deepEqual(parseSettings(undefined), { settings: defaultSettings(), problems: [] });
  assert.deepEqual(defaultSettings(), { zosRelease: '3.1', rules: {} });
  const { settings, problems } = parseSettings({
    zosRelease: 2.5,
    rules: {
      'attls/weak-cipher': 'off',
      'attls/syntax': 'Warn',
      'attls/x': 'info',
      'attls/y': 'loud',
      Bogus: 'off',
      'attls/z': 3,
    },
  });
  assert.deepEqual(settings, {
    zosRelease: '2.5',
    rules: { 'attls/weak-cipher': 'off', 'attls/syntax': 'warning', 'attls/x': 'information' },
  });
  assert.equal(problems.length, 3);
  const bad = parseSettings(
    { zosRelease: '9.9', rules: ['attls/syntax'] },
    { zosRelease: '3.2', rules: { 'a/b': 'off' } },
  );
  assert.deepEqual(bad.settings, { zosRelease: '3.2', rules: { 'a/b': 'off' } });
  assert.equal(bad.problems.length, 2);
  assert.deepEqual(parseSettings('nonsense').settings, defaultSettings());
});

test('protocol: the selector covers attls on every scheme and every Zowe document; setting names', () => {
  for (const scheme of ['file', 'untitled', 'zowe-ds', 'zowe-uss']) {
    assert.ok(DOCUMENT_SELECTOR.some((f) => f.scheme === scheme && f.language === 'attls'));
  }
  assert.ok(DOCUMENT_SELECTOR.some((f) => f.scheme === 'zowe-ds' && f.language === undefined));
  assert.deepEqual(SETTING_NAMES, { zosRelease: 'zosTls.zosRelease', rules: 'zosTls.rules' });
  assert.equal(detectLanguage('SYS1.TCPPARMS(TTLSPOL)', ''), 'attls');
});
