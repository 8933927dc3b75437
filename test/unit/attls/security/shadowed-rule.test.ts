import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findings, textAt } from './helpers';

const RULE = 'attls/shadowed-rule';

function rule(name: string, lines: string[]): string {
  return `TTLSRule ${name}\n{\n${[...lines, 'TTLSGroupActionRef G1'].map((l) => '  ' + l).join('\n')}\n}\n`;
}
const tail = 'TTLSGroupAction G1\n{\n  TTLSEnabled Off\n}\n';

test('the real case: COLATTLJ (port 4000, Both) shadows COLATTLS (port 4000, Userid START1)', () => {
  const text =
    rule('COLATTLJ', ['LocalPortRange 4000', 'Direction BOTH']) +
    rule('COLATTLS', ['LocalPortRange 4000', 'Userid START1', 'Direction BOTH']) +
    tail;
  const [f, ...rest] = findings(text, RULE);
  assert.equal(rest.length, 0);
  assert.equal(textAt(text, f), 'COLATTLS');
  assert.match(f.message, /COLATTLJ sorts first/);
  assert.equal(textAt(text, { ...f, range: f.related![0].range }), 'COLATTLJ');
});

test('a higher Priority on the narrower rule fixes it; a higher Priority on the broad one is reported', () => {
  const narrowFirst =
    rule('A', ['LocalPortRange 4000', 'Direction Both']) +
    rule('B', ['LocalPortRange 4000', 'Jobname X*', 'Direction Inbound', 'Priority 10']) +
    tail;
  assert.equal(findings(narrowFirst, RULE).length, 0);
  const broadFirst =
    rule('Z', ['LocalPortRange 1-65535', 'Direction Both', 'Priority 10']) +
    rule('A', ['LocalPortRange 443', 'Direction Inbound']) +
    tail;
  const [f] = findings(broadFirst, RULE);
  assert.equal(textAt(broadFirst, f), 'A');
  assert.match(f.message, /higher Priority \(10 > 1\)/);
});

test('ranges, wildcards and addresses: contained → reported', () => {
  const text =
    rule('ApimlClientRule', [
      'LocalPortRange 1024-65535',
      'RemoteAddr All',
      'RemotePortRange 7554-7559',
      'Jobname ZWEA*',
      'Direction Outbound',
    ]) +
    rule('ApimlZLUXClientRule', [
      'LocalPortRange 1024-65535',
      'RemoteAddr 10.1.1.1',
      'RemotePortRange 7556',
      'Jobname ZWEAAG*',
      'Direction Outbound',
    ]) +
    tail;
  assert.equal(findings(text, RULE).length, 1);
});

test('not contained, or not certain → not reported', () => {
  const cases: [string, string[], string[]][] = [
    [
      'different direction',
      ['LocalPortRange 4000', 'Direction Inbound'],
      ['LocalPortRange 4000', 'Direction Outbound'],
    ],
    ['wider port', ['LocalPortRange 4000', 'Direction Both'], ['LocalPortRange 4000-4001', 'Direction Both']],
    [
      'specific vs other address',
      ['RemoteAddr 10.0.0.1', 'Direction Both'],
      ['RemoteAddr 10.0.0.2', 'Direction Both'],
    ],
    ['jobname not under prefix', ['Jobname ZWE1*', 'Direction Both'], ['Jobname ZWE2A', 'Direction Both']],
    [
      'different Refs',
      ['LocalPortRangeRef P1', 'Direction Both'],
      ['LocalPortRangeRef P2', 'Direction Both'],
    ],
    [
      'placeholder port',
      ['LocalPortRange [zss_port]', 'Direction Both'],
      ['LocalPortRange 4000', 'Direction Both'],
    ],
    [
      'condition only the earlier rule has',
      ['LocalPortRange 4000', 'Userid U1', 'Direction Both'],
      ['LocalPortRange 4000', 'Direction Both'],
    ],
  ];
  for (const [label, a, b] of cases) {
    const text = rule('A1', a) + rule('B1', b) + tail;
    assert.equal(findings(text, RULE).length, 0, label);
  }
});

test('same Ref name compares equal', () => {
  const text =
    rule('A1', ['LocalPortRangeRef P1', 'Direction Both']) +
    rule('B1', ['LocalPortRangeRef P1', 'Jobname J', 'Direction Inbound']) +
    tail;
  assert.equal(findings(text, RULE).length, 1);
});

test('names whose order differs between ASCII and EBCDIC are not ranked', () => {
  // ASCII: 'R1' < 'Ra'; EBCDIC: lower case sorts before digits, so 'Ra' < 'R1'.
  const text =
    rule('R1', ['LocalPortRange 4000', 'Direction Both']) +
    rule('Ra', ['LocalPortRange 4000', 'Direction Both']) +
    tail;
  assert.equal(findings(text, RULE).length, 0);
});
