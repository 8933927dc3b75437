// The facade's Liberty branch (issue 4): which documents reach analyzeLiberty, and a cached
// analysis that is kept only while the files it reads are the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createLanguageService } from '../../server/src/service';
import type { ConfigFileReader, VersionedConfigFileReader } from '../../server/src/service';

const SERVER =
  '<server>\n  <featureManager><feature>transportSecurity-1.0</feature></featureManager>\n</server>\n';

test('a Liberty document gets a liberty analysis; other XML gets none and no findings', () => {
  const service = createLanguageService();
  const a = service.analyze({ uri: 'file:///s/server.xml', languageId: 'xml', text: SERVER, version: 1 });
  assert.equal(a.language, 'xml');
  assert.ok(a.liberty, 'analyzeLiberty ran');
  assert.equal(a.attls, undefined);
  assert.equal(a.racf, undefined);
  const web = service.analyze({
    uri: 'file:///s/web.xml',
    languageId: 'xml',
    text: '<web-app>\nTTLSRule r\n{\n}\n</web-app>\n',
    version: 1,
  });
  assert.equal(web.language, undefined);
  assert.equal(web.liberty, undefined);
  assert.deepEqual(web.findings, []);
});

test('features without a Liberty version answer nothing for Liberty documents', () => {
  const service = createLanguageService();
  const input = { uri: 'file:///s/server.xml', languageId: 'xml', text: SERVER, version: 1 };
  const pos = { line: 1, character: 20 };
  assert.deepEqual(service.complete(input, pos), []);
  assert.deepEqual(service.symbols(input), []);
  assert.equal(service.effectivePolicy(input), undefined);
  assert.deepEqual(service.rename(input, pos, 'x'), { error: 'Nothing to rename here.' });
});

test('the cached Liberty analysis lasts as long as the reader generation', () => {
  const service = createLanguageService();
  const reader: VersionedConfigFileReader & { generation: number } = {
    generation: 0,
    read: () => undefined,
  };
  service.setConfigFiles(reader);
  const input = { uri: 'file:///s/server.xml', languageId: 'xml', text: SERVER, version: 1 };
  const first = service.analyze(input);
  assert.equal(service.analyze(input), first, 'same version, same files: the cached analysis');
  reader.generation++;
  const second = service.analyze(input);
  assert.notEqual(second, first, 'an included file changed: analysed again');
  assert.equal(service.analyze(input), second);

  // An AT-TLS document reads no files: a Liberty change keeps its analysis.
  const policy = { uri: 'file:///p/a.ttls', languageId: 'attls', text: 'TTLSRule r\n{\n}\n', version: 1 };
  const p1 = service.analyze(policy);
  reader.generation++;
  assert.equal(service.analyze(policy), p1);
});

test('a reader without a generation is never trusted for a cached Liberty analysis', () => {
  const service = createLanguageService();
  const reader: ConfigFileReader = { read: () => undefined };
  const input = { uri: 'file:///s/server.xml', languageId: 'xml', text: SERVER, version: 1 };
  const first = service.analyze(input, { configFiles: reader });
  assert.notEqual(service.analyze(input, { configFiles: reader }), first);
  // No reader at all: the document alone, cached by version as before.
  const alone = service.analyze(input);
  assert.equal(service.analyze(input), alone);
});
