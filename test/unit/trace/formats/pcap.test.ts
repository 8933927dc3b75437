// pcap / pcapng parser (trace-formats.md §10) over captures built in the test from bytes
// (pcapBuilder.ts): file headers, links, IPv4/IPv6, TCP reassembly and TLS records.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PCAP_PARSER } from '../../../../server/src/service/trace/formats/pcap';
import { buildConnections } from '../../../../server/src/service/trace/handshake';
import type { TraceEvent } from '../../../../server/src/service/trace/types';
import {
  Conversation,
  alert,
  ccs,
  clientHello,
  concat,
  handshake,
  opaque,
  pcapFile,
  pcapngFile,
  record,
  serverHello,
} from './pcapBuilder';
import type { Frame } from './pcapBuilder';

function parse(bytes: Uint8Array, chunk = 4096): TraceEvent[] {
  const p = PCAP_PARSER.create();
  const out: TraceEvent[] = [];
  const emit = (e: TraceEvent): void => {
    out.push(e);
  };
  for (let i = 0; i < bytes.length; i += chunk) {
    p.push(bytes.subarray(i, i + chunk), emit);
  }
  p.end(emit);
  // The indexer sorts by line; a record's event is emitted when its last packet arrives.
  return out.sort((a, b) => a.line - b.line || a.endLine - b.endLine);
}

const tls = (evs: TraceEvent[]) =>
  evs.filter((e) => e.kind !== 'info' && e.kind !== 'record' && e.kind !== 'state');
const flow = (evs: TraceEvent[]) => tls(evs).map((e) => `${e.side ?? '?'}:${e.hsType ?? e.kind}`);

const C = { ip: '10.0.0.1', port: 51000 };
const S = { ip: '10.0.0.2', port: 443 };

const ECDHE_RSA_AES128_GCM = 0xc02f;
const suites12 = [ECDHE_RSA_AES128_GCM, 0xc030, 0x009c];

/** A full TLS 1.2 handshake (RFC 5246 §7.3) with application data and a clean close. */
function tls12(conv: Conversation): Conversation {
  return conv
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: suites12, sigs: [0x0401] }), 0x0301))
    .send(
      's',
      record(
        22,
        concat(
          serverHello({ suite: ECDHE_RSA_AES128_GCM }),
          handshake(11, new Uint8Array(600).fill(0x30)),
          handshake(12, new Uint8Array(100).fill(0x44)),
          handshake(14, new Uint8Array(0)),
        ),
      ),
    )
    .send('c', concat(record(22, handshake(16, new Uint8Array(66).fill(4))), ccs(), opaque(22, 40)))
    .send('s', concat(ccs(), opaque(22, 40)))
    .send('c', opaque(23, 300))
    .send('s', opaque(23, 900))
    .send('s', opaque(23, 900))
    .fin('c')
    .fin('s');
}

