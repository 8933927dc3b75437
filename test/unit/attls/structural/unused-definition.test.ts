import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, findings } from './helpers';

const R = 'attls/unused-definition';

test('an unreferenced global is information with the unnecessary tag; rules never are', () => {
  assert.deepEqual(findings(GOOD, R), []);
  const [f] = findings(GOOD + 'TTLSSignatureParms sig2\n{\n  ClientECurves Any\n}\n', R);
  assert.equal(f.severity, 'information');
  assert.deepEqual(f.tags, ['unnecessary']);
});

test('references from inside inline blocks count', () => {
  const text =
    GOOD.replace(
      '    TLSv1.2 On\n  }',
      '    TLSv1.2 On\n  }\n  TTLSGskAdvancedParms\n  {\n    TTLSGskOcspParmsRef ocsp\n  }',
    ) + 'TTLSGskOcspParms ocsp\n{\n  OcspAiaEnable On\n}\n';
  assert.deepEqual(findings(text, R), []);
});

test('a misspelt reference is pointed out', () => {
  const text = GOOD.replace('TTLSKeyringParmsRef ring', 'TTLSKeyringParmsRef rings');
  const [f] = findings(text, R);
  assert.match(f.message, /'rings' on line 15 probably means it/);
});
