import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeAttls } from '../../../server/src/service/attls/analyze';
import {
  attlsDefinition,
  attlsFolding,
  attlsPrepareRename,
  attlsReferences,
  attlsRename,
  attlsSymbols,
} from '../../../server/src/service/attls/navigation';
import type { Range } from '../../../server/src/service/types';
import { rangeOf } from '../../../server/src/service/types';

const TEXT = [
  /*  0 */ '# Rules',
  /*  1 */ '# for the test',
  /*  2 */ 'TTLSRule r1',
  /*  3 */ '{',
  /*  4 */ '  Direction Inbound',
  /*  5 */ '  LocalPortRange 443',
  /*  6 */ '  TTLSGroupActionRef g1',
  /*  7 */ '  TTLSEnvironmentActionRef g1',
  /*  8 */ '}',
  /*  9 */ 'TTLSGroupAction g1 # the group',
  /* 10 */ '{',
  /* 11 */ '  TTLSEnabled On',
  /* 12 */ '}',
  /* 13 */ 'TTLSEnvironmentAction g1',
  /* 14 */ '{',
  /* 15 */ '  HandshakeRole Server',
  /* 16 */ '  TTLSKeyringParms',
  /* 17 */ '  {',
  /* 18 */ '    Keyring ring',
  /* 19 */ '  }',
  /* 20 */ '}',
  /* 21 */ 'TTLSRule r2',
  /* 22 */ '{',
  /* 23 */ '  TTLSGroupActionRef g1',
  /* 24 */ '  TTLSGroupActionRef G1',
  /* 25 */ '}',
  /* 26 */ 'TTLSGroupAction other',
  /* 27 */ '{',
  /* 28 */ '}',
].join('\n');

const a = analyzeAttls(TEXT);
const sortRanges = (rs: Range[]): Range[] =>
  [...rs].sort((x, y) => x.start.line - y.start.line || x.start.character - y.start.character);

const GROUP_DECL = rangeOf(9, 16, 18);
const ENV_DECL = rangeOf(13, 22, 24);
const GROUP_REF_1 = rangeOf(6, 21, 23);
const ENV_REF = rangeOf(7, 27, 29);
const GROUP_REF_2 = rangeOf(23, 21, 23);

test('definition: a Ref value goes to the statement of the right type it names', () => {
  assert.deepEqual(attlsDefinition(a, { line: 6, character: 22 }), [GROUP_DECL]);
  assert.deepEqual(attlsDefinition(a, { line: 7, character: 29 }), [ENV_DECL]);
  // Names are case-sensitive: G1 names nothing.
  assert.deepEqual(attlsDefinition(a, { line: 24, character: 22 }), []);
  // On a statement's own name: itself.
  assert.deepEqual(attlsDefinition(a, { line: 9, character: 17 }), [GROUP_DECL]);
  // On a keyword or in blank space: nothing.
  assert.deepEqual(attlsDefinition(a, { line: 6, character: 4 }), []);
  assert.deepEqual(attlsDefinition(a, { line: 3, character: 0 }), []);
});

test('references: only Refs of the right target type and exact case', () => {
  assert.deepEqual(sortRanges(attlsReferences(a, { line: 9, character: 16 }, false)), [
    GROUP_REF_1,
    GROUP_REF_2,
  ]);
  assert.deepEqual(sortRanges(attlsReferences(a, { line: 6, character: 21 }, true)), [
    GROUP_REF_1,
    GROUP_DECL,
    GROUP_REF_2,
  ]);
  assert.deepEqual(attlsReferences(a, { line: 13, character: 23 }, true), [ENV_DECL, ENV_REF]);
  assert.deepEqual(attlsReferences(a, { line: 26, character: 17 }, false), []);
});

test('rename changes the declaration and the Refs of its type only', () => {
  assert.deepEqual(attlsPrepareRename(a, { line: 23, character: 23 }), {
    range: GROUP_REF_2,
    placeholder: 'g1',
  });
  assert.equal(attlsPrepareRename(a, { line: 4, character: 4 }), undefined);
  // A statement keyword is not a name.
  assert.equal(attlsPrepareRename(a, { line: 2, character: 2 }), undefined);
  const edits = attlsRename(a, { line: 9, character: 16 }, 'grpMain');
  assert.ok(Array.isArray(edits));
  assert.deepEqual(sortRanges(edits.map((e) => e.range)), [GROUP_REF_1, GROUP_DECL, GROUP_REF_2]);
  assert.ok(edits.every((e) => e.newText === 'grpMain'));
  // From the environment side: the group named g1 and its Refs stay as they are.
  const env = attlsRename(a, { line: 7, character: 28 }, 'env1');
  assert.ok(Array.isArray(env));
  assert.deepEqual(sortRanges(env.map((e) => e.range)), [ENV_REF, ENV_DECL]);
  // The same name in another type is not a clash.
  assert.ok(Array.isArray(attlsRename(a, { line: 13, character: 22 }, 'other')));
});