test('TLS 1.2 full handshake (pcap LE µs, Ethernet, IPv4): messages, sides, suite, packed records, outcome ok', () => {
  const conv = tls12(new Conversation(C, S));
  const evs = parse(pcapFile(conv.frames));
  assert.deepEqual(flow(evs), [
    'client:ClientHello',
    'server:ServerHello',
    'server:Certificate',
    'server:ServerKeyExchange',
    'server:ServerHelloDone',
    'client:ClientKeyExchange',
    'client:ccs',
    'client:Finished',
    'server:ccs',
    'server:Finished',
  ]);
  const ch = evs.find((e) => e.hsType === 'ClientHello')!;
  assert.equal(ch.line, 2, 'packets 0 and 1 are the SYN and SYN-ACK');
  assert.equal(ch.connKey, '10.0.0.1:51000-10.0.0.2:443');
  assert.equal(ch.peer, '10.0.0.1:51000 → 10.0.0.2:443');
  assert.equal(ch.dir, 'sent');
  assert.match(ch.text, /^10\.0\.0\.1:51000 → 10\.0\.0\.2:443 ClientHello TLSv1\.2 offers 3 suites$/);
  assert.deepEqual(ch.offer?.ciphers, [
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
    'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    'TLS_RSA_WITH_AES_128_GCM_SHA256',
  ]);
  assert.deepEqual(ch.offer?.versions, ['TLSv1.2']);
  assert.deepEqual(ch.offer?.signatureSchemes, ['TLS_SIGALG_SHA256_WITH_RSA']);
  assert.equal(ch.time?.iso, '2023-11-14T22:13:20.253000Z');
  const sh = evs.find((e) => e.hsType === 'ServerHello')!;
  assert.equal(sh.tlsVersion, 'TLSv1.2');
  assert.equal(sh.cipher, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
  assert.equal(sh.line, 3);
  assert.ok(evs.every((e) => e.format === 'pcap' && (e.kind === 'info' || e.connKey === ch.connKey)));
  const fins = evs.filter((e) => e.kind === 'state');
  assert.equal(fins.length, 2);
  assert.ok(!evs.some((e) => e.kind === 'error'), 'a FIN after the handshake is no error');
  // Application data: one event per side (the first encrypted record), not one per record.
  assert.equal(evs.filter((e) => e.kind === 'record').length, 2);
  const [conn] = buildConnections(evs);
  assert.equal(conn.outcome, 'ok');
  assert.equal(conn.protocol, 'TLSv1.2');
  assert.equal(conn.cipher, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256');
});

test('same events whatever the chunk size the bytes arrive in (1 byte, 7 bytes, whole file)', () => {
  const file = pcapFile(tls12(new Conversation(C, S)).frames);
  const whole = parse(file, file.length);
  assert.deepEqual(parse(file, 1), whole);
  assert.deepEqual(parse(file, 7), whole);
});

test('TLS 1.3 over IPv6 in pcapng: offers (GREASE left out), ServerHello 0304, encrypted handshake, summary, ok', () => {
  const conv = new Conversation({ ip: '2001:db8::1', port: 51000 }, { ip: '2001:db8:0:0:1::2', port: 8443 });
  conv
    .handshakeTcp()
    .send(
      'c',
      record(
        22,
        clientHello({
          suites: [0x0a0a, 0x1301, 0x1302, 0x1303, 0xc02f],
          versions: [0x2a2a, 0x0304, 0x0303],
          groups: [0x001d, 0x0017],
          sigs: [0x0804, 0x0403],
          sni: 'zos.example.com',
        }),
        0x0301,
      ),
    )
    .send(
      's',
      concat(record(22, serverHello({ suite: 0x1301, selectedVersion: 0x0304 })), ccs(), opaque(23, 2000)),
    )
    .send('c', concat(ccs(), opaque(23, 53), opaque(23, 120)))
    .send('s', opaque(23, 250))
    .fin('c')
    .fin('s');
  const evs = parse(pcapngFile(conv.frames));
  const ch = evs.find((e) => e.hsType === 'ClientHello')!;
  assert.equal(ch.connKey, '[2001:db8::1]:51000-[2001:db8::1:0:0:2]:8443');
  assert.match(ch.text, /ClientHello TLSv1\.3 offers 4 suites for zos\.example\.com$/);
  assert.deepEqual(ch.offer?.versions, ['TLSv1.3', 'TLSv1.2']);
  assert.deepEqual(ch.offer?.ciphers, [
    'TLS_AES_128_GCM_SHA256',
    'TLS_AES_256_GCM_SHA384',
    'TLS_CHACHA20_POLY1305_SHA256',
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  ]);
  assert.deepEqual(ch.offer?.groups, ['x25519', 'secp256r1']);
  assert.deepEqual(ch.offer?.signatureSchemes, ['rsa_pss_rsae_sha256', 'TLS_SIGALG_SHA256_WITH_ECDSA']);
  const sh = evs.find((e) => e.hsType === 'ServerHello')!;
  assert.equal(sh.tlsVersion, 'TLSv1.3');
  assert.equal(sh.cipher, 'TLS_AES_128_GCM_SHA256');
  assert.deepEqual(flow(evs), [
    'client:ClientHello',
    'server:ServerHello',
    'server:ccs',
    'client:ccs',
    'server:summary',
  ]);
  assert.match(
    evs.find((e) => e.kind === 'record' && e.side === 'server')!.text,
    /encrypted handshake from the server/,
  );
  const [conn] = buildConnections(evs);
  assert.equal(conn.outcome, 'ok');
  assert.equal(conn.protocol, 'TLSv1.3');
});

test('alert 40 after the ClientHello: a clear fatal handshake_failure from the server, connection failed', () => {
  const conv = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: [0x0005] })))
    .send('s', alert(2, 40))
    .fin('s');
  const evs = parse(pcapFile(conv.frames));
  assert.deepEqual(flow(evs), ['client:ClientHello', 'server:alert']);
  const a = evs.find((e) => e.kind === 'alert')!;
  assert.deepEqual(a.alert, { level: 'fatal', description: 'handshake_failure', code: 40 });
  assert.match(a.text, /^10\.0\.0\.2:443 → 10\.0\.0\.1:51000 Alert fatal handshake_failure \(40\)$/);
  assert.equal(evs.at(-1)?.kind, 'state', 'the FIN after a failure is not a second failure');
  const [conn] = buildConnections(evs);
  assert.equal(conn.outcome, 'failed');
  assert.equal(conn.stopLine, a.line);
  assert.deepEqual(conn.messages.at(-1), { line: a.line, from: 'server', type: 'Alert', alert: a.alert });
});

