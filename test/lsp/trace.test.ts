// zosTls/trace/* over the real transport (issue 6): a real sample is streamed by the server from its
// file: uri, a Zowe-like document arrives as text in chunks, and pages come back by byte range
// with the codes of each line explained. The summary must be what the service's own indexer says
// of the same bytes, and the lines what the file holds.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TraceOpenTextParams, TracePageResult, TraceSummary } from '../../server/src/protocol/trace';
import {
  TRACE_CLOSE_METHOD,
  TRACE_OPEN_METHOD,
  TRACE_OPEN_TEXT_METHOD,
  TRACE_PAGE_METHOD,
} from '../../server/src/protocol/trace';
import { indexTraceBytes } from '../../server/src/service/trace';
import type { Session } from './client';
import { startSession } from './client';
import { closeCleanly, HANG_GUARD } from './session';
import { ROOT } from './serverBundle';

const CORPUS = '/work/shared/corpus/traces';
const ALERT_40 = `${CORPUS}/openssl-s_client/openssl-2602-s_client-tls13-alert-40.txt`;
const LIBERTY = `${CORPUS}/liberty-trace/openliberty-9424-message-texts-CWWKO0801E.txt`;
const FIPS_STALL = pathToFileURL(
  path.join(ROOT, 'test', 'fixtures', 'traces', 'attls-tls13-fips-stall-then-next.txt'),
);

const linesOf = (text: string): string[] => text.replace(/\r?\n$/, '').split(/\r?\n/);

