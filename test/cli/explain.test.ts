// `zos-tls explain` end to end: the built bundle (dist/cli.js) run as a child process.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { run } from './runCli';

interface Report {
  version: number;
  results: {
    query: string;
    matches: {
      kind: string;
      code: string;
      title: string;
      explanation: string;
      causes: string[];
      fix: string | null;
      source: string | null;
      uncertain: boolean;
    }[];
  }[];
}

test('explain --format json: one result per argument, codes in context and bare codes', () => {
  const r = run([
    'explain',
    '8/BFE',
    'EZD1287I TTLS Error RC:  406 Initial Handshake',
    'bad_certificate',
    '--format',
    'json',
  ]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as Report;
  assert.equal(out.version, 1);
  assert.deepEqual(
    out.results.map((x) => [x.query, x.matches.map((m) => `${m.kind}:${m.code}`)]),
    [
      ['8/BFE', ['icsf-reason:8/BFE']],
      ['EZD1287I TTLS Error RC:  406 Initial Handshake', ['attls-message:EZD1287I', 'gsk-rc:406']],
      ['bad_certificate', ['tls-alert:42']],
    ],
  );
  const bfe = out.results[0].matches[0];
  assert.ok(bfe.title && bfe.explanation && bfe.causes.length && bfe.fix);
  assert.match(bfe.source ?? '', /^https:\/\//);
  // System SSL rc 406 rests on an uncertain source: the JSON says so.
  assert.equal(out.results[1].matches[1].uncertain, true);
});

test('explain prints text by default, and exits 1 when nothing is recognised', () => {
  const ok = run(['explain', 'javax.net.ssl.SSLHandshakeException: no cipher suites in common']);
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /no cipher suites in common\s+→/);
  assert.match(ok.stdout, /source: https:\/\//);
  const none = run(['explain', 'port 443', '12345', '--format', 'json']);
  assert.equal(none.status, 1);
  const out = JSON.parse(none.stdout) as Report;
  assert.deepEqual(
    out.results.map((x) => x.matches.length),
    [0, 0],
  );
  assert.match(none.stderr, /no code recognised/);
});

test('explain usage errors exit 2; a negative rc is a code, not an option', () => {
  assert.equal(run(['explain']).status, 2);
  assert.equal(run(['explain', '402', '--format', 'sarif']).status, 2);
  assert.equal(run(['explain', '--bogus', '402']).status, 2);
  const neg = run(['explain', '-7', '--format=json']);
  assert.equal(neg.status, 0, neg.stderr);
  assert.equal((JSON.parse(neg.stdout) as Report).results[0].matches[0].code, '-7');
  assert.equal(run(['explain', '--help']).status, 0);
});