test('a ClientHello split over two TCP segments, and a Certificate split over two records, are read whole', () => {
  const cert = handshake(11, new Uint8Array(500).fill(7));
  const conv = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: suites12, versions: [0x0303] })), [20])
    .send(
      's',
      concat(
        record(22, concat(serverHello({ suite: 0xc02f }), cert.subarray(0, 200))),
        record(22, concat(cert.subarray(200), handshake(14, new Uint8Array(0)))),
      ),
    );
  const evs = parse(pcapFile(conv.frames));
  const ch = evs.find((e) => e.hsType === 'ClientHello')!;
  assert.deepEqual([ch.line, ch.endLine], [2, 3]);
  assert.equal(ch.offer?.ciphers?.length, 3);
  assert.deepEqual(flow(evs), [
    'client:ClientHello',
    'server:ServerHello',
    'server:Certificate',
    'server:ServerHelloDone',
  ]);
});

test('a retransmitted segment is dropped; a segment that arrives early waits for the one before it', () => {
  const sh = record(22, serverHello({ suite: 0xc02f }));
  const conv = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: suites12 })))
    .send('s', sh)
    .resend('s', sh, sh.length);
  const evs = parse(pcapFile(conv.frames));
  assert.equal(evs.filter((e) => e.hsType === 'ServerHello').length, 1);

  // Out of order: the second half of the ClientHello is captured before the first.
  const ordered = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: suites12 })), [30]);
  const frames: Frame[] = [...ordered.frames];
  [frames[2], frames[3]] = [frames[3], frames[2]];
  const ev2 = parse(pcapFile(frames));
  assert.deepEqual(flow(ev2), ['client:ClientHello']);
  assert.equal(ev2[0].offer?.ciphers?.length, 3);
});

