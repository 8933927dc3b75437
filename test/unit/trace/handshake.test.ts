// trace/handshake.ts over synthetic event lists (no parser): grouping, flow and senders for TLS 1.2
// and 1.3 (HelloRetryRequest, client authentication, resumption), negotiated protocol and suite,
// outcomes and stop lines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildConnections } from '../../../server/src/service/trace/handshake';
import type { HandshakeType, TraceEvent } from '../../../server/src/service/trace/types';

let next = 0;
function ev(p: Partial<TraceEvent> & { kind: TraceEvent['kind'] }): TraceEvent {
  const line = p.line ?? next++;
  return { format: 'jsse-debug', line, endLine: line, text: p.kind, ...p };
}
const hs = (hsType: HandshakeType, p: Partial<TraceEvent> = {}): TraceEvent =>
  ev({ kind: 'handshake', hsType, ...p });
const flow = (c: { messages: { from: string; type: string }[] }) =>
  c.messages.map((m) => `${m.from}:${m.type}`);

test('TLS 1.2 full handshake with client authentication, traced on the client: ok, senders from dir', () => {
  next = 0;
  const c = { side: 'client' as const };
  const events = [
    hs('ClientHello', { ...c, dir: 'sent' }),
    hs('ServerHello', {
      ...c,
      dir: 'received',
      tlsVersion: 'TLSv1.2',
      cipher: 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    }),
    hs('Certificate', { ...c, dir: 'received' }),
    hs('ServerKeyExchange', { ...c, dir: 'received' }),
    hs('CertificateRequest', { ...c, dir: 'received' }),
    hs('ServerHelloDone', { ...c, dir: 'received' }),
    hs('Certificate', { ...c, dir: 'sent' }),
    hs('ClientKeyExchange', { ...c, dir: 'sent' }),
    hs('CertificateVerify', { ...c, dir: 'sent' }),
    ev({ kind: 'ccs', ...c, dir: 'sent' }),
    hs('Finished', { ...c, dir: 'sent' }),
    ev({ kind: 'ccs', ...c, dir: 'received' }),
    hs('Finished', { ...c, dir: 'received' }),
  ];
  const [conn, ...rest] = buildConnections(events);
  assert.equal(rest.length, 0);
  assert.equal(conn.outcome, 'ok');
  assert.equal(conn.protocol, 'TLSv1.2');
  assert.equal(conn.cipher, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384');
  assert.deepEqual(flow(conn).slice(6, 9), [
    'client:Certificate',
    'client:ClientKeyExchange',
    'client:CertificateVerify',
  ]);
  assert.equal(conn.messages[2].from, 'server');
  assert.deepEqual(
    [conn.clientAuthRequested, conn.clientCertSent, conn.resumed, conn.helloRetry],
    [true, true, false, false],
  );
  assert.deepEqual([conn.firstLine, conn.lastLine, conn.stopLine], [0, 12, 12]);
});

test('TLS 1.3 with HelloRetryRequest and no directions: senders from the flow, the second ClientHello stays in', () => {
  next = 100;
  const events = [
    hs('ClientHello'),
    hs('HelloRetryRequest'),
    hs('ClientHello'),
    hs('ServerHello', { tlsVersion: 'TLSv1.3', cipher: 'TLS_AES_128_GCM_SHA256' }),
    hs('EncryptedExtensions'),
    hs('Certificate'),
    hs('CertificateVerify'),
    hs('Finished'),
    hs('Finished'),
  ];
  const conns = buildConnections(events);
  assert.equal(conns.length, 1);
  const [c] = conns;
  assert.deepEqual(flow(c), [
    'client:ClientHello',
    'server:HelloRetryRequest',
    'client:ClientHello',
    'server:ServerHello',
    'server:EncryptedExtensions',
    'server:Certificate',
    'server:CertificateVerify',
    'server:Finished',
    'client:Finished',
  ]);
  assert.deepEqual([c.outcome, c.protocol, c.helloRetry, c.resumed], ['ok', 'TLSv1.3', true, false]);
});

test('TLS 1.2 resumption: the server finishes first without a certificate', () => {
  next = 0;
  const [c] = buildConnections([
    hs('ClientHello'),
    hs('ServerHello', { tlsVersion: 'TLSv1.2' }),
    ev({ kind: 'ccs' }),
    hs('Finished'),
    ev({ kind: 'ccs' }),
    hs('Finished'),
  ]);
  assert.deepEqual(flow(c).slice(2), [
    'server:ChangeCipherSpec',
    'server:Finished',
    'client:ChangeCipherSpec',
    'client:Finished',
  ]);
  assert.deepEqual([c.outcome, c.resumed], ['ok', true]);
});

test('a fatal alert fails the connection at its line; the sender comes from side + dir', () => {
  next = 0;
  const [c] = buildConnections([
    hs('ClientHello', { side: 'server', dir: 'received' }),
    ev({
      kind: 'alert',
      side: 'server',
      dir: 'sent',
      alert: { level: 'fatal', description: 'handshake_failure', code: 40 },
    }),
    ev({ kind: 'info' }),
  ]);
  assert.equal(c.outcome, 'failed');
  assert.equal(c.stopLine, 1);
  assert.deepEqual(flow(c), ['client:ClientHello', 'server:Alert']);
  assert.equal(c.messages[1].alert?.code, 40);
});

test('close_notify and warning alerts do not fail; an error record does', () => {
  next = 0;
  const ok = buildConnections([
    hs('ClientHello'),
    hs('ServerHello'),
    hs('Finished'),
    hs('Finished'),
    ev({ kind: 'alert', alert: { description: 'close_notify' } }),
  ]);
  assert.equal(ok[0].outcome, 'ok');
  next = 0;
  const err = buildConnections([
    hs('ClientHello'),
    ev({ kind: 'error', text: 'Remote host terminated the handshake' }),
  ]);
  assert.deepEqual([err[0].outcome, err[0].stopLine], ['failed', 1]);
});

test('stalled: ServerHello, CCS, then nothing while the trace goes on; the same at the end of the file is unknown', () => {
  next = 0;
  const stalled = buildConnections([
    hs('ClientHello', { thread: 'A' }),
    hs('ServerHello', { thread: 'A', tlsVersion: 'TLSv1.3' }),
    ev({ kind: 'ccs', thread: 'A' }),
    hs('ClientHello', { thread: 'B' }),
    hs('ServerHello', { thread: 'B' }),
  ]);
  assert.equal(stalled.length, 2);
  assert.deepEqual([stalled[0].outcome, stalled[0].stopLine, stalled[0].thread], ['stalled', 2, 'A']);
  assert.equal(stalled[1].outcome, 'unknown', 'an excerpt that simply ends is not a stall');
  next = 0;
  const timeout = buildConnections([
    hs('ClientHello'),
    ev({ kind: 'error', text: 'curl: (28) Operation timed out after 30000 ms' }),
  ]);
  assert.equal(timeout[0].outcome, 'stalled');
});

test('grouping: connKey keeps interleaved connections apart; a key reused after failure starts a new one', () => {
  next = 0;
  const conns = buildConnections([
    hs('ClientHello', { connKey: 'c1' }),
    hs('ClientHello', { connKey: 'c2' }),
    hs('ServerHello', { connKey: 'c1' }),
    ev({ kind: 'alert', connKey: 'c2', alert: { level: 'fatal', code: 42, description: 'bad_certificate' } }),
    hs('ClientHello', { connKey: 'c2' }),
  ]);
  assert.deepEqual(
    conns.map((c) => [c.id, c.messages.map((m) => m.line)]),
    [
      ['c1', [0, 2]],
      ['c2', [1, 3]],
      ['c2#2', [4]],
    ],
  );
  // c1 stopped after ServerHello while the trace went on: stalled; c2#2 is where the file ends.
  assert.deepEqual(
    conns.map((c) => c.outcome),
    ['stalled', 'failed', 'unknown'],
  );
});

test('without a key, a new ClientHello on the same thread is a new connection; info chatter opens none', () => {
  next = 0;
  const conns = buildConnections([
    ev({ kind: 'info', thread: 'T' }),
    hs('ClientHello', { thread: 'T' }),
    hs('ServerHello', { thread: 'T' }),
    hs('ClientHello', { thread: 'T' }),
  ]);
  assert.deepEqual(
    conns.map((c) => [c.id, c.firstLine]),
    [
      ['T#1', 1],
      ['T#2', 3],
    ],
  );
  assert.equal(buildConnections([ev({ kind: 'info' })]).length, 0);
  assert.equal(buildConnections([]).length, 0);
});

test('a summary naming a suite is success; (NONE) is not', () => {
  next = 0;
  const ok = buildConnections([
    hs('ClientHello'),
    ev({ kind: 'summary', tlsVersion: 'TLSv1.3', cipher: 'TLS_AES_256_GCM_SHA384' }),
  ]);
  assert.deepEqual(
    [ok[0].outcome, ok[0].protocol, ok[0].cipher],
    ['ok', 'TLSv1.3', 'TLS_AES_256_GCM_SHA384'],
  );
  next = 0;
  const none = buildConnections([hs('ClientHello'), ev({ kind: 'summary', cipher: '(NONE)' })]);
  assert.equal(none[0].outcome, 'unknown');
});
