// Liberty go to definition, references and outline (issue 4): ids resolve across include files
// (Locations carry the other file's uri, the document's own uri as the editor gave it), merged
// declarations of one id are all definitions, built-ins have no location, variables resolve.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeLiberty } from '../../../server/src/service/liberty/analyze';
import {
  libertyDefinition,
  libertyReferences,
  libertySymbols,
} from '../../../server/src/service/liberty/navigation';
import type { Location } from '../../../server/src/service/features';
import { createLanguageService } from '../../../server/src/service';
import { at, reader } from './testing';

const DIR = '/wlp/usr/servers/s1';
const SERVER_URI = `file://${DIR}/server.xml`;
const STORES_URI = `file://${DIR}/tls/stores.xml`;

const SERVER = [
  '<server>',
  '  <variable name="ringId" value="ringKS"/>',
  '  <include location="tls/stores.xml"/>',
  '  <ssl id="webSSL" keyStoreRef="ringKS" trustStoreRef="${ringId}"/>',
  '  <sslDefault sslRef="webSSL" outboundSSLRef="defaultSSLConfig"/>',
  '  <keyStore id="ringKS" readOnly="true"/>',
  '</server>',
  '',
].join('\n');

const STORES = [
  '<server>',
  '  <keyStore id="ringKS" location="safkeyring:///WebRing" type="JCERACFKS"/>',
  '  <sslOptions id="opts" sslRef="webSSL"/>',
  '</server>',
  '',
].join('\n');

const FILES = { [`${DIR}/server.xml`]: SERVER, [`${DIR}/tls/stores.xml`]: STORES };

function analysis(uri = SERVER_URI, text = SERVER) {
  return analyzeLiberty(text, uri, { configFiles: reader(FILES) });
}

const show = (ls: Location[]): string[] =>
  ls.map(
    (l) => `${l.uri.slice(l.uri.lastIndexOf('/') + 1)}:${l.range.start.line}:${l.range.start.character}`,
  );

test('definition of a reference goes to every declaration of the merged id, across files', () => {
  const defs = libertyDefinition(analysis(), at(SERVER, 'ringKS', 2, 1), 'untitled:as-the-editor-said');
  // Merge order: server.xml's own elements come after the include it reads first.
  assert.deepEqual(show(defs).sort(), ['stores.xml:1:16', 'untitled:as-the-editor-said:5:16'].sort());
  const other = defs.find((l) => l.uri !== 'untitled:as-the-editor-said');
  assert.equal(other?.uri, STORES_URI);
  assert.equal(STORES.split('\n')[1].slice(16, 22), 'ringKS');
});

test('a reference through a variable resolves; a built-in has no location', () => {
  const viaVariable = libertyDefinition(analysis(), at(SERVER, '${ringId}', 2), SERVER_URI);
  assert.equal(viaVariable.length, 2);
  assert.deepEqual(libertyDefinition(analysis(), at(SERVER, 'defaultSSLConfig', 2), SERVER_URI), []);
});

test('definition from the include file leads back into server.xml', () => {
  // The model finds the including server.xml next to the file (not from a subdirectory).
  const files = {
    [`${DIR}/server.xml`]: SERVER.replace('tls/stores.xml', 'stores.xml'),
    [`${DIR}/stores.xml`]: STORES,
  };
  const uri = `file://${DIR}/stores.xml`;
  const a = analyzeLiberty(STORES, uri, { configFiles: reader(files) });
  assert.equal(a.model.isFragment, false, 'merged from the server.xml next to it');
  const defs = libertyDefinition(a, at(STORES, 'webSSL', 2), uri);
  assert.deepEqual(show(defs), ['server.xml:3:11']);
  assert.equal(defs[0].uri, SERVER_URI);
});

test('definition from an include in a sub-directory leads back into server.xml', () => {
  // tls/stores.xml has no server.xml beside it: the one a directory up includes it.
  const a = analyzeLiberty(STORES, STORES_URI, { configFiles: reader(FILES) });
  assert.equal(a.model.isFragment, false, 'merged from the server.xml above it');
  const defs = libertyDefinition(a, at(STORES, 'webSSL', 2), STORES_URI);
  assert.deepEqual(show(defs), ['server.xml:3:11']);
  assert.equal(defs[0].uri, SERVER_URI);
});

