import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, findings, fixTitled, policy, textAt } from './helpers';

const RULE = 'attls/ecurves-any-mixed';
const sig = (lines: string[]): string =>
  policy({ env: ['TTLSSignatureParms', '{', ...lines.map((l) => '  ' + l), '}'] });

test('Any together with specific curves (across lines) is an error at Any', () => {
  const text = sig(['ClientECurves Any', 'ClientECurves 0023']);
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  assert.equal(textAt(text, f), 'Any');
  for (const title of ['Remove ClientECurves Any', 'Keep only ClientECurves Any']) {
    assert.equal(findings(applyFix(text, fixTitled(f, title)), RULE).length, 0, title);
  }
});

test('Any alone or curves alone: no finding', () => {
  assert.equal(findings(sig(['CLientECurves Any']), RULE).length, 0);
  assert.equal(findings(sig(['ClientECurves 0023', 'ClientECurves 0024']), RULE).length, 0);
});
