// `zos-tls trace` end to end: the built bundle (dist/cli.js) run as a child process over real samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { run } from './runCli';
import { decodeIbm1047 } from '../../server/src/service/text/decode';

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

// --config (issue 6): findings link to the lines of the configuration under the directories.
const FIXTURES = path.join(__dirname, '../fixtures/traces');

const CONFIG_POLICY = `TTLSRule WebRule
{
  LocalPortRange 443
  TTLSGroupActionRef grp1
  TTLSEnvironmentActionRef env1
}
TTLSGroupAction grp1
{
  TTLSEnabled On
  FIPS140 On
}
TTLSEnvironmentAction env1
{
  HandshakeRole Server
  TTLSCipherParms
  {
    V3CipherSuites TLS_CHACHA20_POLY1305_SHA256
  }
}
`;
const CONFIG_SERVER = `<server>
  <featureManager><feature>transportSecurity-1.0</feature></featureManager>
  <include location="tls/ssl.xml"/>
</server>
`;
const CONFIG_INCLUDE = `<server>
  <ssl id="defaultSSLConfig" keyStoreRef="defaultKeyStore"
       clientAuthentication="true"/>
</server>
`;

/** Text as IBM-1047 bytes (reverse of the service's table; newlines as NL 0x15), as check.test.ts does. */
function toIbm1047(text: string): Buffer {
  const table = decodeIbm1047(Uint8Array.from({ length: 256 }, (_, i) => i));
  const reverse = new Map<string, number>();
  for (let b = 255; b >= 0; b--) {
    reverse.set(table[b], b);
  }
  return Buffer.from([...text].map((c) => reverse.get(c)!));
}

function configDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-trace-config-'));
  mkdirSync(path.join(dir, 'pagent'));
  mkdirSync(path.join(dir, 'wlp/tls'), { recursive: true });
  // Downloaded in binary from z/OS: decoded as check decodes it.
  writeFileSync(path.join(dir, 'pagent/TTLSPOL.ttls'), toIbm1047(CONFIG_POLICY));
  writeFileSync(path.join(dir, 'wlp/server.xml'), CONFIG_SERVER);
  writeFileSync(path.join(dir, 'wlp/tls/ssl.xml'), CONFIG_INCLUDE);
  writeFileSync(path.join(dir, 'notes.txt'), 'FIPS140 On\n');
  return dir;
}

interface RelatedOut {
  rule: string;
  related?: { path: string; line: number; message: string }[];
}

test('trace --config: JSON findings gain related paths and 1-based lines in an EBCDIC policy', () => {
  const dir = configDir();
  const trace = path.join(FIXTURES, 'gsk-fips-chacha20-csfpske-8-bfe.txt');
  const r = run(['trace', trace, '--format', 'json', '--config', dir]);
  assert.equal(r.status, 1, r.stderr);
  const out = JSON.parse(r.stdout) as { findings: RelatedOut[]; connections: { findings: RelatedOut[] }[] };
  const f = out.findings.find((x) => x.rule === 'trace/fips-chacha20');
  assert.ok(f);
  const policy = path.join(dir, 'pagent/TTLSPOL.ttls');
  assert.deepEqual(f.related, [
    {
      path: policy,
      line: 17,
      message: 'AT-TLS TTLSCipherParms V3CipherSuites TLS_CHACHA20_POLY1305_SHA256 is set here',
    },
    { path: policy, line: 10, message: 'AT-TLS TTLSGroupAction FIPS140 On is set here' },
  ]);
  // The connection's copy of the finding carries them too.
  const inConn = out.connections.flatMap((c) => c.findings).find((x) => x.rule === 'trace/fips-chacha20');
  assert.deepEqual(inConn?.related, f.related);
  // Without --config nothing is related, and the key is left out.
  const plain = JSON.parse(run(['trace', trace, '--format', 'json']).stdout) as { findings: RelatedOut[] };
  assert.ok(plain.findings.every((x) => x.related === undefined));
});

test('trace --config (repeatable, relative): text says "see <path>:<line>", a Liberty include in its own file', () => {
  const dir = configDir();
  const trace = path.join(FIXTURES, 'liberty-jsse8-null-cert-chain.txt');
  const r = run(['trace', trace, '--config', 'pagent', '--config=wlp'], dir);
  assert.equal(r.status, 1, r.stderr);
  const see = r.stdout.split('\n').filter((l) => l.startsWith('  see '));
  const include = path.join('wlp', 'tls', 'ssl.xml');
  assert.ok(see.length >= 2, r.stdout);
  for (const l of see) {
    assert.equal(l, `  see ${include}:3: server.xml <ssl clientAuthentication> true is set here`);
  }
  // The "see" lines follow the finding they belong to.
  const lines = r.stdout.split('\n');
  const i = lines.findIndex((l) => l.startsWith('  see '));
  assert.match(lines[i - 1], /trace\/client-cert-missing/);
});

test('trace --config: a missing directory exits 2; a directory without configuration says so and goes on', () => {
  const dir = configDir();
  const trace = path.join(FIXTURES, 'gsk-fips-chacha20-csfpske-8-bfe.txt');
  const missing = run(['trace', trace, '--config', path.join(dir, 'nope')]);
  assert.equal(missing.status, 2);
  assert.match(missing.stderr, /--config .*nope: no such file or directory/);
  assert.equal(run(['trace', trace, '--config']).status, 2);
  const empty = mkdtempSync(path.join(os.tmpdir(), 'zos-tls-trace-empty-'));
  writeFileSync(path.join(empty, 'notes.txt'), 'FIPS140 On\n');
  const none = run(['trace', trace, '--config', empty]);
  assert.equal(none.status, 1);
  assert.match(none.stderr, /no AT-TLS policy, RACF job or Liberty server\.xml found/);
  assert.ok(!none.stdout.includes('  see '));
});