test('a packet cut by the snaplen: what was captured is read, the framing of later records holds', () => {
  const big = record(22, concat(serverHello({ suite: 0x009c }), handshake(11, new Uint8Array(3000).fill(9))));
  const conv = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: suites12 })))
    .sendCut('s', big, 200)
    .send('s', record(22, handshake(14, new Uint8Array(0))))
    .send('c', alert(2, 42));
  const evs = parse(pcapFile(conv.frames));
  assert.deepEqual(flow(evs), [
    'client:ClientHello',
    'server:ServerHello',
    'server:Certificate',
    'server:ServerHelloDone',
    'client:alert',
  ]);
  const sh = evs.find((e) => e.hsType === 'ServerHello')!;
  assert.equal(sh.cipher, 'TLS_RSA_WITH_AES_128_GCM_SHA256');
  assert.match(evs.find((e) => e.hsType === 'Certificate')!.text, /cut short by the capture/);
  assert.equal(evs.find((e) => e.kind === 'alert')!.alert?.description, 'bad_certificate');
});

test('a lost packet inside a record keeps the framing; one over a record header loses it until a segment starts a record', () => {
  const conv = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: suites12 })))
    .send('s', record(22, serverHello({ suite: 0xc02f })))
    .send('s', concat(record(22, handshake(11, new Uint8Array(400))).subarray(0, 100)))
    .lose('s', 309) // the rest of the Certificate record
    .send('s', record(22, handshake(14, new Uint8Array(0))))
    .lose('s', 50) // covers a whole record and its header
    .send('s', new Uint8Array(20).fill(0x99)) // the middle of something: not read
    .send('s', alert(2, 80));
  const evs = parse(pcapFile(conv.frames));
  assert.deepEqual(flow(evs), [
    'client:ClientHello',
    'server:ServerHello',
    'server:Certificate',
    'server:ServerHelloDone',
    'server:alert',
  ]);
  assert.equal(evs.find((e) => e.kind === 'alert')!.alert?.description, 'internal_error');
});

test('ns timestamps in a big-endian pcap (magic A1 B2 3C 4D), Linux SLL', () => {
  const conv = new Conversation(C, S, { linktype: 113 }, 1_700_000_000)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: suites12 })));
  const file = pcapFile(conv.frames, { le: false, nanos: true, linktype: 113 });
  assert.deepEqual([...file.subarray(0, 4)], [0xa1, 0xb2, 0x3c, 0x4d]);
  const [ch] = parse(file);
  assert.equal(ch.hsType, 'ClientHello');
  const m = /^2023-11-14T22:13:20\.(\d{9})Z$/.exec(ch.time?.iso ?? '');
  assert.ok(m, ch.time?.iso);
  assert.ok(Math.abs(Number(m[1]) - 3_000_000) < 1_000, 'the third packet, 3 ms in');
});

test('big-endian pcapng with if_tsresol 10^-9, SLL2, 802.1Q VLAN, BSD loopback and raw IP links, Simple Packet blocks', () => {
  const hello = record(22, clientHello({ suites: suites12 }));
  const run = (link: { linktype: number; vlan?: boolean }, file: (f: Frame[]) => Uint8Array) => {
    const conv = new Conversation(C, S, link, 1_700_000_000).handshakeTcp().send('c', hello);
    return parse(file(conv.frames));
  };
  const ng = run({ linktype: 276 }, (f) => pcapngFile(f, { le: false, linktype: 276, tsresol: 9 }));
  assert.equal(ng[0].hsType, 'ClientHello');
  assert.match(ng[0].time?.iso ?? '', /^2023-11-14T22:13:20\.00\d{7}Z$/);
  for (const [link, file] of [
    [{ linktype: 1, vlan: true }, (f: Frame[]) => pcapFile(f)],
    [{ linktype: 0 }, (f: Frame[]) => pcapFile(f, { linktype: 0 })],
    [{ linktype: 101 }, (f: Frame[]) => pcapngFile(f, { linktype: 101 })],
    [{ linktype: 1 }, (f: Frame[]) => pcapngFile(f, { simple: true })],
  ] as const) {
    const evs = run(link, file);
    assert.deepEqual(flow(evs), ['client:ClientHello'], `linktype ${link.linktype}`);
  }
  assert.equal(
    run({ linktype: 1 }, (f) => pcapngFile(f, { simple: true }))[0].time,
    undefined,
    'Simple Packet blocks have no stamp',
  );
});

