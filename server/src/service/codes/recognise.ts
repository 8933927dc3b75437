// Finds return, reason, alert and message codes in free text (trace lines, log lines, comments), with
// the exact range of each. A bare number is never a code: every shape below carries its context (the
// keyword, the message id, the position in a known trace line), as listed in codes.md §0 and seen in
// the real traces of shared/corpus/traces. Only codes the tables hold are reported — an unknown
// number in a known shape stays unrecognised rather than guessed.
//
// Work is bounded: every pattern is a single pass without nested quantifiers, the text scanned is
// capped, and so is the number of matches.
import type { CodeEntry } from '../knowledge/codes';
import {
  ALERT_NAMES,
  CODE_TABLES,
  alertByName,
  alertByValue,
  attlsRcByValue,
  cmsByHex,
  contentTypeByValue,
  gskByValue,
  handshakeTypeByValue,
  icsfPair,
  icsfReturnCode,
  icsfService,
  messageById,
  protocolVersionByValue,
  traceTypeByForm,
} from '../knowledge/codes';

export interface CodeMatch {
  /** Offsets into the text given: [start, end). */
  start: number;
  end: number;
  /** The text as written. */
  text: string;
  entry: CodeEntry;
  /** How the written form was read, when that is not obvious (`fatal (2) × 256 + 80`, `reason 0xBFE`). */
  reading?: string;
}

/** Characters of one text scanned by recogniseLine; the rest of a longer line is ignored. */
export const MAX_SCAN = 100_000;
/** Matches reported for one text at most. */
export const MAX_MATCHES = 1_000;
/** Characters each side of the offset that codeAt looks at. */
const HOVER_WINDOW = 600;

type Emit = (start: number, end: number, entry: CodeEntry | undefined, reading?: string) => void;
type Rule = (text: string, emit: Emit) => void;

function parseNum(written: string, hex: boolean): number {
  return hex ? parseInt(written, 16) : parseInt(written, 10);
}

function each(re: RegExp, text: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  let guard = 0;
  while ((m = re.exec(text)) !== null && guard++ < MAX_MATCHES * 4) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    fn(m);
  }
}

/** Start offset of capture group `g` (group text is found inside the whole match after `from`). */
function groupStart(m: RegExpExecArray, g: number, from = 0): number {
  return m.index + m[0].indexOf(m[g], from);
}

// ---------------------------------------------------------------------------------------------
// ICSF return/reason pairs

const ICSF_CONTEXT = /ICSF|\bCSF|PKCS|reason|\brsn/i;

/** Reads a reason code: hex when marked or when it has hex letters, otherwise both ways, in `order`. */
function icsfLookup(
  rc: number,
  reason: string,
  hexMarked: boolean,
  hexFirst: boolean,
): [CodeEntry, string] | undefined {
  const clean = reason.replace(/^0+(?=.)/, '');
  const readings: boolean[] =
    hexMarked || /[a-f]/i.test(clean) ? [true] : hexFirst ? [true, false] : [false, true];
  for (const hex of readings) {
    const n = parseNum(clean, hex);
    const e = icsfPair(rc, n);
    if (e) {
      return [
        e,
        hex
          ? `return code ${rc}, reason 0x${clean.toUpperCase()} = ${n}`
          : `return code ${rc}, reason ${n} = 0x${n.toString(16).toUpperCase()}`,
      ];
    }
  }
  return undefined;
}

