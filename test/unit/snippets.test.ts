// Snippets insert policies; they must pass our own checks on every release, and the grammar must
// stay generated from the same keyword table the checker uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeAttls } from '../../server/src/service/attls/analyze';
import { ZOS_RELEASES } from '../../server/src/service/types';

const root = path.resolve(__dirname, '../..');

/** Expands a snippet body the way an editor does when the user accepts every default (mirrors too). */
function expand(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  const defaults = new Map<string, string>();
  for (const m of text.matchAll(/\$\{(\d+)\|([^,|}]*)[^}]*\|\}/g)) {
    defaults.set(m[1], m[2]);
  }
  for (const m of text.matchAll(/\$\{(\d+):([^{}]*)\}/g)) {
    defaults.set(m[1], m[2]);
  }
  return text
    .replace(/\$\{(\d+)\|[^}]*\|\}/g, (_m, n: string) => defaults.get(n) ?? '')
    .replace(/\$\{(\d+):[^{}]*\}/g, (_m, n: string) => defaults.get(n) ?? '')
    .replace(
      /\$\{(\d+)\}|\$(\d+)/g,
      (_m, a: string | undefined, b: string | undefined) => defaults.get(a ?? b ?? '') ?? '',
    )
    .replace(/\\\$/g, '$');
}

const snippets = JSON.parse(readFileSync(path.join(root, 'snippets/attls.json'), 'utf8')) as Record<
  string,
  { prefix: string | string[]; body: string | string[]; description?: string }
>;

for (const [name, s] of Object.entries(snippets)) {
  if (!/rule|policy/i.test(name)) {
    continue;
  }
  test(`snippet '${name}' produces no finding on any release`, () => {
    const text = expand(s.body);
    assert.ok(/TTLSRule/.test(text));
    for (const release of ZOS_RELEASES) {
      const { findings } = analyzeAttls(text, { release });
      assert.deepEqual(
        findings.map((f) => `${f.range.start.line + 1} ${f.rule} ${f.message}`),
        [],
        `z/OS ${release}\n${text}`,
      );
    }
  });
}

test('every snippet has a description and a prefix', () => {
  assert.ok(Object.keys(snippets).length >= 3);
  for (const [name, s] of Object.entries(snippets)) {
    assert.ok(s.description, name);
    assert.ok(s.prefix.length, name);
  }
});

test('the TextMate grammar is generated from the current keyword table', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'syntaxes/build-attls-grammar.mjs'), '--check'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});