test('TLS 1.3 silent stall: ServerHello + CCS, then nothing; the client closes 30 s later → timed out, stalled', () => {
  const conv = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: [0x1303], versions: [0x0304] })))
    .send('s', concat(record(22, serverHello({ suite: 0x1303, selectedVersion: 0x0304 })), ccs()))
    .wait(30)
    .fin('c');
  const evs = parse(pcapFile(conv.frames));
  const end = evs.find((e) => e.kind === 'error')!;
  assert.equal(end.side, 'client');
  assert.match(
    end.text,
    /client closed \(FIN\) the connection 30\.0 s after the server's last handshake record: no answer from the server, timed out/,
  );
  const [conn] = buildConnections(evs);
  assert.equal(conn.outcome, 'stalled');
  assert.equal(conn.cipher, 'TLS_CHACHA20_POLY1305_SHA256');
});

test('a reset from the server instead of an answer to the ClientHello is a failure; after a finished handshake it is not', () => {
  const conv = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: suites12 })))
    .rst('s');
  const evs = parse(pcapFile(conv.frames));
  const end = evs.find((e) => e.kind === 'error')!;
  assert.match(end.text, /server reset \(RST\) the connection during the handshake without an alert/);
  assert.equal(buildConnections(evs)[0].outcome, 'failed');

  const done = tls12(new Conversation(C, S));
  done.frames.splice(-2, 2);
  done.rst('s');
  const ok = parse(pcapFile(done.frames));
  assert.ok(!ok.some((e) => e.kind === 'error'));
  assert.equal(buildConnections(ok)[0].outcome, 'ok');
});

test('TLS 1.3: a short encrypted record from the client (an encrypted alert) then FIN is a failure (§10.3)', () => {
  const conv = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: [0x1301], versions: [0x0304] })))
    .send(
      's',
      concat(record(22, serverHello({ suite: 0x1301, selectedVersion: 0x0304 })), ccs(), opaque(23, 3000)),
    )
    .send('c', concat(ccs(), opaque(23, 19)))
    .fin('c');
  const evs = parse(pcapFile(conv.frames));
  assert.match(
    evs.find((e) => e.kind === 'error')!.text,
    /client sent a short encrypted record \(19 bytes: an encrypted alert\) and closed \(FIN\)/,
  );
  assert.ok(!evs.some((e) => e.kind === 'summary'));
  assert.equal(buildConnections(evs)[0].outcome, 'failed');
});

test('HelloRetryRequest, then a middlebox CCS and a second ClientHello in clear (not taken for a Finished)', () => {
  const conv = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: [0x1301], versions: [0x0304], groups: [0x0017] })))
    .send('s', record(22, serverHello({ suite: 0x1301, selectedVersion: 0x0304, hrr: true })))
    .send(
      'c',
      concat(ccs(), record(22, clientHello({ suites: [0x1301], versions: [0x0304], groups: [0x001d] }))),
    );
  const evs = parse(pcapFile(conv.frames));
  assert.deepEqual(flow(evs), [
    'client:ClientHello',
    'server:HelloRetryRequest',
    'client:ccs',
    'client:ClientHello',
  ]);
  assert.deepEqual(evs.at(-1)?.offer?.groups, ['x25519']);
});

test('no SYN in the capture: the ClientHello sender is the client; a connection that is not TLS gives no events', () => {
  const conv = new Conversation(C, S)
    .send('s', new Uint8Array(30).fill(0x41))
    .send('c', record(22, clientHello({ suites: suites12 })))
    .send('s', alert(2, 70));
  const evs = parse(pcapFile(conv.frames));
  assert.deepEqual(flow(evs), ['client:ClientHello', 'server:alert']);
  const http = new Conversation({ ip: '10.0.0.1', port: 40000 }, { ip: '10.0.0.3', port: 80 })
    .handshakeTcp()
    .send('c', new TextEncoder().encode('GET / HTTP/1.1\r\nHost: x\r\n\r\n'))
    .send('s', new TextEncoder().encode('HTTP/1.1 200 OK\r\n\r\n'))
    .fin('c')
    .fin('s');
  assert.deepEqual(parse(pcapFile(http.frames)), []);
});

