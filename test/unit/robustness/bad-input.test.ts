// What an editor or a transfer from z/OS can hand the checker besides a clean policy: binary data,
// EBCDIC shown as ASCII, other line ends, one enormous line, a file over the size limit, nothing.
// Everything goes through the facade, as the server and the CLI use it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService, MAX_CHECKED_CHARS } from '../../../server/src/service';
import type { Analysis, DocumentInput, Finding } from '../../../server/src/service';
import { decodeBytes, decodeIbm1047 } from '../../../server/src/service/text/decode';
import { loadCorpus, runCase } from '../../fuzz/attlsProperties';

const URI = 'file:///etc/pagent/pagent.conf';

function analyze(text: string, uri = URI): Analysis {
  return createLanguageService().analyze({ uri, text, version: 1 });
}

/** Findings as a comparable shape (fix texts may carry the file's own line ends). */
function shape(findings: readonly Finding[]): string[] {
  return findings.map((f) => JSON.stringify([f.rule, f.severity, f.range, f.message])).sort();
}

/** IBM-1047 encoder: the inverse of the decoder's table; '\n' becomes NL (0x15), as z/OS writes it. */
function encodeIbm1047(text: string): Uint8Array {
  const table = decodeIbm1047(Uint8Array.from({ length: 256 }, (_, i) => i));
  const back = new Map<string, number>();
  for (let b = 0; b < 256; b++) {
    if (!back.has(table[b])) {
      back.set(table[b], b);
    }
  }
  return Uint8Array.from(text, (ch) => {
    const b = back.get(ch);
    assert.ok(b !== undefined, `no IBM-1047 byte for ${JSON.stringify(ch)}`);
    return b;
  });
}

// A small policy with problems in it, so "same findings" compares something.
const POLICY = [
  '# Telnet server policy',
  'TTLSRule TN3270Server',
  '{',
  '  LocalPortRange 992',
  '  Direction Inbound',
  '  TTLSGroupActionRef grp1',
  '  TTLSEnvironmentActionRef env1',
  '}',
  'TTLSGroupAction grp1',
  '{',
  '  TTLSEnabled On',
  '  Trace 255',
  '}',
  'TTLSEnvironmentAction env1',
  '{',
  '  HandshakeRole Server',
  '  TTLSKeyringParms',
  '  {',
  '    Keyring TCPIP/TN3270Ring',
  '  }',
  '  TTLSEnvironmentAdvancedParms',
  '  {',
  '    TLSv1 On',
  '    TLSv1.2 On',
  '    SSLv3 On',
  '  }',
  '  TTLSCipherParms',
  '  {',
  '    V3CipherSuites TLS_RSA_WITH_RC4_128_SHA',
  '    V3CipherSuites 0A352F',
  '    V3CipherSuites4Char C02F',
  '  }',
  '  Bogus Keyword',
  '}',
  'TTLSConnectionAction unclosed',
  '{',
  '  HandshakeRole Server',
  '',
].join('\n');

test('the sample policy has findings to compare', () => {
  const a = analyze(POLICY);
  assert.equal(a.language, 'attls');
  assert.ok(a.findings.length >= 2, shape(a.findings).join('\n'));
});

test('a binary file (NUL bytes) gives exactly one file/unreadable finding', () => {
  const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131) % 256));
  const text = 'TTLSRule r\n{\n' + bytes.toString('latin1') + '\0\0\0\n}\n';
  const a = analyze(text);
  assert.deepEqual(
    a.findings.map((f) => [f.rule, f.severity]),
    [['file/unreadable', 'error']],
  );
  runCase({ kind: 'string', text, positions: [{ line: 0, character: 3 }] });
});

test('EBCDIC bytes shown as latin1 (what an editor displays) give file/unreadable', () => {
  const shown = Buffer.from(encodeIbm1047(POLICY)).toString('latin1');
  const a = analyze(shown);
  assert.deepEqual(
    a.findings.map((f) => f.rule),
    ['file/unreadable'],
  );
  assert.match(a.findings[0].message, /EBCDIC|not text/);
});

test('decodeBytes reads IBM-1047 bytes back to the policy, and the findings are those of the ASCII file', () => {
  const decoded = decodeBytes(encodeIbm1047(POLICY));
  assert.equal(decoded.encoding, 'ibm-1047');
  assert.equal(decoded.binary, false);
  assert.equal(decoded.text, POLICY);
  assert.deepEqual(shape(analyze(decoded.text).findings), shape(analyze(POLICY).findings));
});

test('CRLF and CR-only line ends give the same findings on the same lines as LF', () => {
  const samples = [{ name: 'sample', text: POLICY }, ...loadCorpus()];
  for (const { name, text } of samples) {
    const lf = text.replace(/\r\n?/g, '\n');
    const expected = shape(analyze(lf).findings);
    assert.deepEqual(shape(analyze(lf.replace(/\n/g, '\r\n')).findings), expected, `${name} with CRLF`);
    assert.deepEqual(shape(analyze(lf.replace(/\n/g, '\r')).findings), expected, `${name} with CR`);
  }
});

test('a 2 MB single line completes with a sensible result', { timeout: 60_000 }, () => {
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < 2 * 1024 * 1024; i++) {
    const s = `TTLSRule r${i} { Direction Inbound LocalPortRange ${1000 + (i % 5000)} } `;
    parts.push(s);
    size += s.length;
  }
  const text = parts.join('');
  const service = createLanguageService();
  const input: DocumentInput = { uri: URI, text, version: 1 };
  const a = service.analyze(input);
  assert.equal(a.attls?.model.rules.length, parts.length);
  assert.ok(
    a.findings.every((f) => f.range.start.line === 0 && f.range.end.line === 0),
    'every finding is on the one line',
  );
  assert.ok(!a.findings.some((f) => f.rule === 'attls/syntax'), 'the braces balance');
  const mid = Math.floor(text.length / 2);
  service.hover(input, { line: 0, character: mid });
  service.complete(input, { line: 0, character: mid });
  service.definition(input, { line: 0, character: mid });
  service.symbols(input);
  service.foldingRanges(input);

  // The same size of one unbroken token.
  const junk = 'x'.repeat(2 * 1024 * 1024);
  runCase({ kind: 'string', text: junk, positions: [{ line: 0, character: 1024 * 1024 }] });
});

test(
  'a file over MAX_CHECKED_CHARS gives file/too-large and is still checked up to the limit',
  { timeout: 120_000 },
  () => {
    const filler = '#' + '-'.repeat(1022) + '\n';
    const text = POLICY + filler.repeat(Math.ceil(MAX_CHECKED_CHARS / filler.length) + 16);
    assert.ok(text.length > MAX_CHECKED_CHARS);
    const a = analyze(text);
    assert.equal(a.findings[0]?.rule, 'file/too-large');
    // The policy at the top was checked as usual.
    assert.deepEqual(shape(a.findings.slice(1)), shape(analyze(POLICY).findings));
  },
);

test('an empty file and a file of only comments: no findings, features answer', () => {
  for (const text of ['', '\n', '# only a comment', '# one\n#two\n   # three\r\n\t#four\r#five\n']) {
    const a = analyze(text);
    assert.equal(a.language, 'attls');
    assert.deepEqual(a.findings, [], JSON.stringify(text));
    runCase({
      kind: 'string',
      text,
      positions: [
        { line: 0, character: 0 },
        { line: 1, character: 2 },
      ],
    });
  }
});
