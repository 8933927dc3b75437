// Liberty hovers (issue 4): what the merged configuration adds to the knowledge texts — where a
// reference resolves and from which file, built-ins, includes — and that each kind of position
// (element, attribute, value, list entry, comment message id, <feature> text) gets its own text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../server/src/service/liberty/analyze';
import { libertyHover } from '../../../server/src/service/liberty/hover';
import { at, reader } from './testing';

const DIR = '/wlp/usr/servers/s1';

function hover(files: Record<string, string>, file: string, needle: string, shift = 1, nth = 0) {
  const text = files[`${DIR}/${file}`];
  const a = analyzeLiberty(text, `file://${DIR}/${file}`, { configFiles: reader(files) });
  return libertyHover(a, at(text, needle, shift, nth));
}

const SERVER = [
  '<server>',
  '  <featureManager><feature>transportSecurity-1.0</feature></featureManager>',
  '  <include location="tls/keyrings.xml"/>',
  '  <!-- CWPKI0033E seen at start: check the ring -->',
  '  <ssl id="webSSL" keyStoreRef="ringKS" trustStoreRef="missingTS" sslProtocol="TLSv1.2,TLSv1.1"',
  '       enabledCiphers="TLS_AES_128_GCM_SHA256 TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"/>',
  '  <sslDefault sslRef="defaultSSLConfig"/>',
  '  <keyStore id="fileKS" location="key.p12" password="hunter2secret"/>',
  '</server>',
  '',
].join('\n');

const KEYRINGS = [
  '<server>',
  '  <keyStore id="ringKS" location="safkeyring://LIBSRV/WebRing" type="JCERACFKS" fileBased="false"/>',
  '</server>',
  '',
].join('\n');

const FILES = { [`${DIR}/server.xml`]: SERVER, [`${DIR}/tls/keyrings.xml`]: KEYRINGS };

test('a reference shows the element it resolves to and the file that defines it', () => {
  const h = hover(FILES, 'server.xml', 'ringKS');
  assert.ok(h);
  assert.match(h.contents, /<keyStore>/);
  assert.match(h.contents, /Defined in `tls\/keyrings\.xml` line 2/);
  assert.match(h.contents, /`location` = `safkeyring:\/\/LIBSRV\/WebRing`/);
  assert.equal(h.range?.start.line, 4);
});

test('a reference to a built-in says so; an unresolved one lists the ids there are', () => {
  const builtIn = hover(FILES, 'server.xml', 'defaultSSLConfig');
  assert.ok(builtIn);
  assert.match(builtIn.contents, /Built-in `<ssl id="defaultSSLConfig">`/);
  const missing = hover(FILES, 'server.xml', 'missingTS');
  assert.ok(missing);
  assert.match(missing.contents, /No `<keyStore>` has id `missingTS`/);
  assert.match(missing.contents, /`ringKS`/);
  assert.match(missing.contents, /`fileKS`/);
});

test('a password is never shown in full, in its own hover or in a reference hover', () => {
  const own = hover(FILES, 'server.xml', 'hunter2secret');
  assert.ok(own);
  assert.doesNotMatch(own.contents, /hunter2/);
  assert.match(own.contents, /13 characters/);
  const files = {
    ...FILES,
    [`${DIR}/server.xml`]: SERVER.replace('keyStoreRef="ringKS"', 'keyStoreRef="fileKS"'),
  };
  const ref = hover(files, 'server.xml', 'fileKS');
  assert.ok(ref);
  assert.match(ref.contents, /Defined in this file line 8/);
  assert.doesNotMatch(ref.contents, /hunter2/);
});

test('a key ring URL explains whose ring it is and the RACF access, in the include file too', () => {
  const h = hover(FILES, 'tls/keyrings.xml', 'safkeyring', 3);
  assert.ok(h);
  assert.match(h.contents, /owned by user `LIBSRV`/);
  assert.match(h.contents, /IRR\.DIGTCERT\.LISTRING/);
});

test('each sslProtocol and enabledCiphers entry explains itself, with its own range', () => {
  const weak = hover(FILES, 'server.xml', 'TLSv1.1', 2);
  assert.ok(weak);
  assert.match(weak.contents, /^\*\*TLSv1\.1\*\*/);
  assert.match(weak.contents, /Weak/);
  const text = SERVER.split('\n')[4];
  assert.equal(weak.range?.start.character, text.indexOf('TLSv1.1'));
  assert.equal(weak.range?.end.character, text.indexOf('TLSv1.1') + 'TLSv1.1'.length);
  const strong = hover(FILES, 'server.xml', 'TLSv1.2', 2);
  assert.ok(strong);
  assert.match(strong.contents, /^\*\*TLSv1\.2\*\*/);
  const cipher = hover(FILES, 'server.xml', 'TLS_ECDHE_RSA', 5);
  assert.ok(cipher);
  assert.match(cipher.contents, /^\*\*TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384\*\*/);
  const tls13 = hover(FILES, 'server.xml', 'TLS_AES_128', 3);
  assert.ok(tls13);
  assert.match(tls13.contents, /TLS 1\.3 suite/);
});

test('elements, attributes, a message id in a comment and a feature explain themselves', () => {
  const el = hover(FILES, 'server.xml', '<ssl ', 2);
  assert.match(el?.contents ?? '', /^\*\*<ssl>\*\*/);
  const attr = hover(FILES, 'server.xml', 'trustStoreRef', 2);
  assert.match(attr?.contents ?? '', /^\*\*trustStoreRef\*\*/);
  const msg = hover(FILES, 'server.xml', 'CWPKI0033E', 4);
  assert.match(msg?.contents ?? '', /^\*\*CWPKI0033E\*\*/);
  assert.equal(msg?.range?.start.character, SERVER.split('\n')[3].indexOf('CWPKI0033E'));
  const feature = hover(FILES, 'server.xml', 'transportSecurity-1.0', 4);
  assert.match(feature?.contents ?? '', /^\*\*transportSecurity-1\.0\*\* — Liberty feature/);
  const include = hover(FILES, 'server.xml', 'tls/keyrings.xml', 2);
  assert.match(include?.contents ?? '', /Reads `tls\/keyrings\.xml`/);
});

test('no hover outside anything known, and none on non-TLS elements', () => {
  const files = { [`${DIR}/server.xml`]: '<server>\n  <application location="a.war"/>\n\n</server>\n' };
  assert.equal(hover(files, 'server.xml', 'application', 2), undefined);
  assert.equal(hover(files, 'server.xml', 'a.war', 1), undefined);
  const text = files[`${DIR}/server.xml`];
  const a = analyzeLiberty(text, `file://${DIR}/server.xml`, {});
  assert.equal(libertyHover(a, { line: 2, character: 0 }), undefined);
  assert.equal(libertyHover(a, { line: 99, character: 3 }), undefined);
});
