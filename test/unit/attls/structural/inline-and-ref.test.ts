import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, findings } from './helpers';

const R = 'attls/inline-and-ref';

test('a sub-statement both inline and by Ref is reported on the Ref line', () => {
  assert.deepEqual(findings(GOOD, R), []);
  const text = GOOD.replace(
    '  TTLSKeyringParmsRef ring\n',
    '  TTLSKeyringParmsRef ring\n  TTLSEnvironmentAdvancedParmsRef adv\n',
  );
  const [f] = findings(text, R);
  assert.equal(f.range.start.line, 15);
  assert.match(f.message, /both inline/);
});
