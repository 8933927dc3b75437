import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { analyzeAttls } from '../../../server/src/service/attls/analyze';
import { attlsComplete } from '../../../server/src/service/attls/complete';
import { attlsSymbols } from '../../../server/src/service/attls/navigation';
import type { CompletionEntry } from '../../../server/src/service/features';
import type { Position } from '../../../server/src/service/types';

/** Completes at the `|` in `text` (the marker is removed first). */
function complete(text: string): CompletionEntry[] {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0, 'test text needs a | cursor marker');
  const clean = text.slice(0, offset) + text.slice(offset + 1);
  const before = clean.slice(0, offset).split('\n');
  const pos: Position = { line: before.length - 1, character: before[before.length - 1].length };
  return attlsComplete(analyzeAttls(clean), pos);
}

const labels = (entries: CompletionEntry[]): string[] => entries.map((e) => e.label);

const POLICY = [
  'TTLSRule r1',
  '{',
  '  Direction Inbound',
  '  TTLSGroupActionRef grp1',
  '}',
  'TTLSGroupAction grp1',
  '{',
  '  TTLSEnabled On',
  '}',
  'TTLSGroupAction Grp2',
  '{',
  '  TTLSEnabled On',
  '}',
  'TTLSEnvironmentAction grpLike',
  '{',
  '  HandshakeRole Server',
  '}',
];

test('top level of a policy: block statements as snippets, no line statements', () => {
  const entries = complete([...POLICY, '|'].join('\n'));
  const rule = entries.find((e) => e.label === 'TTLSRule');
  assert.ok(rule);
  assert.equal(rule.kind, 'keyword');
  assert.equal(rule.snippet, true);
  assert.equal(rule.insertText, 'TTLSRule ${1:name}\n{\n\t$0\n}');
  for (const s of [
    'TTLSGroupAction',
    'TTLSEnvironmentAction',
    'TTLSConnectionAction',
    'TTLSKeyringParms',
    'PortRange',
  ]) {
    assert.ok(labels(entries).includes(s), s);
  }
  assert.ok(!labels(entries).includes('TcpImage'));
  assert.ok(!labels(entries).includes('HandshakeRole'));
  // Rules sort before actions, actions before parms.
  const sort = (l: string): string => entries.find((e) => e.label === l)?.sortText ?? '';
  assert.ok(sort('TTLSRule') < sort('TTLSGroupAction'));
  assert.ok(sort('TTLSGroupAction') < sort('TTLSKeyringParms'));
});

test('top level of a main file also offers the line statements', () => {
  const entries = complete('TcpImage TCPIP /etc/pagent/TCPIP.policy FLUSH PURGE\n|');
  assert.ok(labels(entries).includes('TcpImage'));
  assert.ok(labels(entries).includes('TTLSConfig'));
  assert.ok(labels(entries).includes('TTLSRule'));
  assert.equal(entries.find((e) => e.label === 'TTLSConfig')?.snippet, undefined);
});

test('values of a line statement', () => {
  assert.deepEqual(labels(complete('TTLSConfig /etc/pagent/ttls.policy |')), [
    'FLUSH',
    'NOFLUSH',
    'PURGE',
    'NOPURGE',
  ]);
});

test('inside TTLSEnvironmentAction: its parameters and inline sub-statements', () => {
  const entries = complete('TTLSEnvironmentAction env\n{\n  |\n}\n');
  const role = entries.find((e) => e.label === 'HandshakeRole');
  assert.ok(role);
  assert.equal(role.kind, 'property');
  assert.match(role.detail ?? '', /^enum/);
  assert.match(role.documentation ?? '', /Client, Server, ServerWithClientAuth/);
  const keyring = entries.find((e) => e.label === 'TTLSKeyringParms');
  assert.ok(keyring);
  assert.equal(keyring.snippet, true);
  assert.equal(keyring.insertText, 'TTLSKeyringParms\n{\n\t$0\n}');
  assert.ok(labels(entries).includes('TTLSKeyringParmsRef'));
  // Parameters of other statements are not offered here.
  assert.ok(!labels(entries).includes('Direction'));
  assert.ok(!labels(entries).includes('TLSv1.3'));
  assert.ok(!labels(entries).includes('TTLSRule'));
  for (const e of entries) {
    assert.deepEqual(e.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 2 } });
  }
});

test('a parameter already coded is not offered again; list parameters are', () => {
  const env = complete(
    'TTLSEnvironmentAction env\n{\n  HandshakeRole Server\n  TTLSKeyringParms\n  {\n    Keyring k\n  }\n  |\n}\n',
  );
  assert.ok(!labels(env).includes('HandshakeRole'));
  // Coded inline: neither the inline form nor its Ref is offered again.
  assert.ok(!labels(env).includes('TTLSKeyringParms'));
  assert.ok(!labels(env).includes('TTLSKeyringParmsRef'));
  assert.ok(labels(env).includes('TTLSCipherParms'));
  const cipher = complete('TTLSCipherParms c\n{\n  V3CipherSuites TLS_AES_128_GCM_SHA256\n  |\n}\n');
  assert.ok(labels(cipher).includes('V3CipherSuites'));
});

test('the parameter being typed on the current line is still offered, with the word as range', () => {
  const entries = complete('TTLSEnvironmentAction env\n{\n  Hands|hakeRole Server\n}\n');
  const role = entries.find((e) => e.label === 'HandshakeRole');
  assert.ok(role);
  assert.deepEqual(role.range, { start: { line: 2, character: 2 }, end: { line: 2, character: 15 } });
});

