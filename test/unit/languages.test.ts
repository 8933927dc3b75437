import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLanguage } from '../../server/src/service/languages';

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
  for (const name of ['zowe-ds:/prof/SYS1.PROCLIB/TCPIP', 'notes.txt', 'zowe-uss:/prof/u/me/server.xml']) {
    assert.equal(detectLanguage(name, ''), undefined, name);
  }
});

test('AT-TLS is recognised from content when the name says nothing', () => {
  assert.equal(detectLanguage('zowe-ds:/p/MY.PARMS/POLICY1', '# x\n  TTLSRule r\n{\n}\n'), 'attls');
  assert.equal(detectLanguage('untitled:1', 'TcpImage TCPIP /etc/image.conf FLUSH\n'), 'attls');
  assert.equal(detectLanguage('untitled:1', 'The TTLSRule statement is described below.\n'), undefined);
});