test('a damaged block length stops reading with an info event; an unknown linktype is said once', () => {
  const conv = new Conversation(C, S).handshakeTcp().send('c', record(22, clientHello({ suites: suites12 })));
  const file = pcapngFile(conv.frames);
  const bad = file.slice();
  // The first Enhanced Packet block follows SHB (28), IDB (20), the unknown block (20) and NRB (16).
  new DataView(bad.buffer).setUint32(84 + 4, 13, true);
  const evs = parse(bad);
  assert.equal(evs.length, 1);
  assert.equal(evs[0].kind, 'info');
  assert.match(evs[0].text, /capture damaged at byte 84: block length 13; reading stopped/);
  const odd = parse(pcapFile(conv.frames, { linktype: 147 }));
  assert.deepEqual(
    odd.map((e) => e.text),
    ['linktype 147 is not read: its packets are skipped'],
  );
});

test('random bytes, and random bytes after a capture header, never throw (fast-check)', () => {
  const pcapHead = pcapFile([]);
  const ngHead = pcapngFile([]);
  const valid = pcapFile(tls12(new Conversation(C, S)).frames);
  fc.assert(
    fc.property(
      fc.uint8Array({ maxLength: 4000 }),
      fc.constantFrom(new Uint8Array(0), pcapHead, ngHead),
      fc.integer({ min: 1, max: 600 }),
      (tail, head, chunk) => {
        parse(concat(head, tail), chunk);
      },
    ),
    { numRuns: 400 },
  );
  // A real capture with bytes flipped: every header and length field gets hit somewhere.
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat(valid.length - 1), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 20,
      }),
      (flips) => {
        const b = valid.slice();
        for (const [at, v] of flips) {
          b[at] = v;
        }
        parse(b, 512);
      },
    ),
    { numRuns: 400 },
  );
});

test('TLS 1.2: an encrypted alert record (type 21, 26 bytes) after the client Finished, then RST, is a failure', () => {
  const conv = new Conversation(C, S)
    .handshakeTcp()
    .send('c', record(22, clientHello({ suites: suites12 })))
    .send(
      's',
      record(
        22,
        concat(
          serverHello({ suite: 0xc02f }),
          handshake(11, new Uint8Array(300)),
          handshake(14, new Uint8Array(0)),
        ),
      ),
    )
    .send('c', concat(record(22, handshake(16, new Uint8Array(66))), ccs(), opaque(22, 40)))
    .send('s', opaque(21, 26))
    .rst('s');
  const evs = parse(pcapFile(conv.frames));
  assert.match(
    evs.find((e) => e.kind === 'record' && e.side === 'server')!.text,
    /encrypted alert record \(26 bytes\): its description cannot be read/,
  );
  assert.match(
    evs.find((e) => e.kind === 'error')!.text,
    /server sent an encrypted alert record \(26 bytes\) and reset \(RST\) the connection during the handshake/,
  );
  assert.equal(buildConnections(evs)[0].outcome, 'failed');
});

test('a capture begun after the handshake: application data read by record headers, its FIN is no error', () => {
  const conv = new Conversation(C, S)
    .send('c', opaque(23, 200))
    .send('s', concat(opaque(23, 500), opaque(23, 700)))
    .send('c', opaque(23, 19))
    .fin('c')
    .fin('s');
  const evs = parse(pcapFile(conv.frames));
  assert.ok(!evs.some((e) => e.kind === 'error'));
  assert.deepEqual(
    evs.map((e) => e.kind),
    ['record', 'record', 'state', 'state'],
    'one event per side once a direction has shown two records in step (one header alone could be chance)',
  );
});
