import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVER, SERVER_XML, applyEdits, findingsOf, server, textAt } from './helpersA';

const RULE = 'liberty/keyring-type-mismatch';
const findings = (text: string, uri?: string, files?: Record<string, string>) =>
  findingsOf(RULE, text, uri, files);

// liberty-reference §6: both spellings of each handler, exactly.
const PAIRS: [string, string][] = [
  ['safkeyring', 'JCERACFKS'],
  ['safkeyringjce', 'JCERACFKS'],
  ['safkeyringhw', 'JCECCARACFKS'],
  ['safkeyringjcecca', 'JCECCARACFKS'],
  ['safkeyringhybrid', 'JCEHYBRIDRACFKS'],
  ['safkeyringjcehybrid', 'JCEHYBRIDRACFKS'],
];
const RACF_TYPES = ['JCERACFKS', 'JCECCARACFKS', 'JCEHYBRIDRACFKS'];

test('every scheme spelling (Java 8 and 11+) with its own type is quiet, with another RACF type fires with the right fix', () => {
  for (const [scheme, type] of PAIRS) {
    const ok = server(`<keyStore id="k" location="${scheme}:///R" type="${type}" fileBased="false"/>`);
    assert.deepEqual(findings(ok), [], `${scheme} + ${type}`);
    for (const other of RACF_TYPES.filter((t) => t !== type)) {
      const text = server(`<keyStore id="k" location="${scheme}:///R" type="${other}"/>`);
      const [f, ...rest] = findings(text);
      assert.equal(rest.length, 0);
      assert.equal(f.severity, 'error');
      assert.equal(textAt(text, f), other, 'reported on the type');
      assert.match(f.message, new RegExp(`needs type="${type}"`));
      assert.match(f.message, /CWPKI0033E/);
      assert.equal(f.fixes?.[0].title, `Set type="${type}"`);
      assert.deepEqual(findings(applyEdits(text, f.fixes![0].edits)), [], 'the fix silences it');
    }
  }
});

test('a key ring URL with a file type or with no type (default PKCS12) fires', () => {
  for (const type of ['PKCS12', 'JKS', 'jceks']) {
    const text = server(`<keyStore id="k" location="safkeyring:///R" type="${type}"/>`);
    assert.equal(findings(text).length, 1, type);
  }
  const text = server('<keyStore id="k" location="safkeyringjce://USER/R" password="password"/>');
  const [f] = findings(text);
  assert.equal(textAt(text, f), 'safkeyringjce://USER/R', 'no type written: reported on the location');
  assert.match(f.message, /not set, so the default 'PKCS12' applies/);
  const fixed = applyEdits(text, f.fixes![0].edits);
  assert.match(fixed, /<keyStore type="JCERACFKS" id="k"/);
  assert.deepEqual(findings(fixed), []);
});

test('a RACF type with a file path, or with no location, fires on the type without a fix', () => {
  const text = server('<keyStore id="k" location="${server.config.dir}/key.p12" type="JCERACFKS"/>');
  const [f] = findings(text);
  assert.equal(textAt(text, f), 'JCERACFKS');
  assert.match(f.message, /file path/);
  assert.match(f.message, /safkeyring:\/\/\/RING/);
  assert.equal(f.fixes, undefined);
  const [g] = findings(server('<keyStore id="k" type="JCECCARACFKS"/>'));
  assert.match(g.message, /not set, so Liberty looks for the default key\.p12/);
  assert.match(g.message, /safkeyringhw:\/\/\/RING/);
  // in a fragment the location may be in a file we cannot see
  assert.deepEqual(findings(server('<keyStore id="k" type="JCERACFKS"/>'), 'file:///tmp/keys.xml'), []);
});

test('does not fire on variables, file stores, or mistakes other rules own', () => {
  const quiet = [
    '<keyStore id="a" location="${ring.url}" type="JCERACFKS"/>',
    '<keyStore id="b" location="safkeyring:///R" type="${ks.type}"/>',
    '<keyStore id="c" location="{{ .ring }}" type="JCERACFKS"/>',
    '<keyStore id="d" location="key.p12" type="PKCS12"/>',
    '<keyStore id="e" location="key.jks" type="jks"/>',
    // lower-case RACF type: liberty/keyring-filebased
    '<keyStore id="f" location="safkeyring:///R" type="jceracfks"/>',
    // mis-cased scheme: liberty/keyring-url
    '<keyStore id="g" location="SAFKEYRING:///R" type="JCECCARACFKS"/>',
  ];
  for (const body of quiet) {
    assert.deepEqual(findings(server(body)), [], body);
  }
});

test('across files: reported where the written attribute is, fixed only in this file', () => {
  const files = {
    [`${SERVER}/server.xml`]: server(
      '<include location="ring.xml"/>\n<keyStore id="k" location="safkeyringhw:///R"/>',
    ),
    [`${SERVER}/ring.xml`]: server('<keyStore id="k" type="JCERACFKS"/>'),
  };
  const [f] = findings(files[`${SERVER}/server.xml`], SERVER_XML, files);
  assert.equal(f.range.start.line, 2, 'on the location in server.xml');
  assert.equal(f.fixes, undefined, 'the type is in ring.xml: no edit here');
  const [g] = findings(files[`${SERVER}/ring.xml`], `file://${SERVER}/ring.xml`, files);
  assert.equal(g.range.start.line, 1, 'on the type in ring.xml');
  assert.equal(g.fixes?.[0].edits[0].newText, 'JCECCARACFKS');
});
