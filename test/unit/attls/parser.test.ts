import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAttls, walk } from '../../../server/src/service/attls/parser';
import { buildModel } from '../../../server/src/service/attls/model';

test('parses blocks, names, params and # comments after values', () => {
  const doc = parseAttls('TTLSRule r1 # rule\n{\n  LocalPortRange 443 # https\n  Direction Inbound\n}\n');
  assert.equal(doc.problems.length, 0);
  const rule = doc.nodes[0];
  assert.equal(rule.kind, 'block');
  assert.ok(rule.kind === 'block');
  assert.equal(rule.statement, 'TTLSRule');
  assert.equal(rule.name?.text, 'r1');
  assert.deepEqual(
    rule.children.map((c) => (c.kind === 'param' ? [c.keyword.text, c.values.map((v) => v.text)] : null)),
    [
      ['LocalPortRange', ['443']],
      ['Direction', ['Inbound']],
    ],
  );
  assert.deepEqual(
    doc.comments.map((c) => c.text),
    [' rule', ' https'],
  );
});

test('keywords are case-insensitive, names keep their case', () => {
  const doc = parseAttls('ttlsrule R\n{\n}\nTTLSKeyRingParms k\n{\n}\n');
  const blocks = doc.nodes.filter((n) => n.kind === 'block');
  assert.deepEqual(
    blocks.map((b) => (b.kind === 'block' ? [b.statement, b.name?.text] : null)),
    [
      ['TTLSRule', 'R'],
      ['TTLSKeyringParms', 'k'],
    ],
  );
});

test('a missing } is reported once where a top-level statement appears, and parsing goes on', () => {
  const text = [
    'TTLSEnvironmentAction env',
    '{',
    'HandshakeRole Server',
    'TTLSKeyringParms',
    '{',
    'Keyring r',
    '}',
    'TTLSGroupAction grp',
    '{',
    'TTLSEnabled On',
    '}',
  ].join('\n');
  const doc = parseAttls(text);
  assert.equal(doc.problems.length, 1);
  assert.match(doc.problems[0].message, /never closed/);
  assert.equal(doc.problems[0].range.start.line, 0);
  const model = buildModel(doc, '3.1');
  assert.ok(
    model.globals.get('TTLSGroupAction')?.get('grp'),
    'the group after the broken block is still global',
  );
  assert.ok(model.globals.get('TTLSEnvironmentAction')?.get('env'));
});

test('unclosed block at end of file and a stray } are reported with exact ranges', () => {
  const doc = parseAttls('}\nTTLSRule r\n{\nDirection Inbound\n');
  assert.equal(doc.problems.length, 2);
  assert.deepEqual(doc.problems[0].range, {
    start: { line: 0, character: 0 },
    end: { line: 0, character: 1 },
  });
  assert.equal(doc.problems[1].range.start.line, 1);
});

test('braces on the header line and CRLF line ends', () => {
  const doc = parseAttls('TTLSRule r {\r\n  Direction Inbound\r\n}\r\n');
  assert.equal(doc.problems.length, 0);
  const nodes = [...walk(doc.nodes)];
  assert.equal(nodes.length, 2);
  assert.deepEqual(nodes[1].range, { start: { line: 1, character: 2 }, end: { line: 1, character: 19 } });
});

test('a block cut short on its own header line still spans its header (outline ranges stay valid)', () => {
  const doc = parseAttls('{ TTLSRule x {\n}\n');
  for (const n of walk(doc.nodes)) {
    const { start, end } = n.range;
    assert.ok(start.line < end.line || (start.line === end.line && start.character <= end.character));
    if (n.kind === 'block') {
      assert.ok(end.line > n.open.range.end.line || end.character >= n.open.range.end.character);
    }
  }
});
