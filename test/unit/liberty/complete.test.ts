// Liberty completion (issue 4): ids after …Ref attributes from the merged configuration (include
// files and built-ins, with their file as detail), key store types that match the location,
// sslProtocol and cipher list entries, enumerated values, attribute and nested element names.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../server/src/service/liberty/analyze';
import { libertyComplete } from '../../../server/src/service/liberty/complete';
import type { CompletionEntry } from '../../../server/src/service/features';
import { SSL_PROTOCOL, classifyCipher } from '../../../server/src/service/knowledge/libertyKeywords';
import { reader } from './testing';

const DIR = '/wlp/usr/servers/s1';

/** Completion where `|` stands in the server.xml text (the bar itself is removed). */
function complete(marked: string, others: Record<string, string> = {}): CompletionEntry[] {
  const i = marked.indexOf('|');
  assert.ok(i >= 0);
  const text = marked.slice(0, i) + marked.slice(i + 1);
  const before = text.slice(0, i);
  const pos = { line: before.split('\n').length - 1, character: i - before.lastIndexOf('\n') - 1 };
  const files = { [`${DIR}/server.xml`]: text, ...others };
  const a = analyzeLiberty(text, `file://${DIR}/server.xml`, { configFiles: reader(files) });
  return libertyComplete(a, pos);
}

const INCLUDED = {
  [`${DIR}/tls/stores.xml`]:
    '<server>\n  <keyStore id="ringKS" location="safkeyring:///WebRing" type="JCERACFKS"/>\n  <ssl id="outSSL" keyStoreRef="ringKS"/>\n</server>\n',
};
const HEAD =
  '<server>\n  <include location="tls/stores.xml"/>\n  <keyStore id="localKS" location="key.p12"/>\n';

test('keyStoreRef offers the keyStore ids of every file and the built-in, with their file', () => {
  const items = complete(`${HEAD}  <ssl id="s" keyStoreRef="|"/>\n</server>\n`, INCLUDED);
  const byLabel = new Map(items.map((e) => [e.label, e]));
  assert.deepEqual([...byLabel.keys()].sort(), ['defaultKeyStore', 'localKS', 'ringKS']);
  assert.equal(byLabel.get('ringKS')?.detail, 'keyStore in tls/stores.xml');
  assert.equal(byLabel.get('localKS')?.detail, 'keyStore in this file');
  assert.match(byLabel.get('defaultKeyStore')?.detail ?? '', /^built-in/);
  assert.ok(items.every((e) => e.kind === 'reference'));
});

test('sslRef offers ssl ids (not key stores); an unclosed quote still completes', () => {
  const items = complete(`${HEAD}  <sslDefault sslRef="ou|\n</server>\n`, INCLUDED);
  assert.deepEqual(items.map((e) => e.label).sort(), ['defaultSSLConfig', 'outSSL']);
  assert.deepEqual(items[0].range?.start, { line: 3, character: 22 });
});

test('type after a key ring URL offers exactly its type; after a file path the file types', () => {
  const ring = complete('<server>\n  <keyStore id="k" location="safkeyringhw:///R" type="|"/>\n</server>\n');
  assert.deepEqual(
    ring.map((e) => e.label),
    ['JCECCARACFKS'],
  );
  const java11 = complete(
    '<server>\n  <keyStore id="k" location="safkeyringjcehybrid://U/R" type="|"/>\n</server>\n',
  );
  assert.deepEqual(
    java11.map((e) => e.label),
    ['JCEHYBRIDRACFKS'],
  );
  const file = complete('<server>\n  <keyStore id="k" location="key.jks" type="|"/>\n</server>\n');
  const labels = file.map((e) => e.label);
  assert.ok(labels.includes('PKCS12') && labels.includes('JKS'));
  assert.ok(!labels.some((l) => /RACFKS$/.test(l)), labels.join(' '));
});

test('sslProtocol: list values, the strong ones first, without those already in the list', () => {
  const first = complete('<server>\n  <ssl id="s" sslProtocol="|"/>\n</server>\n');
  const labels = first.map((e) => e.label);
  for (const v of SSL_PROTOCOL.listValues) {
    assert.ok(labels.includes(v), v);
  }
  const sorted = [...first].sort((x, y) => (x.sortText ?? '').localeCompare(y.sortText ?? ''));
  assert.deepEqual(
    sorted.slice(0, 2).map((e) => e.label),
    ['TLSv1.3', 'TLSv1.2'],
  );
  const second = complete('<server>\n  <ssl id="s" sslProtocol="TLSv1.3,TL|"/>\n</server>\n');
  const l2 = second.map((e) => e.label);
  assert.ok(!l2.includes('TLSv1.3'));
  assert.ok(l2.includes('TLSv1.2'));
  assert.ok(!l2.includes('SSL_TLSv2'), 'a JVM-default name is no list entry');
  // Only the entry being typed is replaced.
  assert.deepEqual(second[0].range, {
    start: { line: 1, character: 35 },
    end: { line: 1, character: 37 },
  });
});

test('enabledCiphers: cipher names the reference does not call weak, minus those listed', () => {
  const items = complete('<server>\n  <ssl id="s" enabledCiphers="TLS_AES_128_GCM_SHA256 |"/>\n</server>\n');
  const labels = items.map((e) => e.label);
  assert.ok(labels.includes('TLS_AES_256_GCM_SHA384'));
  assert.ok(labels.includes('TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'));
  assert.ok(!labels.includes('TLS_AES_128_GCM_SHA256'));
  for (const l of labels) {
    assert.ok(!classifyCipher(l).some((w) => w.severity !== 'info'), l);
  }
});

test('enumerated and boolean values, attribute names and nested element names', () => {
  const level = complete('<server>\n  <ssl id="s" securityLevel="|"/>\n</server>\n');
  assert.deepEqual(level.map((e) => e.label).sort(), ['CUSTOM', 'HIGH', 'LOW', 'MEDIUM']);
  const bool = complete('<server>\n  <keyStore id="k" readOnly="|"/>\n</server>\n');
  assert.deepEqual(
    bool.map((e) => e.label),
    ['true', 'false'],
  );
  const attrs = complete('<server>\n  <keyStore id="k" loc|\n</server>\n');
  const names = attrs.map((e) => e.label);
  assert.ok(names.includes('location') && names.includes('fileBased'));
  assert.ok(!names.includes('id'), 'already written');
  const nested = complete('<server>\n  <ssl id="s">\n    <tr|\n  </ssl>\n</server>\n');
  assert.deepEqual(nested.map((e) => e.label).sort(), ['keyStore', 'outboundConnection', 'trustStore']);
});

test('nothing inside text, comments, closed tags or unknown elements', () => {
  assert.deepEqual(complete('<server>\n  <!-- <ssl keyStoreRef="| -->\n</server>\n'), []);
  assert.deepEqual(complete('<server>\n  <ssl id="s"/>\n  |\n</server>\n'), []);
  assert.deepEqual(complete('<server>\n  <application location="|"/>\n</server>\n'), []);
  assert.deepEqual(complete('|'), []);
});

test('a position past the end of its line completes at the line end, with ranges inside the line', () => {
  const text = '<server>\n  <\n</server>';
  const a = analyzeLiberty(text, `file://${DIR}/server.xml`, {});
  const items = libertyComplete(a, { line: 1, character: 10 });
  assert.ok(items.length > 0, 'element names are offered after the <');
  for (const item of items) {
    const r = item.range;
    if (r) {
      assert.ok(
        r.start.line === 1 && r.end.line === 1 && r.end.character <= 3,
        `${item.label}: ${JSON.stringify(r)}`,
      );
    }
  }
});
