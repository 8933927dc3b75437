// Snippets insert policies; they must pass our own checks on every release, and the grammar must
// stay generated from the same keyword table the checker uses.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
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

test('the RACF grammars are generated from the current RACDCERT knowledge', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'syntaxes/build-racf-grammars.mjs'), '--check'], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
});

test('every file the manifest contributes exists, and the JCL grammar is only injected', () => {
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
    contributes: {
      languages: { id: string; configuration?: string }[];
      grammars: { language?: string; scopeName: string; path: string; injectTo?: string[] }[];
      snippets: { language: string; path: string }[];
    };
  };
  const c = manifest.contributes;
  for (const p of [
    ...c.languages.flatMap((l) => (l.configuration ? [l.configuration] : [])),
    ...c.grammars.map((g) => g.path),
    ...c.snippets.map((s) => s.path),
  ]) {
    assert.ok(existsSync(path.join(root, p)), p);
  }
  // Other extensions own source.jcl: we only inject into it, never register a JCL grammar.
  assert.ok(!c.grammars.some((g) => g.language === 'jcl' || g.scopeName === 'source.jcl'));
  assert.ok(c.grammars.some((g) => g.injectTo?.includes('source.jcl')));
  assert.deepEqual(c.languages.map((l) => l.id).sort(), ['attls', 'jcl', 'racf', 'rexx']);
});
