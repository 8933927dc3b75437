// Deterministic generator for the trace benchmark (issue 6): a System SSL component trace as IPCS
// `CTRACE COMP(GSKSRVR) FULL` formats it (shared/docs/trace-formats.md §3.2 banner, §3.3 record
// grammar: IPCS header, blank line, `Job … Process … Thread …` line, detail lines), of a requested
// size, written to a file in 4 MB pieces (a 1 GB trace is never held in memory).
//
// Many connections run on interleaved threads of one TCP/IP stack job, each keyed by its secure
// socket handle (§3.4 `Handle 7E828198,  Size 1`): entry/exit and read records (`Calling read
// routine for 5 bytes`, the detail text of the real samples; the handle line is written in that
// shape on every entry record, which the samples show only for gsk_secure_socket_read), and now and then a failure in the
// shapes of the samples and of this project's fixtures (test/fixtures/traces/gsk-*): a peer closing
// the socket (§3.6), the ICSF CSFPSKE 8/BFE ChaCha20 failure (§11.1) with CMS status 0335308F, and a
// key ring that cannot be opened (CMS 03353009, §11.6). Only texts the reference quotes are used;
// nothing here is a new IBM message. Seeded: every run writes the same bytes.
import { closeSync, openSync, writeSync } from 'node:fs';
import { seededRandom } from './policyGen';

const FUNCS = ['gsk_secure_socket_read', 'gsk_secure_socket_write', 'gsk_secure_socket_init'];
const PEERS = ['10.1.1.9', '192.168.50.80', '10.20.30.41', '172.16.4.12'];
/** Concurrent threads of the stack; each carries one connection at a time. */
const THREADS = 24;

const hex8 = (n: number): string => (n >>> 0).toString(16).toUpperCase().padStart(8, '0');

function time(us: number): string {
  const t = Math.floor(us / 1e6);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return `${p(Math.floor(t / 3600) % 24)}:${p(Math.floor(t / 60) % 60)}:${p(t % 60)}.${p(us % 1e6, 6)}`;
}

export interface GeneratedTrace {
  bytes: number;
  lines: number;
  connections: number;
  failing: number;
}

/** Writes about `targetBytes` (never less) of GSK CTRACE to `file`. */
export function generateGskTrace(file: string, targetBytes: number, seed = 20261201): GeneratedTrace {
  const next = seededRandom(seed);
  const int = (n: number): number => Math.floor(next() * n);
  const fd = openSync(file, 'w');
  let buf: string[] = [];
  let bufChars = 0;
  let bytes = 0;
  let lines = 0;
  let connections = 0;
  let failing = 0;
  const put = (line: string): void => {
    buf.push(line);
    bufChars += line.length + 1;
    lines++;
    if (bufChars >= 4 << 20) {
      flush();
    }
  };
  const flush = (): void => {
    if (buf.length === 0) {
      return;
    }
    const b = Buffer.from(buf.join('\n') + '\n', 'latin1');
    writeSync(fd, b);
    bytes += b.length;
    buf = [];
    bufChars = 0;
  };
  const written = (): number => bytes + bufChars;

  put('     COMPONENT TRACE FULL FORMAT');
  put('     SYSNAME(SYSA)');
  put('     COMP(GSKSRVR)');
  put('     **** 12/01/2026');
  put('');
  put('     SYSNAME   MNEMONIC  ENTRY ID    TIME STAMP     DESCRIPTION');
  put('     -------   --------  --------  ---------------  -------------');
  put('');

  let us = 36_000_000_000; // 10:00:00
  const pid = 'Process 0101002A';
  const record = (id: number, desc: string, tid: number, func: string, details: string[]): void => {
    us += 1 + int(400);
    put(`SYSA      MESSAGE   ${hex8(id)}  ${time(us)}  ${desc}`);
    put('');
    put(`  Job TCPIP     ${pid}  Thread ${hex8(tid)}  ${func}`);
    for (const d of details) {
      put(`  ${d}`);
    }
    put('');
  };
  // Per thread: the handle of its current connection and how many records it still has to write.
  const handle = new Array<number>(THREADS).fill(0);
  const left = new Array<number>(THREADS).fill(0);
  while (written() < targetBytes) {
    const t = int(THREADS);
    const tid = t + 2;
    if (left[t] === 0) {
      handle[t] = 0x21c00000 + int(0x3fffff) * 8;
      left[t] = 6 + int(40);
      connections++;
      record(1, 'SSL_ENTRY', tid, 'gsk_secure_socket_init', [`Handle ${hex8(handle[t])},  Size 0`]);
      continue;
    }
    left[t]--;
    const h = `Handle ${hex8(handle[t])},  Size ${1 + int(16_384)}`;
    if (left[t] === 0) {
      // The connection ends: most close through gsk_secure_socket_close (a System SSL API), some
      // peers drop the socket, a few fail in the documented ways.
      const r = int(100);
      const peer = `${PEERS[int(PEERS.length)]}.${1024 + int(60_000)}.`;
      if (r < 3) {
        failing++;
        record(4, 'SSL_ERROR', tid, 'crypto_chacha_encrypt_ctx', [
          'ICSF service failure: CSFPSKE retCode = 0x8, rsnCode = 0xbfe',
        ]);
        record(4, 'SSL_ERROR', tid, 'crypto_chacha_encrypt_ctx', [
          'Unable to encrypt record: Error 0x0335308F',
        ]);
      } else if (r < 4) {
        failing++;
        record(4, 'SSL_ERROR', tid, 'gsk_environment_init', [
          'Unable to open key ring TCPIP/TTLSRING: Error 0x03353009',
        ]);
      } else if (r < 12) {
        failing++;
        record(4, 'SSL_ERROR', tid, 'gsk_read_v3_record', [`Socket closed by ${peer}`]);
      } else {
        record(1, 'SSL_ENTRY', tid, 'gsk_secure_socket_close', [h]);
      }
      continue;
    }
    const k = int(10);
    if (k < 4) {
      const f = FUNCS[int(FUNCS.length)];
      record(1, 'SSL_ENTRY', tid, f, [h]);
    } else if (k < 8) {
      record(8, 'SSL_INFO', tid, 'gsk_read_v3_record', [
        `Calling read routine for ${k < 6 ? 5 : 1 + int(16_384)} bytes`,
      ]);
    } else {
      // No detail line of an exit record was seen (§3.8): the header and job line only.
      record(2, 'SSL_EXIT', tid, FUNCS[int(FUNCS.length)], []);
    }
  }
  flush();
  closeSync(fd);
  return { bytes, lines, connections, failing };
}
