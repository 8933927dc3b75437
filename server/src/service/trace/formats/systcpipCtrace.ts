// TCP/IP component trace (IPCS `CTRACE COMP(SYSTCPIP)` and the SYSTCPxx family): trace-formats.md
// §4. A record is an IPCS header (`MVS181 TELNET 70010004 12:49:06.354966 Send Data to Client`),
// dotted key lines (`HASID..002A`, `CID....092552C4`, `JOBN.... USER23`), data areas
// (`ADDR... LEN....` then `+0000  0000002C  | ....`) and free text, up to the next header or a
// `====…====00000031` separator. No AT-TLS record of this component has been seen (§4.5), so
// records stay generic: one 'record' event each, keyed by the TCP connection id (CID), with the
// codes its text carries.
import type { FormatParser, LineParser, TraceCode, TraceEvent, TraceLine } from '../types';
import {
  CTRACE_CALLOUT,
  MAX_CTRACE_DETAILS as MAX_DETAILS,
  bannerDate,
  codesOf,
  codesOfParts,
  ctraceDetail,
  ctraceEvent,
  ctraceHeader,
  lineText,
  type CtraceRecord,
  type LinePart,
} from './zosCommon';

const SEPARATOR = /^\s*(?:\d+\s+)?={20,}([0-9A-F]{8})?\s*$/;
/** The closed key list of §4.2: an open `[A-Z]+\.{2,}` pattern also matches dump text columns. */
const KV =
  /\b(HASID|PASID|SASID|MODID|TCB|REG14|USER|DUCB|CID|SEQ|ASID|JOBN|ADDR|LEN)\.{2,}\s*([0-9A-Za-z$#@]+)/g;
const DUMP = /^\s*\+[0-9A-F]{4}\s+(?:[0-9A-F]{8}\s+){0,3}[0-9A-F]{2,8}\s+[│|]/;
const BANNER =
  /^\s*(?:COMPONENT TRACE (?:FULL|SHORT|SUMMARY|TALLY) FORMAT|SYSNAME\(\S*\)|COMP\(\S*\).*|SYSNAME\s+(?:MNEMONIC|COMP)\s+ENTRY\s*ID.*|-{5,}(?:\s+-{5,})*)\s*$/;
/** `...` elision lines of documentation copies. */
const ELISION = /^\s*(?:\.\s*){3,}$/;

interface Rec extends CtraceRecord {
  seq?: string;
  callouts: boolean;
  /** Where the description starts in the header line. */
  descCol: number;
  keys: Map<string, string>;
  details: LinePart[];
}

class SystcpipParser implements LineParser {
  private rec: Rec | undefined;
  private date: string | undefined;
  private seq: string | undefined;

  push(line: TraceLine, emit: (e: TraceEvent) => void): void {
    const text = lineText(line);
    if (text.trim() === '') {
      return;
    }
    const date = bannerDate(text);
    if (date) {
      this.date = date;
      return;
    }
    const sep = SEPARATOR.exec(text);
    if (sep) {
      this.flush(emit);
      this.seq = sep[1];
      return;
    }
    const head = ctraceHeader(text);
    if (head) {
      this.flush(emit);
      this.rec = {
        head,
        line: line.line,
        endLine: line.line,
        date: this.date,
        seq: this.seq,
        callouts: CTRACE_CALLOUT.test(text),
        descCol: text.length - head.desc.length,
        keys: new Map(),
        details: [],
      };
      this.seq = undefined;
      return;
    }
    const rec = this.rec;
    if (!rec || BANNER.test(text)) {
      return;
    }
    rec.endLine = line.line;
    if (DUMP.test(text) || ELISION.test(text)) {
      return;
    }
    let keyed = false;
    KV.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = KV.exec(text)) !== null) {
      keyed = true;
      if (!rec.keys.has(m[1])) {
        rec.keys.set(m[1], m[2]);
      }
    }
    if (!keyed && rec.details.length < MAX_DETAILS) {
      rec.details.push(ctraceDetail(text, line.line, rec.callouts));
    }
  }

  end(emit: (e: TraceEvent) => void): void {
    this.flush(emit);
  }

  private flush(emit: (e: TraceEvent) => void): void {
    const rec = this.rec;
    this.rec = undefined;
    if (!rec) {
      return;
    }
    const { head, keys } = rec;
    const codes: TraceCode[] = [...codesOf(head.desc, rec.line, rec.descCol), ...codesOfParts(rec.details)];
    const detail = rec.details.map((d) => d.text).join(' | ');
    const e = ctraceEvent(
      'systcpip-ctrace',
      rec,
      'record',
      `${head.mnemonic} ${head.desc}${detail ? `: ${detail}` : ''}`,
    );
    const cid = keys.get('CID');
    // IBM: the CID is the connection id of the connection display (§4.3); zero means none.
    if (cid && /^[0-9A-Fa-f]{8}$/.test(cid) && !/^0+$/.test(cid)) {
      e.connKey = `tcpip:${head.sys}/cid:${cid.toUpperCase()}`;
    }
    const job = keys.get('JOBN');
    if (job) {
      e.job = job;
    }
    const tcb = keys.get('TCB');
    if (tcb) {
      e.thread = tcb;
    }
    if (codes.length > 0) {
      e.codes = codes;
    }
    emit(e);
  }
}

export const systcpipCtraceParser: FormatParser = {
  format: 'systcpip-ctrace',
  create: () => new SystcpipParser(),
};
