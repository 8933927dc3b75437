import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOf, server, textAt } from './helpersA';

const RULE = 'liberty/password';
const findings = (text: string, uri?: string) => findingsOf(RULE, text, uri);
const SECRET = 'Sup3rSecretValue';

test('a plain-text key store password is a warning that never shows the password', () => {
  const text = server(`<keyStore id="k" location="key.p12" password="${SECRET}"/>`);
  const [f, ...rest] = findings(text);
  assert.equal(rest.length, 0);
  assert.equal(f.severity, 'warning');
  assert.equal(textAt(text, f), SECRET);
  assert.match(f.message, /plain text/);
  assert.match(f.message, /16 characters/);
  assert.match(f.message, /securityUtility encode --encoding=aes/);
  assert.ok(!f.message.includes(SECRET) && !f.message.includes('Sup3r'), 'never echoed');
});

test('keyEntry keyPassword is checked like the key store password', () => {
  const text = server(
    `<keyStore id="k" location="key.p12" password="{aes}AAA=">\n<keyEntry name="srv" keyPassword="${SECRET}"/>\n</keyStore>`,
  );
  const [f] = findings(text);
  assert.equal(f.range.start.line, 2);
  assert.ok(!f.message.includes(SECRET));
});

test('{xor} is information, {hash} on a key store is an error, {aes}/{custom}/${…} are quiet', () => {
  const [xor] = findings(server('<keyStore id="k" location="key.p12" password="{xor}PTA9Lyg7"/>'));
  assert.equal(xor.severity, 'information');
  assert.match(xor.message, /\{xor\}/);
  assert.ok(!xor.message.includes('PTA9Lyg7'), 'the encoded text is not shown either');
  const [hash] = findings(server('<keyStore id="k" location="key.p12" password="{hash}ATAAAAAIabc="/>'));
  assert.equal(hash.severity, 'error');
  assert.match(hash.message, /cannot be turned back/);
  for (const v of ['{aes}ARAtkn', '{custom:myEnc}abc', '${env.KS_PASSWORD}', '${ks.pw}']) {
    assert.deepEqual(findings(server(`<keyStore id="k" location="key.p12" password="${v}"/>`)), [], v);
  }
});

test('a variable that stands for a {hash} value is still an error; one that stands for plain text is the recommended indirection', () => {
  const hashed = server(
    '<variable name="pw" value="{hash}ATAAAAAI"/>\n<keyStore id="k" location="key.p12" password="${pw}"/>',
  );
  const [f] = findings(hashed);
  assert.equal(f.severity, 'error');
  assert.match(f.message, /from \$\{pw\}/);
  const plain = server(
    '<variable name="pw" value="secret"/>\n<keyStore id="k" location="key.p12" password="${pw}"/>',
  );
  assert.deepEqual(findings(plain), []);
});

test('never for SAF key rings (the password is ignored there), nor for key entries of a ring', () => {
  for (const body of [
    '<keyStore id="k" location="safkeyring:///R" type="JCERACFKS" password="password"/>',
    '<keyStore id="k" location="safkeyringhw://SRV/R" type="JCECCARACFKS" password="Liberty"/>',
    '<keyStore id="k" location="${ring}" type="JCERACFKS" password="password"/>',
    '<keyStore id="k" location="safkeyring:///R" type="JCERACFKS" password="{hash}ATAAAA"/>',
    '<keyStore id="k" location="safkeyring:///R" type="JCERACFKS"><keyEntry name="a" keyPassword="x1"/></keyStore>',
  ]) {
    assert.deepEqual(findings(server(body)), [], body);
  }
});

test('placeholders and templates are not passwords (reference false-error guards)', () => {
  for (const v of [
    'REPLACE',
    'PWD_TRUST',
    'CHANGE_ME',
    '{{ .password }}',
    '<your password>',
    '@KS_PASSWORD@',
    '',
  ]) {
    assert.deepEqual(
      findings(
        server(
          `<keyStore id="k" location="key.p12" password="${v.replace('<', '&lt;').replace('>', '&gt;')}"/>`,
        ),
      ),
      [],
      v,
    );
  }
  // a real password that happens to be a word is still reported
  assert.equal(findings(server('<keyStore id="k" location="key.p12" password="changeit"/>')).length, 1);
  assert.equal(findings(server('<keyStore id="k" location="key.p12" password="LIBERTY"/>')).length, 1);
});

test('a password set in an include is reported when the include is analysed, not in server.xml', () => {
  const files = {
    '/wlp/usr/servers/s1/server.xml': server('<include location="ks.xml"/>'),
    '/wlp/usr/servers/s1/ks.xml': server(`<keyStore id="k" location="key.p12" password="${SECRET}"/>`),
  };
  assert.deepEqual(findingsOf(RULE, files['/wlp/usr/servers/s1/server.xml'], undefined, files), []);
  assert.equal(
    findingsOf(RULE, files['/wlp/usr/servers/s1/ks.xml'], 'file:///wlp/usr/servers/s1/ks.xml', files).length,
    1,
  );
});
