// Which trace format a file holds, from its first lines (trace-formats.md §2): every signature
// rule adds its weight once when any line matches; containers first (Liberty lines carrying JSSE
// output are Liberty); the leader wins with 6 or more and a lead of 3; a lone format with 3-5 is a
// low-confidence guess; anything else is "mixed" and the user chooses. The rules are the reference's
// §2.2 table, verbatim: they were run against all 29 samples and the 65 non-trace corpus files.
import type { TraceFormat } from './types';

/** Lines and characters read for detection (§2.1 step 3). */
export const DETECT_LINES = 400;
export const DETECT_CHARS = 65_536;

// prettier-ignore
const RULES: readonly [TraceFormat, number, RegExp][] = [
  ['gsk-ctrace', 10, /^\s*COMP\(GSKSRVR\)/],
  ['gsk-ctrace', 6, /^\s*(?:\d+\s+)?[A-Z0-9$#@]{1,8}\s+(?:MESSAGE|DUMP)\s+[0-9A-F]{8}\s+\d{2}:\d{2}:\d{2}\.\d{6}\s+SSL_[A-Z_]+\s*$/],
  ['gsk-ctrace', 6, /^\s*(?:\d+\s+)?Job\s+\S+\s+Process\s+[0-9A-F]{8}\s+Thread\s+[0-9A-F]{8}\s+\S+\s*$/],
  ['gsk-ctrace', 3, /ICSF service failure:|\bgsk_[a-z0-9_]+\b/],
  ['systcpip-ctrace', 10, /^\s*COMP\(SYSTCP(?:IP|DA|IS|RE|OT)\)/],
  ['systcpip-ctrace', 4, /^\s*(?:\d+\s+)?={20,}[0-9A-F]{8}\s*$/],
  ['systcpip-ctrace', 4, /^\s*(?:\d+\s+)?[A-Z0-9$#@]{1,8}\s+(?!MESSAGE\b|DUMP\b)[A-Z0-9$#@]{1,8}\s+[0-9A-F]{8}\s+\d{2}:\d{2}:\d{2}\.\d{6}\s+\S/],
  ['systcpip-ctrace', 4, /\b(?:HASID|PASID|SASID|MODID|DUCB|JOBN|ASID)\.{2,}\s*\S/],
  ['systcpip-ctrace', 2, /\bCID\.{2,}\s*[0-9A-F]{8}\b/],
  ['attls-syslog', 10, /(?:^|\s)EZD128[1-7]I\s+TTLS\s+(?:Map|Start|Event|Flow|Data|Error)\b/],
  ['jsse-debug', 10, /javax\.net\.ssl\|(?:ALL|TRACE|DEBUG|INFO|WARNING|ERROR|FINEST|FINER|FINE|CONFIG|SEVERE)\|[0-9A-Fa-f]+\|/],
  ['jsse-debug', 6, /^\*\*\* (?:ClientHello|ServerHello|Certificate chain|CertificateRequest|ServerHelloDone|ClientKeyExchange|CertificateVerify|Finished|ECDH ServerKeyExchange|Diffie-Hellman ServerKeyExchange|ECDHClientKeyExchange)\b/],
  ['jsse-debug', 6, /^.+?, (?:WRITE|READ): (?:SSLv2Hello|SSLv3|TLSv1(?:\.[123])?) (?:Handshake|Alert|Change Cipher Spec|Application Data), length = \d+\s*$/],
  ['jsse-debug', 4, /^%% (?:No cached client session|Initialized:|Invalidated:|Cached client session|Negotiating:|Try resuming|Resuming)/],
  ['jsse-debug', 4, /^.+?, (?:RECV|SEND) \S+ ALERT:\s+(?:fatal|warning), /],
  ['jsse-debug', 2, /javax\.net\.ssl\.SSL\w*Exception:/],
  ['jsse-debug', 3, /^\s*"(?:client version|server version|cipher suites?|compression methods|extensions|random|session id)"\s*:|^\s*"[a-z_]+ \(\d+\)"\s*:\s*\{/],
  ['jsse-debug', 2, /^\s*[0-9A-F]{4}: (?:[0-9A-F]{2} {1,3}){7}[0-9A-F]{2}/],
  ['liberty-trace', 8, /^\[[^\]]{6,40}\]\s+[0-9a-fA-F]{8}\s+(?:id=[0-9a-fA-F]{8}\s+)?\S+\s+[FEWAICDOR<>123Z]\s+/],
  ['liberty-trace', 6, /\b(?:CWWKO|CWPKI|CWWKS|SSLC)\d{4}[IWEAD]:/],
  ['curl-verbose', 10, /^(?:\* |== Info: )\s*(?:TLSv1(?:\.[0-3])?|SSLv[23]|\([0-9a-f]+\)) \((?:IN|OUT)\), TLS (?:handshake|alert|change cipher|app data|header|Unknown), /],
  ['curl-verbose', 8, /^(?:\* |== Info: )\s*SSLv[23], TLS (?:handshake|alert|change cipher|app data|Unknown), /],
  ['curl-verbose', 4, /^(?:\* |== Info: )(?:\s*Trying |Connected to |ALPN|SSL connection using |Server certificate:|successfully set certificate verify locations)/],
  ['curl-verbose', 4, /^[{}] \[\d+ bytes data\]$|^(?:<=|=>) (?:Recv|Send) (?:SSL data|header|data), \d+ bytes/],
  ['curl-verbose', 4, /^curl: \(\d+\) /],
  ['openssl-s_client', 8, /^CONNECTED\([0-9A-Fa-f]+\)\s*$/],
  ['openssl-s_client', 8, /^(?:SSL_connect|SSL_accept):/],
  ['openssl-s_client', 8, /^(?:>>>|<<<) (?:TLS 1\.[0-3]|SSL 3\.0|DTLS 1\.[0-2]|\?\?\?)[, ].*\[length [0-9a-f]{4,}\]/],
  ['openssl-s_client', 8, /^(?:Sent|Received) Record\s*$/],
  ['openssl-s_client', 4, /^\s*(?:depth=\d+ |verify error:num=\d+:|verify return:\d|Verify return code: \d+ \()/],
  ['openssl-s_client', 4, /^\s*(?:New|Reused), (?:TLSv1(?:\.[0-3])?|SSLv3|\(NONE\)), Cipher is /],
  ['openssl-s_client', 4, /^(?:SSL-Session:|Certificate chain|No client certificate CA names sent|Acceptable client certificate CA names|SSL handshake has read \d+ bytes)/],
  ['openssl-s_client', 3, /^\s+(?:Inner )?Content Type = \w+ \(\d+\)\s*$|^\s+Version = .+ \(0x[0-9a-f]+\)\s*$/],
  ['openssl-s_client', 3, /^(?:[0-9A-F]+|\d+):error:[0-9A-F]{8}:[^:]*:[^:]*:[^:]+/],
  ['openssl-s_client', 2, /^(?:read from|write to) 0x[0-9a-f]+ \[0x[0-9a-f]+\]/],
];

export type Confidence = 'high' | 'low' | 'none';

export interface Detection {
  /** The format to parse as; undefined when nothing scored (or the scores are mixed). */
  format: TraceFormat | undefined;
  confidence: Confidence;
  /** True when two or more formats score and none leads clearly (§2.1 step 5): ask the user. */
  mixed: boolean;
  /** Total weight per format that scored, highest first. */
  scores: { format: TraceFormat; score: number }[];
}

/** Scores lines one by one; `result()` may be asked at any point. */
export function createDetector(): {
  push(line: string): void;
  /** True once DETECT_LINES lines or DETECT_CHARS characters were seen. */
  readonly full: boolean;
  result(): Detection;
} {
  const fired = new Array<boolean>(RULES.length).fill(false);
  let lines = 0;
  let chars = 0;
  return {
    get full() {
      return lines >= DETECT_LINES || chars >= DETECT_CHARS;
    },
    push(raw: string): void {
      lines++;
      chars += raw.length;
      const line = raw.length > DETECT_CHARS ? raw.slice(0, DETECT_CHARS).trimEnd() : raw.trimEnd();
      if (line.length === 0) {
        return;
      }
      for (let r = 0; r < RULES.length; r++) {
        if (!fired[r] && RULES[r][2].test(line)) {
          fired[r] = true;
        }
      }
    },
    result(): Detection {
      const totals = new Map<TraceFormat, number>();
      let libertyPrefixed = false;
      RULES.forEach(([format, weight], r) => {
        if (fired[r]) {
          totals.set(format, (totals.get(format) ?? 0) + weight);
          if (format === 'liberty-trace' && weight === 8) {
            libertyPrefixed = true;
          }
        }
      });
      return decide(totals, libertyPrefixed);
    },
  };
}

function decide(totals: Map<TraceFormat, number>, libertyPrefixed: boolean): Detection {
  const scores = [...totals].map(([format, score]) => ({ format, score })).sort((a, b) => b.score - a.score);
  const none: Detection = { format: undefined, confidence: 'none', mixed: false, scores };
  if (scores.length === 0) {
    return none;
  }
  const [top, second] = scores;
  const pair = second ? new Set([top.format, second.format]) : undefined;
  if (pair?.has('liberty-trace') && pair.has('jsse-debug') && libertyPrefixed) {
    return { format: 'liberty-trace', confidence: 'high', mixed: false, scores };
  }
  const lead = top.score - (second?.score ?? 0);
  if (top.score >= 6 && lead >= 3) {
    return { format: top.format, confidence: 'high', mixed: false, scores };
  }
  if (!second && top.score >= 3) {
    return { format: top.format, confidence: 'low', mixed: false, scores };
  }
  if (!second) {
    return none;
  }
  return { format: undefined, confidence: 'none', mixed: true, scores };
}

/** Detection over a whole text (tests, the viewer on an open document). */
export function detectFormat(text: string): Detection {
  const d = createDetector();
  let start = 0;
  while (!d.full && start <= text.length) {
    let end = text.length;
    const cr = text.indexOf('\r', start);
    const lf = text.indexOf('\n', start);
    if (cr !== -1 || lf !== -1) {
      end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
    }
    d.push(text.slice(start, end));
    if (end === text.length) {
      break;
    }
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return d.result();
}