test('outline of 10,000 nested elements: no stack overflow, nesting cut at the merge bound', () => {
  const depth = 10_000;
  const text = '<server>' + '<ssl>'.repeat(depth) + '</ssl>'.repeat(depth) + '</server>';
  let levels = 0;
  for (let s = libertySymbols(analyzeLiberty(text, SERVER_URI, {}))[0]; s; s = s.children?.[0]) {
    levels++;
  }
  assert.ok(levels > 1 && levels < 100, `${levels} levels`);
});

test('references of an id: every …Ref naming it in every file, declarations on request', () => {
  const a = analysis();
  const pos = at(SERVER, 'webSSL', 2);
  assert.deepEqual(show(libertyReferences(a, pos, false, SERVER_URI)).sort(), [
    'server.xml:4:22',
    'stores.xml:2:32',
  ]);
  assert.deepEqual(show(libertyReferences(a, pos, true, SERVER_URI)).sort(), [
    'server.xml:3:11',
    'server.xml:4:22',
    'stores.xml:2:32',
  ]);
  // The key store: named directly and through ${ringId}; sslRef values are not key store refs.
  const ks = libertyReferences(a, at(SERVER, 'ringKS', 2, 1), false, SERVER_URI);
  assert.deepEqual(show(ks).sort(), ['server.xml:3:32', 'server.xml:3:55']);
});

test('definition on an include location opens the file it reads', () => {
  const defs = libertyDefinition(analysis(), at(SERVER, 'tls/stores.xml', 2), SERVER_URI);
  assert.deepEqual(defs, [
    { uri: STORES_URI, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } },
  ]);
  const missing = SERVER.replace('tls/stores.xml', 'tls/none.xml');
  const a = analyzeLiberty(missing, SERVER_URI, { configFiles: reader(FILES) });
  assert.deepEqual(libertyDefinition(a, at(missing, 'tls/none.xml', 2), SERVER_URI), []);
});

test('nothing outside an id or a reference value', () => {
  const a = analysis();
  assert.deepEqual(libertyDefinition(a, at(SERVER, 'keyStoreRef', 2), SERVER_URI), []);
  assert.deepEqual(libertyReferences(a, { line: 0, character: 2 }, true, SERVER_URI), []);
});

test('outline: TLS elements with their ids and includes; passwords never in the details', () => {
  const text =
    '<server>\n  <include location="tls.xml"/>\n  <keyStore id="k" location="key.p12" password="s3cret"/>\n  <ssl id="s" keyStoreRef="k">\n    <trustStore id="t" location="trust.p12"/>\n  </ssl>\n  <application location="a.war"/>\n</server>\n';
  const symbols = libertySymbols(analyzeLiberty(text, SERVER_URI, {}));
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['include', 'keyStore k', 'ssl s'],
  );
  assert.deepEqual(
    symbols[2].children.map((s) => s.name),
    ['trustStore t'],
  );
  assert.doesNotMatch(JSON.stringify(symbols), /s3cret/);
});

test('the facade returns Liberty locations with the other file uri and the input uri', () => {
  const service = createLanguageService();
  service.setConfigFiles(reader(FILES));
  const input = { uri: SERVER_URI, languageId: 'xml', text: SERVER, version: 1 };
  assert.deepEqual(show(service.definition(input, at(SERVER, 'ringKS', 2, 1))).sort(), [
    'server.xml:5:16',
    'stores.xml:1:16',
  ]);
  assert.equal(service.references(input, at(SERVER, 'webSSL', 2), false).length, 2);
  assert.ok(service.symbols(input).length >= 3);
  assert.ok(service.hover(input, at(SERVER, 'ringKS', 2, 1))?.contents.includes('tls/stores.xml'));
  assert.ok(service.complete(input, at(SERVER, 'ringKS"', 0, 1)).some((e) => e.label === 'ringKS'));
});
