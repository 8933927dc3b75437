import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEdits, findingsOf, server, textAt } from './helpersA';

const RULE = 'liberty/invalid-protocol';
const findings = (text: string) => findingsOf(RULE, text);
const ssl = (value: string) =>
  server(`<ssl id="s" keyStoreRef="k" sslProtocol="${value}"/>\n<keyStore id="k"/>`);

test('a list entry outside TLSv1…TLSv1.3 is an error naming CWPKI0832E', () => {
  for (const [value, bad] of [
    ['TLSv1.2,SSLv3', "'SSLv3'"],
    ['TLSv1.2,TLS', "'TLS'"],
    ['tlsv1.2,TLSv1.3', "'tlsv1.2'"],
    ['TLSv1.2,,TLSv1.3', '(an empty entry)'],
    ['TLSv1.2;TLSv1.3,TLSv1.3', "'TLSv1.2;TLSv1.3'"],
  ]) {
    const text = ssl(value);
    const [f, ...rest] = findings(text);
    assert.equal(rest.length, 0, value);
    assert.equal(f.severity, 'error', value);
    assert.equal(textAt(text, f), value);
    assert.ok(f.message.includes(`holding ${bad}`), `${value}: ${f.message}`);
    assert.match(f.message, /CWPKI0832E/);
  }
});

test('an unknown single value is an error naming CWPKI0831E; known names in any case are not', () => {
  for (const v of ['TLSv1.4', 'TLSv12', 'TLS 1.2', 'TLSv1.2 TLSv1.3']) {
    const [f] = findings(ssl(v));
    assert.ok(f, v);
    assert.match(f.message, /CWPKI0831E/);
  }
  for (const v of ['TLSv1.2', 'tlsv1.3', 'TLS', 'SSL_TLSv2', 'SSLv3', 'TLSv1']) {
    assert.deepEqual(findings(ssl(v)), [], v);
  }
});

test('blanks around the commas are a warning with the tight list as fix', () => {
  const text = ssl('TLSv1.3, TLSv1.2');
  const [f] = findings(text);
  assert.equal(f.severity, 'warning');
  assert.match(f.message, /not certain/);
  const fixed = applyEdits(text, f.fixes![0].edits);
  assert.match(fixed, /sslProtocol="TLSv1\.3,TLSv1\.2"/);
  assert.deepEqual(findings(fixed), []);
});

test('quiet on valid lists and variables', () => {
  for (const v of ['TLSv1.2,TLSv1.3', 'TLSv1.1,TLSv1.2', '${protocols}', '{{ .protocols }}']) {
    assert.deepEqual(findings(ssl(v)), [], v);
  }
});
