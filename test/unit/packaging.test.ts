// Manifest conventions users expect (issue 7), checked without packaging: every command in the
// "z/OS TLS" category, every setting described (with enums where the values are fixed), and the
// walkthrough's pages present and shipped. The .vsix contents and size are checked by the e2e suite,
// which packages the extension anyway (test/e2e/code-server.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');

interface Setting {
  type: string;
  description?: string;
  markdownDescription?: string;
  enum?: unknown[];
  enumDescriptions?: string[];
}
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  contributes: {
    commands: { command: string; title: string; category?: string }[];
    configuration: { properties: Record<string, Setting> };
    walkthroughs?: { id: string; steps: { id: string; media: { markdown?: string } }[] }[];
  };
};

test('every command is in the palette category "z/OS TLS"', () => {
  const commands = manifest.contributes.commands;
  assert.ok(commands.length > 0);
  for (const c of commands) {
    assert.equal(c.category, 'z/OS TLS', `${c.command} has category ${String(c.category)}`);
  }
});

test('every setting has a description, and the string settings with fixed values list them', () => {
  for (const [name, s] of Object.entries(manifest.contributes.configuration.properties)) {
    assert.ok((s.description ?? s.markdownDescription ?? '').length > 20, `${name} has no description`);
    if (s.enum && s.enumDescriptions) {
      assert.equal(s.enumDescriptions.length, s.enum.length, `${name}: one description per value`);
    }
  }
  assert.deepEqual(manifest.contributes.configuration.properties['zosTls.zosRelease']?.enum, [
    '2.4',
    '2.5',
    '3.1',
    '3.2',
  ]);
});

test('the walkthrough pages exist and .vscodeignore lets them into the .vsix', () => {
  const walkthroughs = manifest.contributes.walkthroughs ?? [];
  assert.equal(walkthroughs.length, 1);
  const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  for (const step of walkthroughs[0]!.steps) {
    const page = step.media.markdown;
    assert.ok(page, `step ${step.id} has no page`);
    assert.ok(existsSync(path.join(root, page)), `${page} missing`);
    assert.match(page, /^walkthrough\/[\w-]+\.md$/);
  }
  assert.match(ignore, /^!walkthrough\/\*\.md$/m);
});
