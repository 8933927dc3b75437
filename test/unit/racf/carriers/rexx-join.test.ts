import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findCommandStreams } from '../../../../server/src/service/racf/carriers';
import { parseCommands } from '../../../../server/src/service/racf/tso';
import { SourceText } from '../../../../server/src/service/text/sourceText';

test('a REXX command continued over lines and with doubled quotes parses as one TSO command', () => {
  const text = [
    '/* REXX */',
    '"RACDCERT ID(TCPIP) GENCERT",',
    "  \"SUBJECTSDN(CN('web')) WITHLABEL('Web Cert')\"",
    "'RACDCERT ID(X) CONNECT(LABEL(''a b'') RING(R1))'",
    'exit',
  ].join('\n');
  const { streams } = findCommandStreams(new SourceText(text), 'rexx');
  assert.equal(streams.length, 2);
  const first = parseCommands(streams[0]);
  assert.equal(first.commands.length, 1);
  assert.deepEqual(first.problems, []);
  assert.equal(
    first.commands[0].text.replace(/\s+/g, ' ').trim(),
    "RACDCERT ID(TCPIP) GENCERT SUBJECTSDN(CN('web')) WITHLABEL('Web Cert')",
  );
  const label = first.commands[0].operands.find((o) => o.keyword.upper === 'WITHLABEL');
  assert.equal(label?.values[0].kind === 'quoted' ? label.values[0].value : undefined, 'Web Cert');
  assert.equal(label?.range.start.line, 2);
  const second = parseCommands(streams[1]);
  const connect = second.commands[0].operands.find((o) => o.keyword.upper === 'CONNECT');
  const inner = connect?.values.find((v) => v.kind === 'operand' && v.keyword.upper === 'LABEL');
  assert.ok(inner && inner.kind === 'operand' && inner.values[0].kind === 'quoted');
  assert.equal(inner.values[0].kind === 'quoted' ? inner.values[0].value : '', 'a b');
});
