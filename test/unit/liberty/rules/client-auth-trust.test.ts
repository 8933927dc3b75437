import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, server, textAt } from './helpersA';

const RULE = 'liberty/client-auth-trust';
const findings = (text: string) => findingsOf(RULE, text);

test('client certificates required against a file key store that doubles as trust store: warning on the flag', () => {
  const text = server(
    '<ssl id="s" keyStoreRef="k" clientAuthentication="true"/>\n<keyStore id="k" location="key.p12" password="{aes}x"/>',
  );
  const [f, ...rest] = findings(text);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.equal(f.range.start.line, 1);
  assert.equal(textAt(text, f), 'true');
  assert.match(f.message, /requires client certificates/);
  assert.match(f.message, /Set trustStoreRef/);
});

test('requested (Supported) counts too, and naming the key store as trustStoreRef is the same as leaving it out', () => {
  const text = server(
    '<ssl id="s" keyStoreRef="k" trustStoreRef="k" clientAuthenticationSupported="true"/>\n<keyStore id="k" location="key.p12"/>',
  );
  const [f] = findings(text);
  assert.match(f.message, /requests client certificates/);
  assert.match(f.message, /its trustStoreRef names its key store/);
});

test('the generated default key store, and trustDefaultCerts, are named in the message', () => {
  const text = server(
    '<ssl id="defaultSSLConfig" clientAuthentication="true" trustDefaultCerts="true"/>\n<keyStore id="defaultKeyStore" password="{aes}x"/>',
  );
  const [f] = findings(text);
  assert.match(f.message, /self-signed certificate/);
  assert.match(f.message, /public CAs/);
});

test('both flags true: information on the redundant Supported flag', () => {
  const text = server(
    '<ssl id="s" keyStoreRef="k" trustStoreRef="t" clientAuthentication="true" clientAuthenticationSupported="true"/>\n<keyStore id="k" location="k.p12"/>\n<keyStore id="t" location="t.p12"/>',
  );
  const [f, ...rest] = findings(text);
  assert.equal(rest.length, 0, 'a separate trust store: only the redundancy');
  assert.equal(f.severity, 'information');
  assert.equal(f.range.start.character, text.split('\n')[1].indexOf('clientAuthenticationSupported="') + 31);
  assert.deepEqual(f.tags, ['unnecessary']);
});

test('quiet: separate trust store, SAF key ring, variables, unknown ids, flags off', () => {
  for (const body of [
    '<ssl id="s" keyStoreRef="k" trustStoreRef="t" clientAuthentication="true"/><keyStore id="k" location="k.p12"/><keyStore id="t" location="t.p12"/>',
    '<ssl id="s" keyStoreRef="r" clientAuthentication="true"/><keyStore id="r" location="safkeyring:///R" type="JCERACFKS"/>',
    '<ssl id="s" keyStoreRef="k" trustStoreRef="{{ .trust }}" clientAuthenticationSupported="true"/><keyStore id="k" location="k.p12"/>',
    '<ssl id="s" keyStoreRef="k" clientAuthentication="${ca}"/><keyStore id="k" location="k.p12"/>',
    '<ssl id="s" keyStoreRef="k" clientAuthentication="true"/><keyStore id="k" location="${ks.loc}"/>',
    '<ssl id="s" keyStoreRef="missing" clientAuthentication="true"/>',
    '<ssl id="s" keyStoreRef="k" clientAuthentication="false" clientAuthenticationSupported="false"/><keyStore id="k" location="k.p12"/>',
  ]) {
    assert.deepEqual(findings(server(body)), [], body);
  }
});
