// `zos-tls trace` end to end: the built bundle (dist/cli.js) run as a child process over real samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './runCli';

const ATTLS = '/work/shared/corpus/traces/attls-syslog/zowe-cli-GetLogsData-operlog-EZD1287I.txt';

interface Out {
  version: number;
  format: string;
  encoding: string;
  connections: {
    id: string;
    firstLine: number;
    lastLine: number;
    outcome: string;
    messages: unknown[];
    findings: { rule: string; line: number }[];
  }[];
  findings: { rule: string; severity: string; line: number; message: string }[];
}

test('trace --format json: the issue 6 contract, 1-based lines, exit 1 when a connection failed', () => {
  const r = run(['trace', ATTLS, '--format', 'json']);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as Out;
  assert.deepEqual([out.version, out.format, out.encoding], [1, 'attls-syslog', 'utf-8']);
  assert.ok(out.connections.length >= 1);
  const failed = out.connections.find((c) => c.outcome === 'failed');
  assert.ok(failed);
  assert.ok(failed.firstLine >= 1);
  const hf = out.findings.find((f) => f.rule === 'trace/handshake-failed');
  assert.ok(hf && hf.line >= 1 && hf.severity === 'error');
  assert.ok(failed.findings.some((f) => f.rule === 'trace/handshake-failed' && f.line === hf.line));
  assert.ok(out.findings.some((f) => f.rule === 'trace/code'));
});

test('trace prints text by default; no failure exits 0; usage and I/O errors exit 2', () => {
  const text = run(['trace', ATTLS]);
  assert.equal(text.status, 1);
  assert.match(text.stdout, /attls-syslog \(utf-8\), \d+ lines, \d+ connection\(s\), \d+ failed/);
  assert.match(text.stdout, /FAILED/);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-trace-'));
  const plain = path.join(dir, 'plain.txt');
  writeFileSync(plain, 'just some text\n');
  const none = run(['trace', plain, '--format', 'json']);
  assert.equal(none.status, 0);
  assert.deepEqual((JSON.parse(none.stdout) as Out).connections, []);
  assert.match(none.stderr, /no known trace format/);
  assert.equal(run(['trace']).status, 2);
  assert.equal(run(['trace', ATTLS, '--format', 'xml']).status, 2);
  const missing = run(['trace', path.join(dir, 'missing.trc')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /cannot read .*ENOENT/);
  assert.equal(run(['trace', '--help']).status, 0);
});
