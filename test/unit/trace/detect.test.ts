// trace/detect.ts over the real corpus: every trace sample is classified as its folder says, and no
// non-trace corpus file (AT-TLS, Liberty, RACDCERT, pasearch) scores at all (trace-formats.md §2, §12).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { detectFormat } from '../../../server/src/service/trace/detect';

const CORPUS = '/work/shared/corpus';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

test('all 29 trace samples are detected as their folder says', () => {
  const samples = files(path.join(CORPUS, 'traces')).filter(
    (f) => path.dirname(f) !== path.join(CORPUS, 'traces'),
  );
  assert.equal(samples.length, 29);
  const wrong = samples
    .map((f) => ({ f, folder: path.basename(path.dirname(f)), d: detectFormat(readFileSync(f, 'utf8')) }))
    .filter((x) => x.d.format !== x.folder || x.d.mixed);
  assert.deepEqual(
    wrong.map((x) => `${x.f}: ${JSON.stringify(x.d.scores)}`),
    [],
  );
});

test('the two weakest samples are low-confidence guesses; the WebSphere note is a Liberty container', () => {
  const d = (p: string) => detectFormat(readFileSync(path.join(CORPUS, 'traces', p), 'utf8'));
  const lone = d('openssl-s_client/openssl-19518-s_client-msg-error-line-alert-80.txt');
  assert.deepEqual([lone.format, lone.confidence, lone.scores[0].score], ['openssl-s_client', 'low', 3]);
  const body = d('jsse-debug/jdk11-style-alphagarden-4-part1-clienthello-extensions.txt');
  assert.deepEqual([body.format, body.confidence], ['jsse-debug', 'low']);
  const was = d('liberty-trace/websphere-traditional-trace-ssl-all-and-jsse-debug-client.txt');
  assert.deepEqual(
    was.scores.map((s) => [s.format, s.score]),
    [
      ['liberty-trace', 8],
      ['jsse-debug', 6],
    ],
  );
  assert.equal(was.format, 'liberty-trace');
});

test('no non-trace corpus file scores anything', () => {
  const all = ['attls', 'liberty', 'racdcert', 'pasearch'].flatMap((d) => files(path.join(CORPUS, d)));
  assert.ok(all.length >= 60, `only ${all.length} files`);
  const scoring = all.filter((f) => detectFormat(readFileSync(f, 'latin1')).scores.length > 0);
  assert.deepEqual(scoring, []);
});

test('close scores are "mixed"; nothing at all is no format', () => {
  const mixed = detectFormat('* TLSv1.3 (OUT), TLS handshake, Client hello (1):\nCONNECTED(00000003)\n');
  assert.equal(mixed.mixed, true);
  assert.equal(mixed.format, undefined);
  assert.deepEqual(
    mixed.scores.map((s) => s.score),
    [10, 8],
  );
  const none = detectFormat('hello world\n'.repeat(1000));
  assert.deepEqual([none.format, none.mixed, none.confidence], [undefined, false, 'none']);
  // A lone weak rule below 3 is not a guess.
  assert.equal(detectFormat('read from 0x1 [0x2]\n').format, undefined);
});

test('each rule weighs once however many lines match; only the first 400 lines are read', () => {
  const many = '* TLSv1.2 (OUT), TLS handshake, Client hello (1):\n'.repeat(50);
  assert.equal(detectFormat(many).scores[0].score, 10);
  const late = `${'x\n'.repeat(400)}CONNECTED(00000003)\n`;
  assert.equal(detectFormat(late).format, undefined);
});
