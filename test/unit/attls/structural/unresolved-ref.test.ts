import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GOOD, applyFix, findings, lines } from './helpers';
import { analyzeAttls } from '../../../../server/src/service/attls/analyze';

const R = 'attls/unresolved-ref';

test('resolved references raise nothing', () => {
  assert.deepEqual(findings(GOOD, R), []);
});

test('names are case-sensitive; the case-only match is the preferred fix', () => {
  const text = GOOD.replace('TTLSKeyringParmsRef ring', 'TTLSKeyringParmsRef Ring');
  const [f] = findings(text, R);
  assert.equal(f.range.start.line, 14);
  assert.match(f.message, /differs only in case/);
  assert.equal(f.fixes?.[0].isPreferred, true);
  assert.match(applyFix(text, f), /TTLSKeyringParmsRef ring/);
});

test('the stub fix appends an empty statement, braces on their own lines, and it resolves', () => {
  const text = GOOD.replace('TTLSGroupActionRef grp', 'TTLSGroupActionRef other');
  const [f] = findings(text, R);
  const stub = f.fixes?.find((x) => x.title.startsWith('Create'));
  assert.ok(stub);
  const fixed = applyFix(text, f, f.fixes!.indexOf(stub));
  assert.match(fixed, /\nTTLSGroupAction other\n\{\n\}\n$/);
  assert.deepEqual(findings(fixed, R), []);
});

test('a glued keyword block (PortGroup2) is named as the likely target', () => {
  const text =
    GOOD.replace('Direction Inbound', 'Direction Inbound\n  RemotePortGroupRef portGroup2') +
    'PortGroup2\n{\n  PortRange\n  {\n    Port 10\n  }\n}\n';
  const [f] = findings(text, R);
  assert.match(f.message, /'PortGroup2' on line/);
  assert.match(applyFix(text, f), /^PortGroup portGroup2$/m);
});

test('a missing } does not cascade into unresolved references', () => {
  const text = GOOD.replace('    TLSv1.2 On\n  }\n}', '    TLSv1.2 On\n  }');
  const all = analyzeAttls(text).findings;
  assert.ok(all.some((f) => f.rule === 'attls/syntax'));
  assert.deepEqual(lines(all.filter((f) => f.rule === R)), []);
});
