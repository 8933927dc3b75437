// Writes packet captures byte by byte for the pcap parser tests (issue 6): pcap and pcapng files
// (trace-formats.md §10.1), Ethernet / SLL / raw frames, IPv4 / IPv6 + TCP (§10.2) and TLS records
// and handshake messages (§10.3, RFC 8446 §4). Written for this project; no capture is copied.

export interface Frame {
  data: Uint8Array;
  /** Seconds since the epoch (fraction kept to the nanosecond). */
  time: number;
  /** Length on the wire when `data` was cut by the snaplen. */
  orig?: number;
}

const u8 = (...xs: number[]): Uint8Array => Uint8Array.from(xs);
const be16 = (n: number): number[] => [(n >> 8) & 0xff, n & 0xff];
const be24 = (n: number): number[] => [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
const be32 = (n: number): number[] => [(n >>> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

export function concat(...parts: (Uint8Array | number[])[]): Uint8Array {
  return join(parts);
}

/** concat over an array (a capture has too many parts to spread into arguments). */
export function join(parts: (Uint8Array | number[])[]): Uint8Array {
  const n = parts.reduce((s, p) => s + p.length, 0);
  const out = new Uint8Array(n);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

// --- TLS -------------------------------------------------------------------------------------

export const record = (type: number, body: Uint8Array, version = 0x0303): Uint8Array =>
  concat([type, ...be16(version), ...be16(body.length)], body);

export const handshake = (type: number, body: Uint8Array): Uint8Array =>
  concat([type, ...be24(body.length)], body);

const ext = (type: number, data: Uint8Array): Uint8Array => concat(be16(type), be16(data.length), data);
const list16 = (xs: number[]): number[] => [...be16(xs.length * 2), ...xs.flatMap(be16)];

export interface HelloOptions {
  legacyVersion?: number;
  suites: number[];
  versions?: number[];
  groups?: number[];
  sigs?: number[];
  sni?: string;
}

export function clientHello(o: HelloOptions): Uint8Array {
  const exts: Uint8Array[] = [];
  if (o.sni) {
    const name = Array.from(o.sni, (c) => c.charCodeAt(0));
    exts.push(ext(0, u8(...be16(name.length + 3), 0, ...be16(name.length), ...name)));
  }
  if (o.groups) {
    exts.push(ext(10, u8(...list16(o.groups))));
  }
  if (o.sigs) {
    exts.push(ext(13, u8(...list16(o.sigs))));
  }
  if (o.versions) {
    exts.push(ext(43, u8(o.versions.length * 2, ...o.versions.flatMap(be16))));
  }
  const extBytes = concat(...exts);
  const body = concat(
    be16(o.legacyVersion ?? 0x0303),
    new Uint8Array(32).fill(0x11),
    [32, ...new Array<number>(32).fill(0x22)],
    list16(o.suites),
    [1, 0],
    be16(extBytes.length),
    extBytes,
  );
  return handshake(1, body);
}

export const HRR_RANDOM = 'CF21AD74E59A6111BE1D8C021E65B891C2A211167ABB8C5E079E09E2C8A8339C';

export function serverHello(o: { suite: number; selectedVersion?: number; hrr?: boolean }): Uint8Array {
  const random = o.hrr
    ? Uint8Array.from(HRR_RANDOM.match(/../g)!.map((h) => parseInt(h, 16)))
    : new Uint8Array(32).fill(0x33);
  const exts = o.selectedVersion ? ext(43, u8(...be16(o.selectedVersion))) : new Uint8Array(0);
  return handshake(2, concat(be16(0x0303), random, [0], be16(o.suite), [0], be16(exts.length), exts));
}

export const alert = (level: number, desc: number): Uint8Array => record(21, u8(level, desc));
export const ccs = (): Uint8Array => record(20, u8(1));
/** An encrypted record: `len` bytes that read as nothing (GCM's explicit nonce starts with zeros). */
export const opaque = (type: number, len: number): Uint8Array => {
  const b = new Uint8Array(len);
  for (let i = 8; i < len; i++) {
    b[i] = (i * 151 + 7) & 0xff;
  }
  return record(type, b);
};

// --- Packets ---------------------------------------------------------------------------------

export interface Endpoint {
  ip: string;
  port: number;
}

function ipBytes(ip: string): number[] {
  if (!ip.includes(':')) {
    return ip.split('.').map(Number);
  }
  const [head, tail] = ip.split('::');
  const groups = (s: string | undefined): number[] => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const h = groups(head);
  const t = groups(tail);
  const all = [...h, ...new Array<number>(8 - h.length - t.length).fill(0), ...t];
  return all.flatMap(be16);
}

export interface LinkOptions {
  /** 1 Ethernet (default), 113 Linux SLL, 276 SLL2, 101 raw, 0 BSD loopback. */
  linktype?: number;
  vlan?: boolean;
}

export function tcpFrame(
  src: Endpoint,
  dst: Endpoint,
  seq: number,
  ack: number,
  flags: number,
  payload: Uint8Array,
  link: LinkOptions = {},
): Uint8Array {
  const tcp = concat(
    be16(src.port),
    be16(dst.port),
    be32(seq),
    be32(ack),
    [0x50, flags],
    be16(65535),
    [0, 0, 0, 0],
    payload,
  );
  const v6 = src.ip.includes(':');
  const ip = v6
    ? concat([0x60, 0, 0, 0], be16(tcp.length), [6, 64], ipBytes(src.ip), ipBytes(dst.ip), tcp)
    : concat(
        [0x45, 0],
        be16(20 + tcp.length),
        [0, 0, 0x40, 0, 64, 6, 0, 0],
        ipBytes(src.ip),
        ipBytes(dst.ip),
        tcp,
      );
  const et = v6 ? 0x86dd : 0x0800;
  switch (link.linktype ?? 1) {
    case 1:
      return concat(
        [2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1],
        link.vlan ? [0x81, 0x00, 0x00, 0x0a] : [],
        be16(et),
        ip,
        // Ethernet pads short frames to 60 bytes: the IP total length says where the packet ends.
        new Array<number>(Math.max(0, 60 - 14 - ip.length)).fill(0),
      );
    case 113:
      return concat([0, 0, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0], be16(et), ip);
    case 276:
      return concat(be16(et), [0, 0, 0, 0, 0, 1, 0, 1, 0, 6, 2, 0, 0, 0, 0, 1, 0, 0], ip);
    case 0:
      return concat(v6 ? [30, 0, 0, 0] : [2, 0, 0, 0], ip);
    default:
      return ip;
  }
}

export const F = { FIN: 1, SYN: 2, RST: 4, PSH: 8, ACK: 16 };

/** A TCP conversation between a client and a server, with sequence numbers kept for each side. */
export class Conversation {
  readonly frames: Frame[] = [];
  private seq = { c: 1000, s: 50_000 };
  time: number;

  constructor(
    readonly client: Endpoint,
    readonly server: Endpoint,
    readonly link: LinkOptions = {},
    start = 1_700_000_000.25,
  ) {
    this.time = start;
  }

  private frame(from: 'c' | 's', seq: number, flags: number, payload: Uint8Array, snap?: number): void {
    const [a, b] = from === 'c' ? [this.client, this.server] : [this.server, this.client];
    const data = tcpFrame(a, b, seq, this.seq[from === 'c' ? 's' : 'c'], flags, payload, this.link);
    this.time += 0.001;
    this.frames.push(
      snap !== undefined && snap < data.length
        ? { data: data.slice(0, snap), time: this.time, orig: data.length }
        : { data, time: this.time },
    );
  }

  handshakeTcp(): this {
    this.frame('c', this.seq.c - 1, F.SYN, new Uint8Array(0));
    this.frame('s', this.seq.s - 1, F.SYN | F.ACK, new Uint8Array(0));
    return this;
  }

  /** Sends bytes from one side, in segments of the given sizes (the rest in one last segment). */
  send(from: 'c' | 's', bytes: Uint8Array, sizes: number[] = []): this {
    let at = 0;
    for (const n of [...sizes, bytes.length]) {
      if (at >= bytes.length) {
        break;
      }
      const part = bytes.subarray(at, Math.min(bytes.length, at + n));
      this.frame(from, this.seq[from], F.ACK | F.PSH, part);
      this.seq[from] += part.length;
      at += part.length;
    }
    return this;
  }

  /** Sends bytes again at an earlier sequence number (a retransmission). */
  resend(from: 'c' | 's', bytes: Uint8Array, back: number): this {
    this.frame(from, this.seq[from] - back, F.ACK | F.PSH, bytes);
    return this;
  }

  /** Sends bytes in a packet the capture cut to `snap` bytes. */
  sendCut(from: 'c' | 's', bytes: Uint8Array, snap: number): this {
    this.frame(from, this.seq[from], F.ACK | F.PSH, bytes, snap);
    this.seq[from] += bytes.length;
    return this;
  }

  /** Bytes the capture never saw (a lost packet). */
  lose(from: 'c' | 's', n: number): this {
    this.seq[from] += n;
    return this;
  }

  wait(seconds: number): this {
    this.time += seconds;
    return this;
  }

  fin(from: 'c' | 's'): this {
    this.frame(from, this.seq[from], F.FIN | F.ACK, new Uint8Array(0));
    this.seq[from] += 1;
    return this;
  }

  rst(from: 'c' | 's'): this {
    this.frame(from, this.seq[from], F.RST | F.ACK, new Uint8Array(0));
    return this;
  }
}

// --- Files -----------------------------------------------------------------------------------

function w32(le: boolean, n: number): number[] {
  const b = be32(n);
  return le ? b.reverse() : b;
}
function w16(le: boolean, n: number): number[] {
  const b = be16(n);
  return le ? b.reverse() : b;
}

export function pcapFile(
  frames: Frame[],
  o: { le?: boolean; nanos?: boolean; linktype?: number } = {},
): Uint8Array {
  const le = o.le ?? true;
  const magic = o.nanos ? 0xa1b23c4d : 0xa1b2c3d4;
  const parts: (Uint8Array | number[])[] = [
    [
      ...w32(le, magic),
      ...w16(le, 2),
      ...w16(le, 4),
      ...w32(le, 0),
      ...w32(le, 0),
      ...w32(le, 65535),
      ...w32(le, o.linktype ?? 1),
    ],
  ];
  for (const f of frames) {
    const secs = Math.floor(f.time);
    const frac = Math.round((f.time - secs) * (o.nanos ? 1e9 : 1e6));
    parts.push(
      [...w32(le, secs), ...w32(le, frac), ...w32(le, f.data.length), ...w32(le, f.orig ?? f.data.length)],
      f.data,
    );
  }
  return join(parts);
}

function block(le: boolean, type: number, body: Uint8Array): Uint8Array {
  const pad = (4 - (body.length % 4)) % 4;
  const total = 12 + body.length + pad;
  return concat(w32(le, type), w32(le, total), body, new Array<number>(pad).fill(0), w32(le, total));
}

/**
 * A pcapng file: a section header, one interface (if_tsresol = `tsresol` when given), an unknown
 * block and a Name Resolution block to be skipped, then one Enhanced Packet block per frame (or a
 * Simple Packet block, with `simple`).
 */
export function pcapngFile(
  frames: Frame[],
  o: { le?: boolean; linktype?: number; tsresol?: number; simple?: boolean } = {},
): Uint8Array {
  const le = o.le ?? true;
  const shb = block(
    le,
    0x0a0d0d0a,
    concat(w32(le, 0x1a2b3c4d), w16(le, 1), w16(le, 0), [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]),
  );
  const opts =
    o.tsresol !== undefined
      ? concat(w16(le, 9), w16(le, 1), [o.tsresol, 0, 0, 0], w16(le, 0), w16(le, 0))
      : new Uint8Array(0);
  const idb = block(le, 1, concat(w16(le, o.linktype ?? 1), w16(le, 0), w32(le, 262144), opts));
  const units = o.tsresol === undefined ? 1e6 : o.tsresol & 0x80 ? 2 ** (o.tsresol & 0x7f) : 10 ** o.tsresol;
  const parts: Uint8Array[] = [shb, idb, block(le, 0x0bad, u8(1, 2, 3, 4, 5)), block(le, 4, u8(0, 0, 0, 0))];
  for (const f of frames) {
    if (o.simple) {
      parts.push(block(le, 3, concat(w32(le, f.orig ?? f.data.length), f.data)));
      continue;
    }
    const ts = BigInt(Math.floor(f.time)) * BigInt(units) + BigInt(Math.round((f.time % 1) * units));
    parts.push(
      block(
        le,
        6,
        concat(
          w32(le, 0),
          w32(le, Number(ts >> 32n)),
          w32(le, Number(ts & 0xffffffffn)),
          w32(le, f.data.length),
          w32(le, f.orig ?? f.data.length),
          f.data,
        ),
      ),
    );
  }
  return join(parts);
}