const ICSF_KEYWORD_PAIR =
  /\b(retCode|return\s+code|returnCode|RC)\s*([=:])?\s*(0x)?([0-9A-Fa-f]{1,8})\b\s*[,;]?\s*(rsnCode|reason\s+code|reasonCode|RSN)\s*([=:])?\s*(0x|X')?([0-9A-Fa-f]{1,8})\b'?/gi;

const icsfKeywordPair: Rule = (text, emit) => {
  each(ICSF_KEYWORD_PAIR, text, (m) => {
    const rc = parseNum(m[4], m[3] !== undefined || /[a-f]/i.test(m[4]));
    // `RC 8 RSN BF7` writes the reason in hex; `RC=8 RSN=3070`, `reason code 11000` in decimal.
    const hexFirst = /^rsn$/i.test(m[5]) && m[6] === undefined;
    const hit = icsfLookup(rc, m[8], m[7] !== undefined, hexFirst);
    if (hit) {
      emit(m.index, m.index + m[0].length, hit[0], hit[1]);
    } else if (/^retCode$/i.test(m[1]) || ICSF_CONTEXT.test(text.slice(Math.max(0, m.index - 80), m.index))) {
      // The reason is not in the table, but the return code still says which class of failure.
      emit(
        m.index,
        m.index + m[0].length,
        icsfReturnCode(rc),
        `return code ${rc}; reason ${m[8]} is not in the table`,
      );
    }
  });
};

// `8/BFE`, `8/3070`, `12/10`, `00000008/00000BFE`; not dates (no third part) and only with ICSF context
// or a reason that is visibly hex.
const ICSF_SLASH = /(?<![\w/.])(0{6}[0-9A-Fa-f]{2}|\d{1,2})\/([0-9A-Fa-f]{1,8})(?![\w/.])/g;

const icsfSlash: Rule = (text, emit) => {
  let context: boolean | undefined;
  each(ICSF_SLASH, text, (m) => {
    const rc = parseNum(m[1], m[1].length === 8);
    // The 8-digit `00000008/00000BFE` shape and hex letters in the reason are ICSF's own writing.
    const visiblyHex = m[1].length === 8 || /[a-f]/i.test(m[2]);
    context ??= ICSF_CONTEXT.test(text);
    if (!visiblyHex && !context) {
      return;
    }
    const hit = icsfLookup(rc, m[2], m[2].length === 8, true);
    if (hit) {
      emit(m.index, m.index + m[0].length, hit[0], hit[1]);
    }
  });
};

// PKCS #11 CKR_VENDOR_DEFINED: 0xC0 rr ssss (codes.json icsf-pkcs11-vendor-error).
const PKCS11_VENDOR = /\b0x[Cc]0([0-9A-Fa-f]{2})([0-9A-Fa-f]{4})\b/g;

const pkcs11Vendor: Rule = (text, emit) => {
  each(PKCS11_VENDOR, text, (m) => {
    const rc = parseInt(m[1], 16);
    const reason = parseInt(m[2], 16);
    const e = icsfPair(rc, reason);
    if (e) {
      emit(
        m.index,
        m.index + m[0].length,
        e,
        `PKCS #11 vendor code: return code ${rc}, reason 0x${m[2].toUpperCase()}`,
      );
    }
  });
};

const ICSF_SERVICE = /\bCSF[A-Z0-9]{3,5}\b/g;

const icsfServices: Rule = (text, emit) => {
  each(ICSF_SERVICE, text, (m) => {
    const e = icsfService(m[0]);
    if (e) {
      emit(m.index, m.index + m[0].length, e);
    }
  });
};

// ---------------------------------------------------------------------------------------------
// System SSL and AT-TLS return codes

/** GSK rc below 5000, AT-TLS rc from 5000 (EZD1286I/EZD1287I carry both in the same `RC:` field). */
function rcEntry(n: number): CodeEntry | undefined {
  return n >= 5000 ? attlsRcByValue(n) : gskByValue(n);
}

// `RC: 5004`, `RC:  406`, `rc=402`, `RC 5001`, `rc 0`, and `rc517(0x205)` (three digits or more when
// glued to the keyword, so `RC4` is not read as rc 4).
const RC_KEYWORD =
  /\b(?:rc(?:\s*[:=]\s*|\s+)(-?\d{1,5}|0x[0-9A-Fa-f]{1,8})|rc(\d{3,5}))\b(\s?\(0x[0-9A-Fa-f]{1,8}\))?/gi;

const rcKeyword: Rule = (text, emit) => {
  each(RC_KEYWORD, text, (m) => {
    const written = m[1] ?? m[2];
    const n = written.toLowerCase().startsWith('0x') ? parseInt(written.slice(2), 16) : parseInt(written, 10);
    emit(m.index, m.index + m[0].length, rcEntry(n));
  });
};

// `Return code 516 received from function gsk_secure_socket_init`, `gsk_secure_socket_init=1`,
// `GSKit Error: 408`.
const GSK_SHAPES =
  /\breturn code\s+(-?\d{1,5})\s+received from function\s+gsk_\w+|\bgsk_[a-z0-9_]+\s*=\s*(-?\d{1,5})\b|\bGSKit Error:?\s*(-?\d{1,5})\b/gi;

const gskShapes: Rule = (text, emit) => {
  each(GSK_SHAPES, text, (m) => {
    const g = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
    const s = groupStart(m, g, g === 1 ? 'return code'.length : 3);
    emit(s, s + m[g].length, gskByValue(parseInt(m[g], 10)));
  });
};

// CMS status codes: 8 hex digits of the 03353xxx family, bare, with 0x, or as X'…'.
const CMS = /(?<![\w'])(?:0x|X')?(0335[0-9A-Fa-f]{4})'?(?![\w])/g;

const cmsCodes: Rule = (text, emit) => {
  each(CMS, text, (m) => {
    const e = cmsByHex(m[1]);
    if (e) {
      emit(m.index, m.index + m[0].length, e);
    }
  });
};

// ---------------------------------------------------------------------------------------------
// TLS alerts

// Names that are also ordinary identifiers elsewhere (OAuth's access_denied, JSON error fields):
// only an alert when something nearby says so.
const GENERIC_NAMES = new Set([
  'access_denied',
  'internal_error',
  'decode_error',
  'general_error',
  'protocol_version',
  'user_canceled',
]);
const ALERT_CONTEXT = /alert|fatal|warning|description/i;

const ALERT_NAME = /\b([a-z]+(?:_[A-Za-z0-9]+)+)\b(\s?\((\d{1,3})\))?/g;

const alertNames: Rule = (text, emit) => {
  each(ALERT_NAME, text, (m) => {
    const e = alertByName(m[1]);
    if (!e) {
      return;
    }
    const numbered = m[3] !== undefined && Number(m[3]) === e.value;
    if (
      GENERIC_NAMES.has(m[1]) &&
      !numbered &&
      !ALERT_CONTEXT.test(text.slice(Math.max(0, m.index - 60), m.index))
    ) {
      return;
    }
    emit(m.index, m.index + (numbered ? m[0].length : m[1].length), e);
  });
};

// `SSL alert number 40`, `Alert (40)`, `fatal error: 46: General SSLEngine problem`.
const ALERT_NUMBER = /\balert number\s+(\d{1,3})\b|\balert\s*\((\d{1,3})\)|\bfatal error:\s*(\d{1,3}):/gi;

const alertNumbers: Rule = (text, emit) => {
  each(ALERT_NUMBER, text, (m) => {
    const g = m[1] !== undefined ? 1 : m[2] !== undefined ? 2 : 3;
    const s = groupStart(m, g, 5);
    emit(s, s + m[g].length, alertByValue(parseInt(m[g], 10)));
  });
};

// curl: `* TLSv1.3 (IN), TLS alert, internal error (592):` — level × 256 + description.
const CURL_ALERT = /\bTLS alert,\s*[A-Za-z ]{1,40}\((\d{1,4})\)/g;

const curlAlerts: Rule = (text, emit) => {
  each(CURL_ALERT, text, (m) => {
    const n = parseInt(m[1], 10);
    const level = n >> 8;
    const desc = n & 0xff;
    const s = groupStart(m, 1, 10) - 1;
    const levelName = level === 2 ? 'fatal' : level === 1 ? 'warning' : undefined;
    emit(
      s,
      s + m[1].length + 2,
      n < 256 || levelName ? alertByValue(desc) : undefined,
      n >= 256 && levelName
        ? `curl prints level × 256 + description: ${levelName} (${level}) × 256 + ${desc}`
        : undefined,
    );
  });
};

const SPACED_NAMES = new Map(ALERT_NAMES.map((n) => [n.replace(/_/g, ' '), n]));

// OpenSSL `sslv3 alert handshake failure`, `tlsv1 alert internal error`; Wireshark
// `Description: Handshake Failure`.
const SPACED_ALERT =
  /\b(?:sslv3|tlsv1[0-3]?) alert ((?:[a-z]+ ){0,3}[a-z]+)|\bDescription:\s*((?:[A-Z][a-z]+ ){0,3}[A-Z][a-z]+)/g;

const spacedAlerts: Rule = (text, emit) => {
  each(SPACED_ALERT, text, (m) => {
    const g = m[1] !== undefined ? 1 : 2;
    const words = m[g].split(' ');
    // The longest run of words that names an alert: the text after the name goes on (`:ssl/...`).
    for (let k = words.length; k > 0; k--) {
      const spaced = words.slice(0, k).join(' ');
      const name = SPACED_NAMES.get(spaced.toLowerCase());
      if (name) {
        const s = groupStart(m, g, g === 1 ? 6 : 12);
        emit(s, s + spaced.length, alertByName(name));
        return;
      }
    }
  });
};

// ---------------------------------------------------------------------------------------------
// Record content types, handshake types, protocol versions

// curl `TLS handshake, Client hello (1):` / `TLS header, Unknown (21):`; OpenSSL -trace
// `Content Type = ChangeCipherSpec (20)`, `Inner Content Type = Handshake (22)`. curl's
// `TLS change cipher, Change cipher spec (1)` is the CCS message body, not a table code.
const TYPED =
  /\bTLS (handshake|header), ([A-Za-z][A-Za-z ]{0,40}\((\d{1,3})\))|\bContent Type = ([A-Za-z]{1,30} \((\d{1,3})\))/g;

const typedCodes: Rule = (text, emit) => {
  each(TYPED, text, (m) => {
    if (m[1] !== undefined) {
      const s = groupStart(m, 2, 11);
      const n = parseInt(m[3], 10);
      emit(s, s + m[2].length, m[1] === 'handshake' ? handshakeTypeByValue(n) : contentTypeByValue(n));
    } else {
      const s = groupStart(m, 4, 12);
      emit(s, s + m[4].length, contentTypeByValue(parseInt(m[5], 10)));
    }
  });
};

// `Version = TLS 1.2 (0x303)`, `TLS 1.0 (0x301)`, `version: 0x0303`.
const VERSION =
  /\b(?:SSL|TLS|DTLS) ?v?\d(?:\.\d)? \((0x[0-9A-Fa-f]{1,4})\)|\bversion\s*[=:]\s*(0x[0-9A-Fa-f]{4})\b/gi;

const versions: Rule = (text, emit) => {
  each(VERSION, text, (m) => {
    const written = m[1] ?? m[2];
    const e = protocolVersionByValue(parseInt(written.slice(2), 16));
    if (m[1] !== undefined) {
      emit(m.index, m.index + m[0].length, e);
    } else {
      const s = groupStart(m, 2, 7);
      emit(s, s + written.length, e);
    }
  });
};

// ---------------------------------------------------------------------------------------------
// GSK component trace records, message ids, Java exception texts

const TRACE_TYPE = /\bMESSAGE\s+(0{6}[0-9A-Fa-f]{2})\b|\b(SSL_(?:ENTRY|EXIT|ERROR|INFO))\b/g;

const traceTypes: Rule = (text, emit) => {
  each(TRACE_TYPE, text, (m) => {
    const g = m[1] !== undefined ? 1 : 2;
    const s = groupStart(m, g, g === 1 ? 7 : 0);
    emit(s, s + m[g].length, traceTypeByForm(m[g]));
  });
};

const MESSAGE_ID = /\b(?:EZ[DZ]\d{4}|IRRD\d{3}|ICH\d{3}|CW[A-Z]{3,4}\d{4})[A-Z]\b/g;

const messageIds: Rule = (text, emit) => {
  each(MESSAGE_ID, text, (m) => emit(m.index, m.index + m[0].length, messageById(m[0])));
};

/**
 * The literal texts to look for per Java entry: the reference's match text (without a trailing
 * `: `), and its head before the first comma or parenthesis when that head is still a phrase of
 * three words or more — people quote `Unrecognized SSL message` without `, plaintext connection?`.
 */
const JAVA_KEYS: readonly [string, CodeEntry][] = CODE_TABLES.javaErrors.flatMap((e) => {
  const full = e.code.replace(/[:\s]+$/, '');
  const head = full.split(/[,(:{]/)[0].trim();
  const keys = [full];
  if (head !== full && head.split(' ').length >= 3) {
    keys.push(head);
  }
  return keys.map((k) => [k, e] as [string, CodeEntry]);
});

const javaTexts: Rule = (text, emit) => {
  for (const [key, e] of JAVA_KEYS) {
    let from = 0;
    let guard = 0;
    while (guard++ < MAX_MATCHES) {
      const i = text.indexOf(key, from);
      if (i < 0) {
        break;
      }
      emit(i, i + key.length, e);
      from = i + key.length;
    }
  }
};

const RULES: readonly Rule[] = [
  icsfKeywordPair,
  icsfSlash,
  pkcs11Vendor,
  icsfServices,
  rcKeyword,
  gskShapes,
  cmsCodes,
  alertNames,
  alertNumbers,
  curlAlerts,
  spacedAlerts,
  typedCodes,
  versions,
  traceTypes,
  messageIds,
  javaTexts,
];

/**
 * Every code in `text` with its range, in text order. Where two readings overlap, the longer one
 * wins (`RC=8 RSN=3070` is one ICSF pair, not also a System SSL rc 8); the same stretch read twice
 * as the same entry is reported once.
 */
export function recogniseLine(text: string): CodeMatch[] {
  const scanned = text.length > MAX_SCAN ? text.slice(0, MAX_SCAN) : text;
  const found: CodeMatch[] = [];
  const emit: Emit = (start, end, entry, reading) => {
    if (entry && found.length < MAX_MATCHES * 4 && end > start) {
      found.push({ start, end, text: scanned.slice(start, end), entry, ...(reading ? { reading } : {}) });
    }
  };
  for (const rule of RULES) {
    rule(scanned, emit);
  }
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: CodeMatch[] = [];
  for (const m of found) {
    if (kept.length >= MAX_MATCHES) {
      break;
    }
    if (!kept.some((k) => m.start < k.end && k.start < m.end)) {
      kept.push(m);
    }
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The code under `offset` (for hovers): only the line around the offset is read, at most a window of it. */
export function codeAt(text: string, offset: number): CodeMatch | undefined {
  if (offset < 0 || offset > text.length) {
    return undefined;
  }
  const lo = Math.max(0, offset - HOVER_WINDOW);
  const hi = Math.min(text.length, offset + HOVER_WINDOW);
  // Line ends are looked for inside the window only: on a line of megabytes, lastIndexOf/indexOf
  // over the whole text would be the slow part of a hover.
  const before = text.slice(lo, offset).lastIndexOf('\n');
  const start = before < 0 ? lo : lo + before + 1;
  const after = text.slice(offset, hi).indexOf('\n');
  const end = after < 0 ? hi : offset + after;
  const local = offset - start;
  const hit = recogniseLine(text.slice(start, end)).find((m) => m.start <= local && local < m.end);
  return hit ? { ...hit, start: hit.start + start, end: hit.end + start } : undefined;
}