test('partial word at the top level is replaced', () => {
  const entries = complete('TTLS|');
  assert.ok(labels(entries).includes('TTLSRule'));
  assert.deepEqual(entries[0].range, { start: { line: 0, character: 0 }, end: { line: 0, character: 4 } });
});

test('uncertain parameters are marked', () => {
  const entries = complete('TTLSGroupAction g\n{\n|\n}');
  assert.match(entries.find((e) => e.label === 'GroupUserInstance')?.detail ?? '', /\(uncertain\)/);
  assert.doesNotMatch(entries.find((e) => e.label === 'TTLSEnabled')?.detail ?? '', /uncertain/);
  assert.match(entries.find((e) => e.label === 'FIPS140')?.detail ?? '', /default Off/);
});

test('values after HandshakeRole and FIPS140, as the reference writes them', () => {
  assert.deepEqual(labels(complete('TTLSEnvironmentAction env\n{\n  HandshakeRole |\n}')), [
    'Client',
    'Server',
    'ServerWithClientAuth',
  ]);
  const fips = complete('TTLSGroupAction g\n{\n  fips140 L|\n}');
  assert.deepEqual(labels(fips), ['Off', 'On', 'Level1', 'Level2', 'Level3']);
  assert.equal(fips.find((e) => e.label === 'Off')?.detail, 'default');
  assert.deepEqual(fips[0].range, { start: { line: 2, character: 10 }, end: { line: 2, character: 11 } });
  // One value per parameter: nothing after the first.
  assert.deepEqual(complete('TTLSEnvironmentAction env\n{\n  HandshakeRole Server |\n}'), []);
});

test('names after TTLSGroupActionRef: only TTLSGroupAction statements, case-exact', () => {
  const text = [...POLICY, 'TTLSRule r2', '{', '  TTLSGroupActionRef |', '}'].join('\n');
  const entries = complete(text);
  assert.deepEqual(labels(entries).sort(), ['Grp2', 'grp1']);
  assert.ok(entries.every((e) => e.kind === 'reference' && e.detail === 'TTLSGroupAction'));
  assert.deepEqual(
    labels(complete([...POLICY, 'TTLSRule r2', '{', '  TTLSEnvironmentActionRef |', '}'].join('\n'))),
    ['grpLike'],
  );
});

test('4-character cipher codes after V3CipherSuites4Char, with the suite name as detail', () => {
  const entries = complete('TTLSCipherParms c\n{\n  V3CipherSuites4Char |\n}');
  const c02f = entries.find((e) => e.label === 'C02F');
  assert.ok(c02f);
  assert.match(c02f.detail ?? '', /TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256/);
  assert.ok(labels(entries).includes('1301'));
  assert.ok(entries.every((e) => /^[0-9A-F]{4}$/.test(e.label)));
  // In a concatenated string only the unfinished piece is replaced.
  const more = complete('TTLSCipherParms c\n{\n  V3CipherSuites4Char 1301C0|\n}');
  assert.deepEqual(more[0].range, { start: { line: 2, character: 26 }, end: { line: 2, character: 28 } });
});

test('cipher constants after V3CipherSuites', () => {
  const entries = complete('TTLSCipherParms c\n{\n  V3CipherSuites |\n}');
  const suite = entries.find((e) => e.label === 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
  assert.ok(suite);
  assert.match(suite.detail ?? '', /C02F/);
});

test('named group codes carry their names and the decimal note', () => {
  const entries = complete('TTLSSignatureParms s\n{\n  ClientECurves |\n}');
  assert.ok(labels(entries).includes('Any'));
  const p256 = entries.find((e) => e.label === '0023');
  assert.ok(p256);
  assert.match(p256.detail ?? '', /secp256r1/);
  assert.match(p256.detail ?? '', /decimal/);
  const shares = complete('TTLSSignatureParms s\n{\n  ServerKeyShareGroups |\n}');
  assert.ok(labels(shares).includes('0029'));
  assert.ok(!labels(shares).includes('Any'));
  const pairs = complete('TTLSSignatureParms s\n{\n  SignaturePairs |\n}');
  assert.match(pairs.find((e) => e.label === '0603')?.detail ?? '', /TLS_SIGALG_SHA512_WITH_ECDSA/);
});

test('no completion inside a comment or on a block header name', () => {
  assert.deepEqual(complete('TTLSRule r # Han|\n{\n}'), []);
  assert.deepEqual(complete('TTLSRule |\n{\n}'), []);
});

test('inside a block left open while typing', () => {
  const entries = complete('TTLSRule r\n{\n  Dir|');
  assert.ok(labels(entries).includes('Direction'));
  assert.deepEqual(labels(complete('TTLSRule r\n{\n  Direction |')), ['Inbound', 'Outbound', 'Both']);
});

test('completion and symbols never throw over the real corpus', (t) => {
  const dir = path.resolve(__dirname, '../../../../shared/corpus/attls');
  const alt = '/work/shared/corpus/attls';
  const folder = existsSync(dir) ? dir : existsSync(alt) ? alt : undefined;
  if (!folder) {
    t.skip(`corpus folder absent (looked in ${dir} and ${alt})`);
    return;
  }
  const files = readdirSync(folder).filter((f) => f.endsWith('.conf'));
  assert.ok(files.length > 0);
  for (const f of files) {
    const text = readFileSync(path.join(folder, f), 'utf8');
    const a = analyzeAttls(text);
    assert.ok(Array.isArray(attlsSymbols(a)));
    const lines = text.split(/\r?\n|\r/);
    lines.forEach((l, line) => {
      for (const character of [0, Math.floor(l.length / 2), l.length]) {
        assert.doesNotThrow(() => attlsComplete(a, { line, character }), `${f}:${line + 1}:${character}`);
      }
    });
  }
});
