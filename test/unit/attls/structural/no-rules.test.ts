import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, findings } from './helpers';

const R = 'attls/no-rules';

test('a policy without TTLSRule is reported; main files and empty files are not', () => {
  assert.deepEqual(findings(GOOD, R), []);
  assert.equal(findings('TTLSGroupAction g\n{\n  TTLSEnabled On\n}\n', R).length, 1);
  assert.deepEqual(findings('TcpImage TCPIP /etc/img\nLogLevel 31\n', R), []);
  assert.deepEqual(findings('# nothing\n', R), []);
});
