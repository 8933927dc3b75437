import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVER, SERVER_XML, findingsOf, server, textAt } from './helpersA';

const RULE = 'liberty/ssl-without-keystore';
const findings = (text: string, uri?: string, files?: Record<string, string>) =>
  findingsOf(RULE, text, uri, files);

test('an ssl with neither keyStoreRef nor nested keyStore is an error on its name', () => {
  const text = server(
    '<ssl id="out" trustStoreRef="t" sslProtocol="TLSv1.2"/>\n<keyStore id="t" location="t.p12"/>',
  );
  const [f, ...rest] = findings(text);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'error');
  assert.equal(textAt(text, f), 'ssl');
  assert.match(f.message, /ssl 'out' has no keyStoreRef/);
  assert.match(f.message, /keyStoreRef="t"/, 'the only written key store is suggested');
});

test('quiet: defaultSSLConfig (built-in keyStoreRef), keyStoreRef written, nested keyStore, keyStoreRef from a variable', () => {
  const text = server(
    [
      '<ssl id="defaultSSLConfig" trustDefaultCerts="true"/>',
      '<ssl id="a" keyStoreRef="k"/>',
      '<ssl id="b"><keyStore location="n.p12"/></ssl>',
      '<ssl id="c" keyStoreRef="${ks}"/>',
      '<keyStore id="k" location="k.p12"/>',
    ].join('\n'),
  );
  assert.deepEqual(findings(text), []);
});

test('a keyStoreRef for the same id in an include satisfies it', () => {
  const files = {
    [`${SERVER}/server.xml`]: server('<include location="more.xml"/>\n<ssl id="s" sslProtocol="TLSv1.2"/>'),
    [`${SERVER}/more.xml`]: server('<ssl id="s" keyStoreRef="k"/>\n<keyStore id="k"/>'),
  };
  assert.deepEqual(findings(files[`${SERVER}/server.xml`], SERVER_XML, files), []);
});

test('in a fragment, or when an include could not be read, it is information', () => {
  const [f] = findings(server('<ssl id="s"/>'), 'file:///tmp/tls.xml');
  assert.equal(f.severity, 'information');
  assert.match(f.message, /not read here/);
  const [g] = findings(server('<include location="gone.xml"/>\n<ssl id="s"/>'));
  assert.equal(g.severity, 'information');
});

test('the other key stores are named, the first five only', () => {
  const stores = ['k1', 'k2', 'k3', 'k4', 'k5', 'k6', 'k7'];
  const text = server(
    [
      '<ssl id="a"/>',
      '<ssl id="b"/>',
      ...stores.map((k) => `<keyStore id="${k}" location="${k}.p12"/>`),
    ].join('\n'),
  );
  const all = findings(text);
  assert.equal(all.length, 2);
  for (const f of all) {
    assert.match(
      f.message,
      /keyStoreRef="defaultKeyStore" \(or another of 'k1', 'k2', 'k3', 'k4', 'k5', …\)/,
    );
  }
});
