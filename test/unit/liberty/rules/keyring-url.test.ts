import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, findingsOf, server, textAt } from './helpersA';

const RULE = 'liberty/keyring-url';
const findings = (text: string) => findingsOf(RULE, text);
const ks = (location: string) =>
  server(`<keyStore id="k" location="${location}" type="JCERACFKS" fileBased="false"/>`);

test('malformed key ring URLs fire as errors, the message names whose ring each form is, and the fix rewrites it', () => {
  const cases: [string, RegExp, string | undefined][] = [
    ['safkeyring:/Liberty.KeyRing', /two slashes/, 'safkeyring:///Liberty.KeyRing'],
    ['safkeyring:Ring', /two slashes/, 'safkeyring:///Ring'],
    ['safkeyring:\\\\\\Ring', /backslash/, 'safkeyring:///Ring'],
    ['safkeyring:///', /ring name is empty/, undefined],
    ['safkeyring:///My Ring', /blank/, undefined],
    [' safkeyring:///Ring', /blanks before or after/, 'safkeyring:///Ring'],
    ['safkeyring:////Ring', /start with a letter/, 'safkeyring:///Ring'],
    ['safkeyring:///-Ring', /start with a letter/, undefined],
  ];
  for (const [url, problem, rewrite] of cases) {
    const text = ks(url);
    const [f, ...rest] = findings(text);
    assert.ok(f, url);
    assert.equal(rest.length, 0, url);
    assert.equal(f.severity, 'error', url);
    assert.equal(textAt(text, f), url);
    assert.match(f.message, problem, url);
    assert.match(
      f.message,
      /<scheme>:\/\/RING = accepted, normalised to <scheme>:\/\/\/RING \(RING is the ring, not an owner\)/,
    );
    if (rewrite) {
      assert.equal(f.fixes?.[0].title, `Rewrite as ${rewrite}`, url);
      assert.deepEqual(findings(applyEdits(text, f.fixes![0].edits)), [], url);
    } else {
      assert.equal(f.fixes, undefined, url);
    }
  }
});

test('a scheme not in lower case is a warning (an inference), with the lower-case fix', () => {
  const text = ks('SAFKEYRING:///Ring');
  const [f] = findings(text);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /not tested/);
  assert.equal(f.fixes?.[0].edits[0].newText, 'safkeyring:///Ring');
});

test('zosPasswordEncryptionKey keyring is checked too', () => {
  const text = server('<zosPasswordEncryptionKey keyring="safkeyring:/RING" type="JCERACFKS" label="AES"/>');
  const [f] = findings(text);
  assert.equal(textAt(text, f), 'safkeyring:/RING');
});

test('quiet on every accepted form, file paths and variables', () => {
  for (const url of [
    'safkeyring:///Liberty.KeyRing',
    'safkeyring://Liberty.KeyRing',
    'safkeyring://SRVUSER/Ring',
    'safkeyringjcehybrid:///R',
    'safkeyringhw://OWNER/R_1',
    'safkeyring:///${ring}',
    '${keyring.url}',
    '/u/liberty/key.p12',
  ]) {
    assert.deepEqual(findings(ks(url)), [], url);
  }
});

test('a URL from a variable is judged after substitution and reported on the attribute, without an edit', () => {
  const text = server(
    '<variable name="ring" value="safkeyring:/R"/>\n<keyStore id="k" location="${ring}" type="JCERACFKS"/>',
  );
  const [f] = findings(text);
  assert.match(f.message, /'\$\{ring\}' \(= 'safkeyring:\/R'\)/);
  assert.equal(f.fixes, undefined);
});
