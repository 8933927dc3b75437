import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../../server/src/service/liberty/analyze';
import type { Finding } from '../../../../server/src/service/types';

const SERVER_XML = 'file:///wlp/usr/servers/s1/server.xml';
const RULE = 'liberty/weak-cipher';

function findings(text: string): Finding[] {
  return analyzeLiberty(text, SERVER_XML, { configFiles: { read: () => undefined } }).findings.filter(
    (f) => f.rule === RULE,
  );
}

const ssl = (ciphers: string): string =>
  `<server>\n<ssl id="s" keyStoreRef="defaultKeyStore" enabledCiphers="${ciphers}"/>\n</server>\n`;
const COLUMN = '<ssl id="s" keyStoreRef="defaultKeyStore" enabledCiphers="'.length;

test('fires on EXPORT, NULL and anon suites as errors, each on its own name', () => {
  const list =
    'TLS_AES_128_GCM_SHA256 SSL_RSA_EXPORT_WITH_RC4_40_MD5 TLS_RSA_WITH_NULL_SHA256 TLS_DH_anon_WITH_AES_128_CBC_SHA';
  const got = findings(ssl(list));
  assert.deepEqual(
    got.map((f) => [
      f.severity,
      f.range.start.character - COLUMN,
      f.range.end.character - f.range.start.character,
    ]),
    [
      ['error', 23, 'SSL_RSA_EXPORT_WITH_RC4_40_MD5'.length],
      ['error', 54, 'TLS_RSA_WITH_NULL_SHA256'.length],
      ['error', 79, 'TLS_DH_anon_WITH_AES_128_CBC_SHA'.length],
    ],
  );
  assert.match(got[0].message, /SSL_RSA_EXPORT_WITH_RC4_40_MD5 .* is weak \(EXPORT, RC4, MD5\)/);
  assert.match(got[0].message, /Remove it/);
  assert.match(got[0].href!, /^https:\/\//);
});

test('fires on RC4, DES, 3DES, MD5 and KRB5 suites as warnings', () => {
  const names = [
    'TLS_ECDHE_RSA_WITH_RC4_128_SHA',
    'SSL_RSA_WITH_DES_CBC_SHA',
    'TLS_RSA_WITH_3DES_EDE_CBC_SHA',
    'SSL_RSA_WITH_RC4_128_MD5',
    'TLS_KRB5_WITH_AES_128_CBC_SHA',
  ];
  const got = findings(ssl(names.join(' ')));
  assert.equal(got.length, names.length);
  assert.ok(got.every((f) => f.severity === 'warning'));
});

test('does not fire on strong suites, nor on the info-only ones (CBC-SHA1, static RSA), nor on ${…}', () => {
  assert.deepEqual(findings(ssl('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384 TLS_AES_256_GCM_SHA384')), []);
  assert.deepEqual(findings(ssl('TLS_RSA_WITH_AES_128_CBC_SHA TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA')), []);
  assert.deepEqual(findings(ssl('${weak.ciphers} SSL_RSA_EXPORT_WITH_RC4_40_MD5')), []);
});

test('a list spread over lines still points at each name; commas split names too', () => {
  const text =
    '<server>\n<ssl id="s" enabledCiphers="TLS_AES_128_GCM_SHA256\n    SSL_RSA_WITH_RC4_128_MD5,TLS_RSA_WITH_NULL_SHA"/>\n</server>';
  const got = findings(text);
  assert.deepEqual(
    got.map((f) => f.range),
    [
      { start: { line: 2, character: 4 }, end: { line: 2, character: 28 } },
      { start: { line: 2, character: 29 }, end: { line: 2, character: 50 } },
    ],
  );
});

test('a value resolved from a variable is judged, on the whole value', () => {
  const text =
    '<server>\n<variable name="c" value="SSL_RSA_WITH_RC4_128_MD5"/>\n<ssl id="s" enabledCiphers="${c}"/>\n</server>';
  const [f, ...rest] = findings(text);
  assert.equal(rest.length, 0);
  assert.deepEqual(f.range, { start: { line: 2, character: 28 }, end: { line: 2, character: 32 } });
});
