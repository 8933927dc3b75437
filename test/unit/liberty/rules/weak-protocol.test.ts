import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, findingsOf, server, textAt } from './helpersA';

const RULE = 'liberty/weak-protocol';
const findings = (text: string, uri?: string) => findingsOf(RULE, text, uri);
const withKs = (ssl: string) => server(`${ssl}\n<keyStore id="k" location="k.p12"/>`);

test('weak protocols in sslProtocol are a warning with the TLSv1.2,TLSv1.3 fix', () => {
  for (const [value, named] of [
    ['TLSv1', 'TLSv1'],
    ['TLSv1.1,TLSv1.2', 'TLSv1.1'],
    ['TLSv1,TLSv1.1,TLSv1.2', 'TLSv1, TLSv1.1'],
    ['SSLv3', 'SSLv3'],
    ['SSL', 'SSL'],
    ['SSL_TLS', 'SSL_TLS'],
    ['tlsv1', 'tlsv1'],
  ]) {
    const text = withKs(`<ssl id="s" keyStoreRef="k" sslProtocol="${value}"/>`);
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0, value);
    assert.equal(f.severity, 'warning', value);
    assert.equal(textAt(text, f), value);
    assert.match(f.message, new RegExp(`allows ${named}:`), value);
    assert.match(f.message, /V-250323/);
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.match(fixed, /sslProtocol="TLSv1\.2,TLSv1\.3"/);
    assert.deepEqual(findings(fixed), []);
  }
});

test('SSLv3 inside a list is left to liberty/invalid-protocol (Liberty rejects it outright)', () => {
  assert.deepEqual(findings(withKs('<ssl id="s" keyStoreRef="k" sslProtocol="TLSv1.2,SSLv3"/>')), []);
});

test('JVM default (unset, TLS, SSL_TLSv2) on an inbound repertoire is information', () => {
  const unset = withKs('<ssl id="defaultSSLConfig" keyStoreRef="k"/>');
  const [f] = findings(unset);
  assert.equal(f.severity, 'information');
  assert.equal(textAt(unset, f), 'ssl', 'on the element name');
  assert.match(f.message, /sets no sslProtocol/);
  const fixed = applyEdits(unset, f.fixes![0].edits);
  assert.match(fixed, /<ssl sslProtocol="TLSv1\.2,TLSv1\.3" id="defaultSSLConfig"/);
  assert.deepEqual(findings(fixed), []);
  for (const v of ['TLS', 'SSL_TLSv2']) {
    const text = withKs(`<sslDefault sslRef="in"/>\n<ssl id="in" keyStoreRef="k" sslProtocol="${v}"/>`);
    const [g] = findings(text);
    assert.equal(g.severity, 'information', v);
    assert.equal(textAt(text, g), v);
  }
  // an sslOptions' repertoire is inbound too
  const opts = withKs('<sslOptions id="o" sslRef="ep"/>\n<ssl id="ep" keyStoreRef="k"/>');
  assert.equal(findings(opts).length, 1);
});

test('quiet: TLSv1.2/1.3, outbound-only repertoires, fragments, variables', () => {
  for (const text of [
    withKs('<ssl id="defaultSSLConfig" keyStoreRef="k" sslProtocol="TLSv1.2,TLSv1.3"/>'),
    withKs('<ssl id="defaultSSLConfig" keyStoreRef="k" sslProtocol="TLSv1.3"/>'),
    withKs(
      '<sslDefault sslRef="in" outboundSSLRef="out"/>\n<ssl id="in" keyStoreRef="k" sslProtocol="TLSv1.2"/>\n<ssl id="out" keyStoreRef="k"/>',
    ),
    withKs('<ssl id="s" keyStoreRef="k" sslProtocol="${proto}"/>'),
    withKs('<ssl id="s" keyStoreRef="k" sslProtocol="{{ .proto }}"/>'),
  ]) {
    assert.deepEqual(findings(text), [], text);
  }
  // a fragment's ssl may get its sslProtocol from the server.xml that includes it
  assert.deepEqual(
    findings(withKs('<ssl id="defaultSSLConfig" keyStoreRef="k"/>'), 'file:///tmp/tls.xml'),
    [],
  );
});
