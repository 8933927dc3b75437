import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, findingsOf, server, textAt } from './helpersA';

const RULE = 'liberty/keyring-filebased';
const findings = (text: string) => findingsOf(RULE, text);

test('fileBased="true" on a key ring or PKCS11 store fires with the fileBased="false" fix', () => {
  for (const body of [
    '<keyStore id="k" location="safkeyring:///R" type="JCERACFKS" fileBased="true"/>',
    '<keyStore id="k" location="safkeyringjcecca://SRV/R" type="JCECCARACFKS" fileBased="TRUE"/>',
    '<keyStore id="k" location="/etc/pkcs11.cfg" type="PKCS11" fileBased="true"/>',
  ]) {
    const text = server(body);
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0, body);
    assert.equal(f.severity, 'warning');
    assert.match(textAt(text, f), /^true$/i);
    assert.match(f.message, /Set fileBased="false"/);
    assert.equal(f.fixes?.[0].title, 'Set fileBased="false"');
    assert.deepEqual(findings(applyEdits(text, f.fixes![0].edits)), [], 'the fix silences it');
  }
});

test('a RACF or PKCS11 type not in exact upper case fires with the upper-case fix', () => {
  for (const [type, exact] of [
    ['jceracfks', 'JCERACFKS'],
    ['JceHybridRacfKs', 'JCEHYBRIDRACFKS'],
    ['pkcs11', 'PKCS11'],
  ]) {
    const text = server(`<keyStore id="k" location="safkeyring:///R" type="${type}" fileBased="false"/>`);
    const [f] = findings(text);
    assert.equal(textAt(text, f), type);
    assert.match(f.message, /case-sensitive/);
    assert.equal(f.fixes?.[0].edits[0].newText, exact);
  }
});

test('updateTrigger="polled" on a key ring fires; on a file store it does not', () => {
  const text = server(
    '<keyStore id="k" location="safkeyring:///R" type="JCERACFKS" updateTrigger="polled"/>',
  );
  const [f] = findings(text);
  assert.equal(textAt(text, f), 'polled');
  assert.match(f.message, /does not apply to a key ring/);
  assert.deepEqual(findings(server('<keyStore id="k" location="key.p12" updateTrigger="polled"/>')), []);
});

test('quiet on correct key rings, file stores (lower-case jks is legal), variables and a default fileBased', () => {
  for (const body of [
    '<keyStore id="a" location="safkeyring:///R" type="JCERACFKS" fileBased="false" readOnly="true"/>',
    '<keyStore id="b" location="safkeyring:///R" type="JCERACFKS"/>',
    '<keyStore id="c" location="key.jks" type="jks" fileBased="true"/>',
    '<keyStore id="d" location="safkeyring:///R" type="JCERACFKS" fileBased="${fb}"/>',
    '<keyStore id="e" location="safkeyring:///R" type="${t}" updateTrigger="mbean"/>',
    '<keyStore id="f" location="safkeyring:///R" type="JCERACFKS" readOnly="false"/>',
  ]) {
    assert.deepEqual(findings(server(body)), [], body);
  }
});