describe('LSP over stdio: zosTls/trace/open, openText, page, close', HANG_GUARD, () => {
  let s: Session;
  const request = <R>(method: string, params: unknown): Promise<R> =>
    s.connection.sendRequest<R>(method, params);

  before(async () => {
    s = await startSession();
  });
  after(() => closeCleanly(s));

  test('open streams a real openssl sample: the summary is the indexer’s, findings tied to the connection', async () => {
    const uri = pathToFileURL(ALERT_40).href;
    const direct = indexTraceBytes(readFileSync(ALERT_40));
    const sum = await request<TraceSummary>(TRACE_OPEN_METHOD, { uri });
    assert.equal(sum.uri, uri);
    assert.equal(sum.format, 'openssl-s_client');
    assert.equal(sum.encoding, 'utf-8');
    assert.equal(sum.lineCount, direct.lineCount);
    assert.deepEqual(
      sum.connections.map((c) => [c.id, c.outcome, c.stopLine, c.messages.length]),
      direct.connections.map((c) => [c.id, c.outcome, c.stopLine, c.messages.length]),
    );
    assert.ok(!('events' in sum.connections[0]), 'event indexes stay in the server');
    const failed = sum.connections.find((c) => c.outcome === 'failed');
    assert.ok(failed, 'the alert 40 connection failed');
    const hf = sum.findings.find((f) => f.rule === 'trace/handshake-failed');
    assert.ok(hf, sum.findings.map((f) => f.rule).join());
    assert.equal(hf.connection, failed.id);
    assert.equal(hf.line, failed.stopLine);
    assert.equal(sum.findings.length, direct.findings.length);
  });

  test('a finding names the line of an open policy that sets what it says to change', async () => {
    // FIPS140 On in an open AT-TLS policy: the silent TLS 1.3 stall is blamed on it, with its line.
    const policy = 'file:///ws/pagent/tcpip.policy';
    await s.open(
      policy,
      'attls',
      ['TTLSGroupAction grp1', '{', '  TTLSEnabled On', '  FIPS140 On', '}'].join('\n'),
    );
    const sum = await request<TraceSummary>(TRACE_OPEN_METHOD, { uri: FIPS_STALL.href });
    const f = sum.findings.find((x) => x.rule === 'trace/fips-tls13');
    assert.ok(f, sum.findings.map((x) => x.rule).join());
    assert.deepEqual(
      f.related?.map((r) => [r.uri, r.line]),
      [[policy, 3]],
    );
    assert.match(f.related![0].message, /FIPS140 On/);
  });

  test('page returns the file’s lines, with the alert code explained on its line', async () => {
    const uri = pathToFileURL(ALERT_40).href;
    const want = linesOf(readFileSync(ALERT_40, 'utf8'));
    const all = await request<TracePageResult>(TRACE_PAGE_METHOD, { uri, fromLine: 0, count: 1000 });
    assert.deepEqual(
      all.lines.map((l) => l.text),
      want,
    );
    assert.deepEqual(
      all.lines.map((l) => l.line),
      want.map((_, i) => i),
    );
    const mid = await request<TracePageResult>(TRACE_PAGE_METHOD, { uri, fromLine: 5, count: 3 });
    assert.deepEqual(
      mid.lines.map((l) => [l.line, l.text]),
      [5, 6, 7].map((i) => [i, want[i]]),
    );
    const withCode = all.lines.find((l) => l.codes.length > 0);
    assert.ok(withCode, 'some line carries a recognised code');
    const c = withCode.codes[0];
    assert.ok(c.start < c.end && c.end <= withCode.text.length);
    assert.ok(c.title.length > 0);
    assert.ok(c.markdown.startsWith(`**${c.title}**`), c.markdown.slice(0, 80));
  });

  test('openText in chunks (a Zowe data set): summary on the last chunk, pages across offset checkpoints', async () => {
    const uri = 'zowe-ds:/PROFILE/SYS1.TRACE(LIBERTY)';
    const sample = readFileSync(LIBERTY, 'utf8');
    // 1,200 copies: more than one line-offset checkpoint (every 1,000 lines), so a page late in
    // the file starts from a checkpoint other than the first.
    const text = sample.repeat(1200);
    const want = linesOf(text);
    const third = Math.floor(text.length / 3);
    const chunks = [text.slice(0, third), text.slice(third, 2 * third), text.slice(2 * third)];
    const answers: (TraceSummary | null)[] = [];
    for (let i = 0; i < chunks.length; i++) {
      const p: TraceOpenTextParams = { uri, text: chunks[i], done: i === chunks.length - 1 };
      answers.push(await request<TraceSummary | null>(TRACE_OPEN_TEXT_METHOD, p));
    }
    assert.equal(answers[0], null);
    assert.equal(answers[1], null);
    const sum = answers[2];
    assert.ok(sum);
    assert.equal(sum.format, 'liberty-trace');
    assert.equal(sum.lineCount, want.length);
    assert.equal(sum.connections.length, indexTraceBytes(Buffer.from(text)).connections.length);
    const late = await request<TracePageResult>(TRACE_PAGE_METHOD, { uri, fromLine: 2501, count: 4 });
    assert.deepEqual(
      late.lines.map((l) => [l.line, l.text]),
      [2501, 2502, 2503, 2504].map((i) => [i, want[i]]),
    );
    await request(TRACE_CLOSE_METHOD, { uri });
    await assert.rejects(request(TRACE_PAGE_METHOD, { uri, fromLine: 0, count: 1 }), /not an open trace/);
  });

  test('bad requests are answered with errors, and the server goes on', async () => {
    await assert.rejects(
      request(TRACE_OPEN_METHOD, { uri: pathToFileURL('/nonexistent/zos-tls/trace.trc').href }),
      /ENOENT/,
    );
    await assert.rejects(request(TRACE_OPEN_METHOD, { uri: 'zowe-uss:/u/x/t.trc' }), /openText/);
    await assert.rejects(request(TRACE_PAGE_METHOD, { uri: 'file:///never/opened', fromLine: 0, count: 5 }));
    const again = await request<TraceSummary>(TRACE_OPEN_METHOD, { uri: pathToFileURL(LIBERTY).href });
    assert.equal(again.format, 'liberty-trace');
  });
});
