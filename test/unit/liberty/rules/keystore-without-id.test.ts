import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SERVER, SERVER_XML, findingsOf, server, textAt } from './helpersA';

const RULE = 'liberty/keystore-without-id';
const findings = (text: string, uri?: string, files?: Record<string, string>) =>
  findingsOf(RULE, text, uri, files);

test('a top-level keyStore without id is a warning on its name, one per element', () => {
  const text = server('<keyStore password="{aes}x"/>\n<keyStore location="t.p12"/>\n<keyStore id="k"/>');
  const fs = findings(text);
  assert.deepEqual(
    fs.map((f) => [f.range.start.line, textAt(text, f), f.severity]),
    [
      [1, 'keyStore', 'warning'],
      [2, 'keyStore', 'warning'],
    ],
  );
  assert.match(fs[0].message, /missing id field/);
  assert.match(fs[0].message, /Give it an id/);
});

test('quiet: keyStore with an id, keyStore/trustStore nested in ssl, an id from a variable, a commented-out keyStore', () => {
  const text = server(
    [
      '<keyStore id="k" location="k.p12"/>',
      '<keyStore id="${ks.id}" location="v.p12"/>',
      '<ssl id="s"><keyStore location="n.p12"/><trustStore location="t.p12"/></ssl>',
      '<!-- <keyStore password=""/> -->',
    ].join('\n'),
  );
  assert.deepEqual(findings(text), []);
});

test('an id-less keyStore in an include is reported there, not in server.xml', () => {
  const files = {
    [`${SERVER}/server.xml`]: server('<include location="ks.xml"/>'),
    [`${SERVER}/ks.xml`]: server('<keyStore location="k.p12"/>'),
  };
  assert.deepEqual(findings(files[`${SERVER}/server.xml`], SERVER_XML, files), []);
  assert.equal(findings(files[`${SERVER}/ks.xml`], `file://${SERVER}/ks.xml`, files).length, 1);
});
