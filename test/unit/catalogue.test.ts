// The rule catalogue and the knowledge tables are data with sources: these tests keep the
// generated/copied files identical to what they come from, and every catalogued AT-TLS rule wired.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RULE_CATALOGUE } from '../../server/src/service/ruleCatalogue.generated';
import { ATTLS_RULES } from '../../server/src/service/attls/rules';
import { CIPHER_SUITES, STATEMENTS, sourceUrl } from '../../server/src/service/knowledge/attlsKeywords';

const root = path.resolve(__dirname, '../..');
const shared = path.resolve(root, '../shared/docs');

test('the generated rule catalogue matches docs/rules.md', async () => {
  const gen = (await import(path.join(root, 'server/scripts/gen-rule-catalogue.mjs'))) as {
    parseCatalogue(md: string): unknown[];
    renderCatalogue(rules: unknown[]): string;
  };
  const md = readFileSync(path.join(root, 'docs/rules.md'), 'utf8');
  const expected = gen.renderCatalogue(gen.parseCatalogue(md));
  const actual = readFileSync(path.join(root, 'server/src/service/ruleCatalogue.generated.ts'), 'utf8');
  assert.equal(actual, expected, 'run: node server/scripts/gen-rule-catalogue.mjs');
});

test('every rule id of the shared catalogue is in ours, with the same default severity', (t) => {
  const file = path.join(shared, 'rules.md');
  if (!existsSync(file)) {
    t.skip('../shared/docs/rules.md not found');
    return;
  }
  const ids = [...readFileSync(file, 'utf8').matchAll(/^\|\s*([a-z]+\/[a-z0-9-]+)\s*\|\s*([a-z]+)\s*\|/gm)];
  assert.ok(ids.length > 80);
  const ours = new Map(RULE_CATALOGUE.map((r) => [r.id, r.severity]));
  for (const [, id, sev] of ids) {
    assert.equal(ours.get(id), sev, id);
  }
});

test('the AT-TLS reference copy is identical to shared/docs', (t) => {
  const file = path.join(shared, 'attls-reference.json');
  if (!existsSync(file)) {
    t.skip('../shared/docs/attls-reference.json not found');
    return;
  }
  const copy = readFileSync(path.join(root, 'server/src/service/knowledge/attls-reference.json'), 'utf8');
  assert.equal(
    copy,
    readFileSync(file, 'utf8'),
    'cp ../shared/docs/attls-reference.json server/src/service/knowledge/',
  );
});

test('every catalogued attls/* rule is implemented exactly once, with a link', () => {
  const catalogued = RULE_CATALOGUE.filter((r) => r.id.startsWith('attls/')).map((r) => r.id);
  const implemented = ATTLS_RULES.map((r) => r.id);
  assert.deepEqual([...implemented].sort(), [...catalogued].sort());
  for (const r of ATTLS_RULES) {
    assert.match(r.href, /^https?:\/\//, r.id);
  }
});

test('knowledge tables are well-formed and sourced', () => {
  assert.ok(STATEMENTS.size >= 25);
  for (const def of new Set(STATEMENTS.values())) {
    assert.ok(def.source, `${def.name} has a source`);
  }
  assert.equal(CIPHER_SUITES.length, 90);
  for (const c of CIPHER_SUITES) {
    assert.match(c.hex4, /^[0-9A-F]{4}$/);
    if (c.hex2) {
      assert.equal(c.hex4, '00' + c.hex2, c.name);
    }
    assert.ok(c.source, c.name);
  }
  assert.equal(sourceUrl('S33'), 'https://colinpaice.blog/tag/gsksrvr');
});