test('rename rejects invalid names', () => {
  const at = { line: 9, character: 16 };
  for (const bad of ['', 'a b', 'x{', 'y}', 'n#1', 'x'.repeat(33), 'other']) {
    const r = attlsRename(a, at, bad);
    assert.ok(!Array.isArray(r) && typeof r.error === 'string', `'${bad}' should be rejected`);
  }
  assert.ok(Array.isArray(attlsRename(a, at, 'x'.repeat(32))));
  assert.ok(Array.isArray(attlsRename(a, at, 'gAct1~ZSS.v1_2-x')));
  // Renaming to the same name changes nothing.
  assert.deepEqual(attlsRename(a, at, 'g1'), []);
  const nothing = attlsRename(a, { line: 4, character: 3 }, 'x');
  assert.ok(!Array.isArray(nothing) && nothing.error);
});

test('symbols: a hierarchical outline with kinds, details and exact ranges', () => {
  const symbols = attlsSymbols(a);
  assert.deepEqual(
    symbols.map((s) => [s.name, s.kind, s.detail]),
    [
      ['TTLSRule r1', 'class', 'Inbound · local port 443'],
      ['TTLSGroupAction g1', 'object', 'TTLSEnabled On'],
      ['TTLSEnvironmentAction g1', 'object', 'Server'],
      ['TTLSRule r2', 'class', undefined],
      ['TTLSGroupAction other', 'object', undefined],
    ],
  );
  const rule = symbols[0];
  assert.deepEqual(rule.range, { start: { line: 2, character: 0 }, end: { line: 8, character: 1 } });
  assert.deepEqual(rule.selectionRange, rangeOf(2, 9, 11));
  assert.deepEqual(rule.children[0], {
    name: 'Direction',
    detail: 'Inbound',
    kind: 'property',
    range: rangeOf(4, 2, 19),
    selectionRange: rangeOf(4, 2, 11),
    children: [],
  });
  const env = symbols[2];
  const keyring = env.children[1];
  assert.equal(keyring.name, 'TTLSKeyringParms');
  assert.equal(keyring.kind, 'struct');
  assert.equal(keyring.detail, 'ring');
  assert.deepEqual(keyring.range, { start: { line: 16, character: 2 }, end: { line: 19, character: 3 } });
  assert.deepEqual(keyring.selectionRange, rangeOf(16, 2, 18));
  assert.deepEqual(
    keyring.children.map((c) => c.name),
    ['Keyring'],
  );
});

test('symbols: kinds for address and port objects; main file statements', () => {
  const s = attlsSymbols(analyzeAttls('PortRange p\n{\n  Port 443\n}\nIpAddr a\n{\n  Addr 10.1.1.1\n}\n'));
  assert.deepEqual(
    s.map((x) => [x.name, x.kind, x.detail]),
    [
      ['PortRange p', 'namespace', '443'],
      ['IpAddr a', 'namespace', '10.1.1.1'],
    ],
  );
  const main = attlsSymbols(analyzeAttls('TcpImage TCPIP FLUSH PURGE\nTTLSConfig /etc/p.policy\n'));
  assert.deepEqual(
    main.map((x) => [x.name, x.kind, x.detail]),
    [
      ['TcpImage', 'key', 'TCPIP FLUSH PURGE'],
      ['TTLSConfig', 'key', '/etc/p.policy'],
    ],
  );
});

test('folding: one range per multi-line block and runs of whole-line comments', () => {
  assert.deepEqual(attlsFolding(a), [
    { startLine: 0, endLine: 1, kind: 'comment' },
    { startLine: 2, endLine: 8 },
    { startLine: 9, endLine: 12 },
    { startLine: 13, endLine: 20 },
    { startLine: 16, endLine: 19 },
    { startLine: 21, endLine: 25 },
    { startLine: 26, endLine: 28 },
  ]);
  // A single comment line, or a comment after a value, is no run; a one-line block does not fold.
  const b = analyzeAttls('# one\nTTLSGroupAction g { }\nTTLSRule r\n{\n  Direction Inbound # a\n  # b\n}\n');
  assert.deepEqual(attlsFolding(b), [{ startLine: 2, endLine: 6 }]);
  // An unclosed block folds to where the parser ended it.
  assert.deepEqual(attlsFolding(analyzeAttls('TTLSRule r\n{\n  Direction Inbound\n')), [
    { startLine: 0, endLine: 3 },
  ]);
});

test('navigation never throws over the real corpus', (t) => {
  const dir = path.resolve(__dirname, '../../../../shared/corpus/attls');
  if (!existsSync(dir)) {
    t.skip(`corpus folder absent (looked in ${dir})`);
    return;
  }
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.conf'))) {
    const text = readFileSync(path.join(dir, f), 'utf8');
    const doc = analyzeAttls(text);
    assert.ok(
      attlsFolding(doc).every((r) => r.endLine > r.startLine),
      f,
    );
    text.split(/\r?\n|\r/).forEach((l, line) => {
      for (const character of [0, l.length]) {
        const pos = { line, character };
        assert.doesNotThrow(
          () => {
            attlsDefinition(doc, pos);
            attlsReferences(doc, pos, true);
            attlsPrepareRename(doc, pos);
          },
          `${f}:${line + 1}:${character}`,
        );
      }
    });
  }
});
