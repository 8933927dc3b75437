// trace/findings.ts and the trace/* rules written so far (handshake-failed, handshake-stalled, code)
// over synthetic models: messages say what happened, where, and what to do; settings turn rules off.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findingsOfConnection, traceFindings } from '../../../server/src/service/trace/findings';
import type { TraceModel } from '../../../server/src/service/trace/findings';
import { buildConnections } from '../../../server/src/service/trace/handshake';
import type { TraceEvent } from '../../../server/src/service/trace/types';

function model(events: TraceEvent[]): TraceModel {
  return {
    format: 'jsse-debug',
    encoding: 'utf-8',
    lineCount: 100,
    events,
    connections: buildConnections(events),
  };
}
const e = (line: number, p: Partial<TraceEvent> & { kind: TraceEvent['kind'] }): TraceEvent => ({
  format: 'jsse-debug',
  line,
  endLine: line,
  text: '',
  ...p,
});

test('handshake-failed names the alert, its sender, the message before it, and the fix from the reference', () => {
  const m = model([
    e(3, { kind: 'handshake', hsType: 'ClientHello', side: 'client', dir: 'sent' }),
    e(9, {
      kind: 'alert',
      side: 'client',
      dir: 'received',
      alert: { level: 'fatal', description: 'handshake_failure', code: 40 },
    }),
  ]);
  const f = traceFindings(m).filter((x) => x.rule === 'trace/handshake-failed');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'error');
  assert.equal(f[0].range.start.line, 9);
  assert.match(
    f[0].message,
    /failed at line 10, after ClientHello from the client \(line 4\): the server sent fatal alert handshake_failure \(40\)/,
  );
  assert.match(f[0].href ?? '', /^https:\/\//);
  assert.deepEqual(findingsOfConnection(m.connections[0], m.events, f), f);
});

test('handshake-stalled after a TLS 1.3 ServerHello points at FIPS140 on z/OS 3.1 and earlier', () => {
  const m = model([
    e(1, { kind: 'handshake', hsType: 'ClientHello', thread: 'A' }),
    e(2, { kind: 'handshake', hsType: 'ServerHello', tlsVersion: 'TLSv1.3', thread: 'A' }),
    e(3, { kind: 'ccs', thread: 'A' }),
    e(20, { kind: 'handshake', hsType: 'ClientHello', thread: 'B' }),
  ]);
  const f = traceFindings(m).filter((x) => x.rule === 'trace/handshake-stalled');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'warning');
  assert.equal(f[0].range.start.line, 3);
  assert.match(f[0].message, /ClientHello, ServerHello, ChangeCipherSpec, then nothing/);
  assert.match(f[0].message, /FIPS140/);
  assert.ok(f[0].href);
  // A stall after the ClientHello only is the server's silence, not FIPS.
  const quiet = traceFindings(
    model([
      e(1, { kind: 'handshake', hsType: 'ClientHello', thread: 'A' }),
      e(5, { kind: 'info', thread: 'A' }),
      e(9, { kind: 'error', text: 'timed out', thread: 'A' }),
    ]),
  ).filter((x) => x.rule === 'trace/handshake-stalled');
  assert.equal(quiet.length, 1);
  assert.doesNotMatch(quiet[0].message, /FIPS/);
  assert.match(quiet[0].message, /server never answered/);
});

test('trace/code: every code the parser recognised, once, as information with its meaning and source', () => {
  const codes = [
    { id: 'icsf-8-BFE', text: 'retCode = 0x8, rsnCode = 0xbfe', line: 4, start: 22, end: 52 },
    { id: 'no-such-code', text: 'x', line: 4, start: 60, end: 61 },
  ];
  const m = model([e(4, { kind: 'error', codes }), e(4, { kind: 'error', codes: [codes[0]] })]);
  const f = traceFindings(m).filter((x) => x.rule === 'trace/code');
  assert.equal(f.length, 1, 'known id once; an id the reference lacks is not reported');
  assert.equal(f[0].severity, 'information');
  assert.deepEqual(f[0].range, { start: { line: 4, character: 22 }, end: { line: 4, character: 52 } });
  assert.match(f[0].message, /^retCode = 0x8, rsnCode = 0xbfe: /);
  assert.match(f[0].href ?? '', /^https:\/\//);
});

test('settings: a rule set to off reports nothing, a severity override applies', () => {
  const m = model([
    e(1, { kind: 'handshake', hsType: 'ClientHello' }),
    e(2, { kind: 'alert', alert: { level: 'fatal', code: 42, description: 'bad_certificate' } }),
  ]);
  // Alert 42 also gets trace/untrusted-certificate: look at handshake-failed's own findings.
  const own = (s: Parameters<typeof traceFindings>[1]) =>
    traceFindings(m, s).filter((f) => f.rule === 'trace/handshake-failed');
  assert.equal(own({ 'trace/handshake-failed': 'off' }).length, 0);
  assert.equal(own({ 'trace/handshake-failed': 'warning' })[0].severity, 'warning');
});
