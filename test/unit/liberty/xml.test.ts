import { test } from 'node:test';
import assert from 'node:assert/strict';
import { attrOf, decodeEntities, parseXml, walk } from '../../../server/src/service/liberty/xml';

const URI = 'file:///srv/wlp/usr/servers/s1/server.xml';

const LF = [
  '<server>',
  '  <!-- zos-tls-disable-next-line liberty/password -->',
  '  <keyStore id="ks" password="a&amp;b" location="safkeyring:///Ring"/>',
  '  <ssl id="s" keyStoreRef="ks">',
  '    <outboundConnection host="h" port="1"/>',
  '  </ssl>',
  '</server>',
].join('\n');

test('attribute names and values get exact ranges (value range inside the quotes)', () => {
  const doc = parseXml(LF, URI);
  const ks = doc.root!.children[0];
  assert.equal(ks.name, 'keyStore');
  assert.deepEqual(ks.nameRange, { start: { line: 2, character: 3 }, end: { line: 2, character: 11 } });
  const loc = attrOf(ks, 'location')!;
  assert.equal(loc.value, 'safkeyring:///Ring');
  assert.deepEqual(loc.valueRange, { start: { line: 2, character: 49 }, end: { line: 2, character: 67 } });
  assert.deepEqual(loc.nameRange, { start: { line: 2, character: 39 }, end: { line: 2, character: 47 } });
  assert.deepEqual(loc.range, { start: { line: 2, character: 39 }, end: { line: 2, character: 68 } });
  assert.equal(doc.source.getText(loc.valueRange), 'safkeyring:///Ring');
  assert.equal(ks.uri, URI);
  assert.equal(ks.parent, doc.root);
  assert.ok(ks.complete);
  assert.equal(doc.problems.length, 0);
});

test('nested elements keep their parent and the element range spans the closing tag', () => {
  const doc = parseXml(LF, URI);
  const ssl = doc.root!.children[1];
  assert.equal(ssl.children[0].name, 'outboundConnection');
  assert.equal(ssl.children[0].parent, ssl);
  assert.deepEqual(ssl.range, { start: { line: 3, character: 2 }, end: { line: 5, character: 8 } });
  assert.deepEqual(
    [...walk(doc.root)].map((e) => e.name),
    ['server', 'keyStore', 'ssl', 'outboundConnection'],
  );
});

test('comments are kept with their text and range', () => {
  const doc = parseXml(LF, URI);
  assert.equal(doc.comments.length, 1);
  assert.equal(doc.comments[0].text.trim(), 'zos-tls-disable-next-line liberty/password');
  assert.equal(doc.comments[0].range.start.line, 1);
  assert.equal(doc.comments[0].range.start.character, 2);
});

test('CR-only and CRLF files give the same positions as LF', () => {
  const lf = parseXml(LF, URI);
  for (const eol of ['\r', '\r\n']) {
    const other = parseXml(LF.replace(/\n/g, eol), URI);
    const strip = (d: typeof lf) =>
      [...walk(d.root)].map((e) => ({
        name: e.name,
        nameRange: e.nameRange,
        range: e.range,
        attrs: e.attributes.map((a) => [a.name, a.value, a.nameRange, a.valueRange, a.range]),
      }));
    assert.deepEqual(strip(other), strip(lf), JSON.stringify(eol));
    assert.deepEqual(
      other.comments.map((c) => c.range),
      lf.comments.map((c) => c.range),
    );
  }
});

test('entities in attribute values are decoded', () => {
  const doc = parseXml(LF, URI);
  assert.equal(attrOf(doc.root!.children[0], 'password')!.value, 'a&b');
  assert.equal(decodeEntities('&lt;&gt;&quot;&apos;&#65;&#x42;&unknown;'), `<>"'AB&unknown;`);
  assert.equal(decodeEntities('&#0;'), '&#0;');
});

test('an unfinished document still gives its complete elements', () => {
  const text =
    '<server>\n  <ssl id="s" keyStoreRef="ks"/>\n  <keyStore id="ks" password="x"/>\n  <keyStore id="k2" pass';
  const doc = parseXml(text, URI);
  const names = doc.root!.children.map((c) => [c.name, c.complete]);
  assert.deepEqual(names, [
    ['ssl', true],
    ['keyStore', true],
    ['keyStore', false],
  ]);
  // the attribute being typed has no value yet and is left out; the finished one is kept
  assert.deepEqual(
    doc.root!.children[2].attributes.map((a) => a.name),
    ['id'],
  );
  assert.ok(doc.problems.length > 0);
});

test('an open element with children but no end tag keeps its finished children', () => {
  const doc = parseXml('<server><ssl id="a" keyStoreRef="k"><keyStore id="k"/>', URI);
  const ssl = doc.root!.children[0];
  assert.equal(ssl.name, 'ssl');
  assert.ok(ssl.complete);
  assert.equal(ssl.children[0].name, 'keyStore');
});

test('empty, non-XML and deeply nested text never throws', () => {
  assert.equal(parseXml('', URI).root, undefined);
  parseXml('<<<>>>&&&"\'', URI);
  parseXml('just words', URI);
  // The tree is built with an explicit stack: nesting 50,000 deep is read whole, no overflow.
  const deep = parseXml('<a>'.repeat(50000) + '</a>'.repeat(50000), URI);
  assert.equal([...walk(deep.root)].length, 50000);
  assert.deepEqual(deep.problems, []);
  const fine = parseXml('<a>'.repeat(200) + '</a>'.repeat(200), URI);
  assert.equal([...walk(fine.root)].length, 200);
});
