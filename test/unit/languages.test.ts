import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage, xmlRootElement } from '../../server/src/service/languages';

test('AT-TLS is recognised from file names, data set members and Zowe paths', () => {
  for (const name of [
    '/etc/pagent.ttls.conf',
    'policy.attls',
    'x.TTLS',
    'zowe-ds:/prof/SYS1.TCPPARMS(TTLSPOL)',
    'zowe-ds:/prof/SYS1.TCPPARMS/TTLSPOL',
    'zowe-ds:/prof/SYS1.TCPPARMS/PAGENT.txt',
    '/etc/pagent.conf',
  ]) {
    assert.equal(detectLanguage(name, undefined), 'attls', name);
  }
  for (const name of ['zowe-ds:/prof/SYS1.PROCLIB/TCPIP', 'notes.txt', 'zowe-uss:/prof/u/me/web.xml']) {
    assert.equal(detectLanguage(name, ''), undefined, name);
  }
});

test('AT-TLS is recognised from content when the name says nothing', () => {
  assert.equal(detectLanguage('zowe-ds:/p/MY.PARMS/POLICY1', '# x\n  TTLSRule r\n{\n}\n'), 'attls');
  assert.equal(detectLanguage('untitled:1', 'TcpImage TCPIP /etc/image.conf FLUSH\n'), 'attls');
  assert.equal(detectLanguage('untitled:1', 'The TTLSRule statement is described below.\n'), undefined);
});

const LIBERTY =
  '<?xml version="1.0" encoding="UTF-8"?>\n<!-- TLS for z/OS Connect -->\n<server description="zcee">\n  <featureManager/>\n</server>\n';

test('Liberty configuration is recognised by name: server.xml and configDropins', () => {
  for (const name of [
    '/u/zcee/servers/zc1/server.xml',
    'zowe-uss:/prof/u/zcee/servers/zc1/server.xml',
    'C:\\wlp\\usr\\servers\\s1\\Server.xml',
    '/wlp/usr/servers/s1/configDropins/defaults/keystore.xml',
    '/wlp/usr/servers/s1/configDropins/overrides/tls.xml',
  ]) {
    assert.equal(detectLanguage(name, undefined), 'xml', name);
    assert.equal(detectLanguage(name, ''), 'xml', `${name} (empty, being written)`);
    assert.equal(detectLanguage(name, LIBERTY, 'xml'), 'xml', `${name} (language xml)`);
  }
  // Not Liberty's directories, or not XML: Liberty reads only *.xml from configDropins.
  for (const name of [
    '/wlp/usr/servers/s1/configDropins/other/tls.xml',
    '/wlp/usr/servers/s1/configDropins/overrides/readme.txt',
    '/wlp/usr/servers/s1/myserver.xml.bak',
  ]) {
    assert.equal(detectLanguage(name, undefined), undefined, name);
  }
});

test('XML whose root is <server> is Liberty, past declaration, comments, PIs and DOCTYPE', () => {
  assert.equal(detectLanguage('/x/tls-include.xml', LIBERTY), 'xml');
  assert.equal(detectLanguage('untitled:Untitled-1', LIBERTY, 'xml'), 'xml');
  assert.equal(detectLanguage('untitled:Untitled-1', LIBERTY, 'plaintext'), 'xml');
  assert.equal(detectLanguage('zowe-ds:/prof/ZCEE.CONFIG/SERVER', '\ufeff<server>\n</server>'), 'xml');
  assert.equal(
    xmlRootElement(
      '<?xml version="1.0"?>\n<!DOCTYPE server [ <!ENTITY a "b"> ]>\n<!-- <web-app> -->\n<?pi x?>\n<server/>',
    ),
    'server',
  );
  assert.equal(xmlRootElement('<serv'), undefined, 'a name still being typed decides nothing');
  assert.equal(xmlRootElement('<!-- never closed <server>'), undefined);
  assert.equal(xmlRootElement('just text'), undefined);
});

test('other XML gets nothing, whatever it says inside and whatever its name', () => {
  const webXml = '<?xml version="1.0"?>\n<web-app>\n</web-app>\n';
  assert.equal(detectLanguage('/x/web.xml', webXml, 'xml'), undefined);
  assert.equal(detectLanguage('untitled:1', webXml, 'xml'), undefined);
  // Tomcat's conf/server.xml: the name says Liberty, the root <Server> says otherwise.
  assert.equal(
    detectLanguage('/opt/tomcat/conf/server.xml', '<?xml version="1.0"?>\n<Server port="8005">\n</Server>\n'),
    undefined,
  );
  // An XML document never becomes AT-TLS or RACF because of a line in it.
  const attlsLines = '<policy>\nTTLSRule r1\n{\n}\n</policy>\n';
  const racfLines = 'RACDCERT ID(WEBSRV) LIST\n';
  assert.equal(detectLanguage('untitled:1', attlsLines, 'xml'), undefined);
  assert.equal(detectLanguage('/x/notes.xml', attlsLines), undefined);
  assert.equal(detectLanguage('untitled:1', racfLines, 'xml'), undefined);
  assert.equal(detectLanguage('/x/cmds.xml', racfLines), undefined);
  // …while the same lines outside XML still are what they were.
  assert.equal(detectLanguage('untitled:1', attlsLines), 'attls');
  assert.equal(detectLanguage('untitled:1', racfLines), 'racf');
});

test('a Liberty root wins over AT-TLS words in its comments', () => {
  const text = '<server>\n<!--\nTTLSRule is AT-TLS, not this file\n-->\n</server>\n';
  assert.equal(detectLanguage('untitled:1', text), 'xml');
});

test('detection looks only at the first 64 KB', () => {
  const late = `${' '.repeat(70_000)}<server/>`;
  assert.equal(detectLanguage('untitled:1', late, 'xml'), undefined);
  // A root past 64 KB behind an unclosed comment is not found: the scan stopped at 64 KB.
  assert.equal(detectLanguage('/x/big.xml', `<!--${'-'.repeat(5_000_000)}--><server/>`, 'xml'), undefined);
});
